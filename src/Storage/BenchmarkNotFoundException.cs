using System;
using System.Globalization;
using System.IO;

namespace Canopy.Storage;

/// <summary>A benchmark name that the cache does not hold.</summary>
public sealed class BenchmarkNotFoundException : Exception
{
    public BenchmarkNotFoundException(string name, string databasePath)
        : base(Describe(name, databasePath))
    {
        Name = name;
    }

    public string Name { get; }

    // A mistyped cache path is a likelier cause than a missing benchmark when the file is not there at all.
    private static string Describe(string name, string databasePath) => File.Exists(databasePath)
        ? $"The cache {databasePath} contains no benchmark named '{name}'.{WildcardHint(name)}{InvisibleHint(name)} Run Get-CanopyBenchmark without -Name to list the stored benchmarks."
        : $"The cache file {databasePath} does not exist, so it holds no benchmark named '{name}'. Check the path, or import the benchmark into it with Import-CanopyBenchmark.";

    // Names are compared literally, so a pattern such as exp-* matches only a benchmark of that very name.
    private static string WildcardHint(string name) => name.IndexOfAny(new[] { '*', '?', '[' }) >= 0
        ? " Benchmark names are taken literally, without wildcards; filter the list with Where-Object Name -like instead."
        : string.Empty;

    // A name that prints like a stored one can differ by a character that is not drawn, such as U+200B.
    private static string InvisibleHint(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (char.GetUnicodeCategory(name, i) is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                return $" The name given contains the invisible character U+{char.ConvertToUtf32(name, i):X4} at position {i + 1}.";
            }
        }

        return string.Empty;
    }
}

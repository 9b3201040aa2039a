using System;
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
        ? $"The cache {databasePath} contains no benchmark named '{name}'.{WildcardHint(name)} Run Get-CanopyBenchmark without -Name to list the stored benchmarks."
        : $"The cache file {databasePath} does not exist, so it holds no benchmark named '{name}'. Check the path, or import the benchmark into it with Import-CanopyBenchmark.";

    // Names are compared literally, so a pattern such as exp-* matches only a benchmark of that very name.
    private static string WildcardHint(string name) => name.IndexOfAny(new[] { '*', '?', '[' }) >= 0
        ? " Benchmark names are taken literally, without wildcards; filter the list with Where-Object Name -like instead."
        : string.Empty;
}

using System;

namespace Canopy.Storage;

/// <summary>A benchmark name that the cache does not hold.</summary>
public sealed class BenchmarkNotFoundException : Exception
{
    public BenchmarkNotFoundException(string name, string databasePath)
        : base($"The cache {databasePath} contains no benchmark named '{name}'. Run Get-CanopyBenchmark without -Name to list the stored benchmarks.")
    {
        Name = name;
    }

    public string Name { get; }
}

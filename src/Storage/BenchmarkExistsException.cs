using System;

namespace Canopy.Storage;

/// <summary>An import under a name that the cache already contains, without permission to replace it.</summary>
public sealed class BenchmarkExistsException : Exception
{
    public BenchmarkExistsException(string name, string databasePath)
        : base($"The cache {databasePath} already contains a benchmark named '{name}'. Use -Force to replace it, or choose another -Name.")
    {
        Name = name;
    }

    public string Name { get; }
}

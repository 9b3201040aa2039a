namespace Canopy.Storage;

/// <summary>A benchmark file with no column that contains architectures.</summary>
public sealed class ArchitectureColumnNotFoundException : BenchmarkFileException
{
    public ArchitectureColumnNotFoundException(string path, string message)
        : base(path, 1, message)
    {
    }
}

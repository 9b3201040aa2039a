using System;

namespace Canopy.Storage;

/// <summary>A benchmark file that cannot be imported at all: empty, not valid JSON, or with a bad header.</summary>
public class BenchmarkFileException : Exception
{
    public BenchmarkFileException(string path, long lineNumber, string message)
        : base($"{path}, line {lineNumber}: {message}")
    {
        Path = path;
        LineNumber = lineNumber;
    }

    public string Path { get; }

    /// <summary>The 1-based line where the problem was found.</summary>
    public long LineNumber { get; }
}

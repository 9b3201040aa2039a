using System;

namespace Canopy.Storage;

/// <summary>
/// A benchmark file that cannot be imported at all: empty, not valid JSON, with a bad header, or compressed data that
/// is damaged or ends early.
/// </summary>
public class BenchmarkFileException : Exception
{
    public BenchmarkFileException(string path, long lineNumber, string message, Exception? innerException = null)
        : base($"{path}, line {lineNumber}: {message}", innerException)
    {
        Path = path;
        LineNumber = lineNumber;
    }

    public string Path { get; }

    /// <summary>The 1-based line where the problem was found.</summary>
    public long LineNumber { get; }
}

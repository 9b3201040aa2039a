using System;

namespace Canopy.Storage;

/// <summary>
/// A benchmark file that cannot be imported at all: empty, not valid JSON, with a bad header, or compressed data that
/// is damaged or ends early.
/// </summary>
public class BenchmarkFileException : Exception
{
    public BenchmarkFileException(string path, long lineNumber, string message, Exception? innerException = null)
        : base($"{path}, line {lineNumber}: {WithNothingStored(message)}", innerException)
    {
        Path = path;
        LineNumber = lineNumber;
    }

    /// <summary>Creates the exception for a problem of the whole file that no line can locate, such as damaged compressed data.</summary>
    public BenchmarkFileException(string path, string message, Exception? innerException = null)
        : base($"{path}: {WithNothingStored(message)}", innerException)
    {
        Path = path;
    }

    /// <summary>
    /// The sentence that messages about a cut-off file end with: the import rolled back, so a user knows that an earlier
    /// benchmark of that name survived.
    /// </summary>
    public const string NothingStored = "Nothing was stored, so the cache, including any benchmark stored earlier under this name, is unchanged.";

    public string Path { get; }

    // The import rolls back whatever the problem, so every message ends with that sentence unless it contains it already.
    private static string WithNothingStored(string message) =>
        message.Contains(NothingStored, StringComparison.Ordinal) ? message : $"{message} {NothingStored}";

    /// <summary>The 1-based line where the problem was found, or null when no line locates it.</summary>
    public long? LineNumber { get; }
}

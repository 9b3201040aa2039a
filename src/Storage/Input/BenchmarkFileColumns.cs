using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Canopy.Storage.Input;

/// <summary>Reads the column names of a benchmark file for tab completion, without importing it.</summary>
public static class BenchmarkFileColumns
{
    /// <summary>
    /// Returns the columns of the file's first record, or an empty list when the file cannot be read. A gzip file gets
    /// none, because it is checked whole before its first record is read, and so does anything but a regular file.
    /// </summary>
    public static IReadOnlyList<string> Read(string path)
    {
        try
        {
            // A device or a named pipe reports no length and may never end, and a Tab press must not wait on it.
            var file = new FileInfo(path);
            FileSystemInfo target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) ?? file;
            if (target is not FileInfo { Exists: true, Length: > 0 } || BenchmarkFile.IsGzip(path))
            {
                return Array.Empty<string>();
            }

            using IRecordSource source = BenchmarkFile.Open(path);
            source.Read();
            return source.Columns.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BenchmarkFileException or FormatException or ArgumentException)
        {
            return Array.Empty<string>();
        }
    }
}

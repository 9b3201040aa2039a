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
    /// none, because it is checked whole before its first record is read.
    /// </summary>
    public static IReadOnlyList<string> Read(string path)
    {
        try
        {
            if (!File.Exists(path) || BenchmarkFile.IsGzip(path))
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

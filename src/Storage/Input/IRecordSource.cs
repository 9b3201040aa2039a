using System;
using System.Collections.Generic;

namespace Canopy.Storage.Input;

/// <summary>A forward-only reader of the records of one benchmark file, with typed values.</summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>"CSV" or "JSON", with " (gzip)" appended for a compressed file.</summary>
    string Format { get; }

    /// <summary>
    /// The column names in file order. A CSV file fixes them in its header; a JSON file adds a column when a record
    /// first uses a new property, so the list may grow after <see cref="Read"/>.
    /// </summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Messages about column names that the source replaced, one each, such as a blank name stored as H1. Complete
    /// once <see cref="Read"/> has returned false.
    /// </summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Describes the columns other than <paramref name="excludedColumns"/>, the architecture and widths columns, whose
    /// text values look like numbers written with a comma, which the cache stores as text, or returns null. Complete
    /// once <see cref="Read"/> has returned false.
    /// </summary>
    string? CommaNumberWarning(IReadOnlyCollection<int> excludedColumns);

    /// <summary>
    /// The positions of the columns in which some record has a nested JSON object or array, which is stored as its
    /// JSON text. Complete once <see cref="Read"/> has returned false.
    /// </summary>
    IReadOnlyCollection<int> NestedValueColumns { get; }

    /// <summary>The 1-based line of the file on which the current record starts.</summary>
    long LineNumber { get; }

    /// <summary>Bytes read so far from the file on disk (compressed bytes for a gzip file).</summary>
    long BytesRead { get; }

    /// <summary>The file's size on disk in bytes.</summary>
    long TotalBytes { get; }

    /// <summary>
    /// How many leading columns the current record has fields for. A short CSV record ends before the header does;
    /// a JSON record names its properties, so it reports every known column.
    /// </summary>
    int FieldCount { get; }

    /// <summary>Why the current record cannot be stored as it is, or null when it can.</summary>
    string? RecordProblem { get; }

    /// <summary>
    /// Advances to the next record and returns false at the end of the file. Throws <see cref="BenchmarkFileException"/>
    /// when the file cannot be imported at all, such as a file that ends inside a JSON array or a CSV file whose last
    /// record looks cut off.
    /// </summary>
    bool Read();

    /// <summary>The current record's value in column <paramref name="column"/>: long, double, string or null.</summary>
    object? GetValue(int column);
}

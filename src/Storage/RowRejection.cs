using System.Collections.Generic;

namespace Canopy.Storage;

/// <summary>A row that an import could not store, with the file line where it starts and the reason.</summary>
public sealed class RowRejection
{
    public required long LineNumber { get; init; }

    /// <summary>The row's position among the file's records, from 1, which distinguishes records that share a line.</summary>
    public required long RecordNumber { get; init; }

    public required string Reason { get; init; }

    /// <summary>The row's fields by column name, as read from the file.</summary>
    public required IReadOnlyList<KeyValuePair<string, object?>> Record { get; init; }

    public override string ToString() => $"line {LineNumber}: {Reason}";
}

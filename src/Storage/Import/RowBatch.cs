using System;
using System.Collections.Generic;

namespace Canopy.Storage.Import;

/// <summary>Consecutive rows handed from the reading thread to the parsing thread and on to the writing thread.</summary>
internal sealed class RowBatch
{
    public List<ParsedRow> Rows { get; } = new(RowReader.BatchSize);

    /// <summary>The column names known when the batch was queued, enough for every row in it.</summary>
    public IReadOnlyList<string> Columns { get; set; } = Array.Empty<string>();

    /// <summary>Bytes read from the file when the batch was queued.</summary>
    public long BytesRead { get; set; }
}

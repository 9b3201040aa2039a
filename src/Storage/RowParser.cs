using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading;
using Canopy.Architectures;
using Canopy.Storage.Input;

namespace Canopy.Storage;

/// <summary>
/// Reads records and canonicalises their architectures on a worker thread while the calling thread writes the
/// previous batch into SQLite. The bounded queue keeps at most a few batches in memory.
/// </summary>
internal sealed class RowParser
{
    public const int BatchSize = 1024;

    private readonly IRecordSource _source;
    private readonly int _architectureColumn;
    private readonly SearchSpace? _searchSpace;
    private readonly IArchitectureCanonicalizer _canonicalizer;
    private string[] _columns;

    public RowParser(IRecordSource source, int architectureColumn, SearchSpace? searchSpace, IArchitectureCanonicalizer canonicalizer)
    {
        _source = source;
        _architectureColumn = architectureColumn;
        _searchSpace = searchSpace;
        _canonicalizer = canonicalizer;
        _columns = source.Columns.ToArray();
    }

    /// <summary>
    /// Parses the source's current record and every later one into <paramref name="queue"/>, and marks the queue
    /// complete at the end or on failure. Exceptions propagate to the caller of the returned task.
    /// </summary>
    public void Run(BlockingCollection<RowBatch> queue, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new RowBatch();
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Rows.Add(Parse());
                if (batch.Rows.Count == BatchSize)
                {
                    Enqueue(queue, batch, cancellationToken);
                    batch = new RowBatch();
                }
            }
            while (_source.Read());

            Enqueue(queue, batch, cancellationToken);
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private void Enqueue(BlockingCollection<RowBatch> queue, RowBatch batch, CancellationToken cancellationToken)
    {
        batch.Columns = _columns;
        batch.BytesRead = _source.BytesRead;
        queue.Add(batch, cancellationToken);
    }

    private ParsedRow Parse()
    {
        if (_source.Columns.Count > _columns.Length)
        {
            _columns = _source.Columns.ToArray();
        }

        var values = new object?[_source.Columns.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _source.GetValue(i);
        }

        if (_source.RecordProblem is { } problem)
        {
            return new ParsedRow { LineNumber = _source.LineNumber, Values = values, Problem = problem };
        }

        string? text = Convert.ToString(values[_architectureColumn], CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ParsedRow { LineNumber = _source.LineNumber, Values = values, Problem = $"the architecture column '{_columns[_architectureColumn]}' is empty" };
        }

        if (!_canonicalizer.TryCanonicalize(text, _searchSpace, out string canonical, out SearchSpace detected, out string? error))
        {
            return new ParsedRow { LineNumber = _source.LineNumber, Values = values, Problem = $"the architecture '{Shorten(text)}' is invalid: {error}" };
        }

        return new ParsedRow
        {
            LineNumber = _source.LineNumber,
            Values = values,
            Canonical = canonical,
            SearchSpace = detected,
            ArchitectureHash = Storage.ArchitectureHash.Compute(canonical),
        };
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..117] + "..." : text;
}

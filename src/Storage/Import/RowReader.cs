using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Canopy.Storage.Input;

namespace Canopy.Storage.Import;

/// <summary>
/// Reads the records of a benchmark file with their typed values on a dedicated thread, in batches for
/// <see cref="RowParser"/>. The bounded queue keeps at most a few batches in memory.
/// </summary>
internal sealed class RowReader
{
    /// <summary>
    /// Rows per batch. Queued rows survive each garbage collection, so small batches keep its pause short: 256 rows
    /// with two batches ahead halved the pause of a NATS-Bench import compared with 1,024 rows and four ahead.
    /// </summary>
    public const int BatchSize = 256;

    private readonly IRecordSource _source;
    private string[] _columns;

    public RowReader(IRecordSource source)
    {
        _source = source;
        _columns = source.Columns.ToArray();
    }

    /// <summary>
    /// Reads the source's current record and every later one into <paramref name="output"/>, and marks the queue
    /// complete at the end or on failure.
    /// </summary>
    public void Run(BlockingCollection<RowBatch> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new RowBatch();
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (batch.Rows.Count == BatchSize)
                {
                    Enqueue(output, batch, cancellationToken);
                    batch = new RowBatch();
                }

                batch.Rows.Add(ReadRow());
            }
            while (_source.Read());

            Enqueue(output, batch, cancellationToken);
        }
        finally
        {
            output.CompleteAdding();
        }
    }

    private void Enqueue(BlockingCollection<RowBatch> output, RowBatch batch, CancellationToken cancellationToken)
    {
        batch.Columns = _columns;
        batch.BytesRead = _source.BytesRead;
        output.Add(batch, cancellationToken);
    }

    private ParsedRow ReadRow()
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

        return new ParsedRow { LineNumber = _source.LineNumber, Values = values, FieldCount = _source.FieldCount, Problem = _source.RecordProblem };
    }
}

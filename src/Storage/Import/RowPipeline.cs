using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Canopy.Storage.Import;

/// <summary>
/// Runs an import's reading and parsing on two dedicated threads and hands the parsed batches to the calling thread,
/// which writes them, so the progress and rejection callbacks run on the caller's thread. The threads start with the
/// pipeline, so they read ahead while the caller prepares the cache.
/// </summary>
internal sealed class RowPipeline : IDisposable
{
    // Batches queued between two stages; with RowReader.BatchSize this bounds the memory of an import.
    private const int BatchesAhead = 2;

    private readonly CancellationTokenSource _stop;
    private readonly BlockingCollection<RowBatch> _read = new(BatchesAhead);
    private readonly BlockingCollection<RowBatch> _parsed = new(BatchesAhead);
    private readonly CancellationToken _cancellationToken;
    private readonly Task _reading;
    private readonly Task _parsing;

    private RowPipeline(RowReader reader, RowParser parser, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reading = DedicatedThread.Start(() => reader.Run(_read, _stop.Token));
        _parsing = DedicatedThread.Start(() => parser.Run(_read, _parsed, _stop.Token));
    }

    /// <summary>Starts reading and parsing. Disposing the pipeline stops both threads before it returns.</summary>
    public static RowPipeline Start(RowReader reader, RowParser parser, CancellationToken cancellationToken) =>
        new(reader, parser, cancellationToken);

    /// <summary>Returns the parsed batches in file order, then throws the failure of either thread, if any.</summary>
    public IEnumerable<RowBatch> Batches()
    {
        foreach (RowBatch batch in _parsed.GetConsumingEnumerable(_cancellationToken))
        {
            yield return batch;
        }

        // A failed parser leaves the reader waiting on a full queue, so the parser's exception is taken first.
        _parsing.GetAwaiter().GetResult();
        _reading.GetAwaiter().GetResult();
    }

    /// <summary>Stops both threads and waits for them, so the source is never read after it is disposed.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        DedicatedThread.WaitAfterStop(_parsing);
        DedicatedThread.WaitAfterStop(_reading);
        _read.Dispose();
        _parsed.Dispose();
        _stop.Dispose();
    }
}

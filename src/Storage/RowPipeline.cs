using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Canopy.Storage;

/// <summary>
/// Runs an import's reading and parsing on two dedicated threads and hands the parsed batches to the calling thread,
/// which writes them, so the progress and rejection callbacks run on the caller's thread.
/// </summary>
internal static class RowPipeline
{
    // Batches queued between two stages; with RowReader.BatchSize this bounds the memory of an import.
    private const int BatchesAhead = 2;

    /// <summary>
    /// Returns the parsed batches in file order. A failure on any thread, or leaving the enumeration early, stops
    /// the other threads before the enumerator's Dispose returns, so the source is never read after disposal.
    /// </summary>
    public static IEnumerable<RowBatch> Run(RowReader reader, RowParser parser, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var read = new BlockingCollection<RowBatch>(BatchesAhead);
        using var parsed = new BlockingCollection<RowBatch>(BatchesAhead);
        Task reading = DedicatedThread.Start(() => reader.Run(read, stop.Token));
        Task parsing = DedicatedThread.Start(() => parser.Run(read, parsed, stop.Token));
        try
        {
            foreach (RowBatch batch in parsed.GetConsumingEnumerable(cancellationToken))
            {
                yield return batch;
            }

            // A failed parser leaves the reader waiting on a full queue, so the parser's exception is taken first.
            parsing.GetAwaiter().GetResult();
            reading.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            DedicatedThread.WaitAfterStop(parsing);
            DedicatedThread.WaitAfterStop(reading);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Canopy.Architectures;
using Canopy.Scoring;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>An architecture waiting in a <see cref="ScoringBatch"/>, with the input it came from.</summary>
/// <param name="Architecture">The architecture to score.</param>
/// <param name="Target">What the user piped or passed, the target of an error.</param>
/// <param name="Record">The record that gets the score's properties, or null when a score object is written.</param>
/// <param name="RecordNumber">The input's number, counted from 1, which messages name.</param>
/// <param name="Options">The mode, dataset and DARTS network to score it for.</param>
internal sealed record PendingScore(Architecture Architecture, object Target, PSObject? Record, long RecordNumber, ScoringOptions Options);

/// <summary>
/// The architectures Get-TropicalScore gathers before scoring them together, so that large inputs use all cores while
/// output still streams.
/// </summary>
internal sealed class ScoringBatch
{
    // A batch of this size is always scored.
    private const int MaxSize = 512;

    // A batch that will not be shared among cores is scored at this size, while its records are still in the
    // processor's cache: Import-Csv nats_bench.csv | Get-TropicalScore took 1.41 times Import-Csv alone instead of 1.49.
    private const int CachedSize = 64;

    // A batch whose first item has waited this long is scored when the next input arrives, so a slow producer's
    // records come out one input later instead of at the end.
    private const int MaxWaitMilliseconds = 200;

    private readonly List<PendingScore> _items = new();
    // Environment.TickCount64 reads a counter the system keeps, which is cheaper per record than a Stopwatch reading,
    // and its 10 to 16 ms resolution is fine against a 200 ms wait.
    private long _firstItemTicks;
    private int _toTrace;

    public IReadOnlyList<PendingScore> Items => _items;

    /// <summary>
    /// Whether the batch should be scored now: when it is full, or when too few of its architectures need
    /// tracing for a full batch to reach the core's parallel threshold at the same rate.
    /// </summary>
    public bool IsReady =>
        _items.Count >= MaxSize ||
        (_items.Count >= CachedSize && (long)_toTrace * MaxSize < (long)TropicalScorer.ParallelThreshold * _items.Count);

    /// <summary>Whether the first item has waited longer than a user would wait for its output.</summary>
    public bool HasWaited => _items.Count > 0 && Environment.TickCount64 - _firstItemTicks >= MaxWaitMilliseconds;

    public void Add(PendingScore item)
    {
        if (_items.Count == 0)
        {
            _firstItemTicks = Environment.TickCount64;
        }

        _items.Add(item);
        _toTrace += TropicalScorer.IsMemoised(item.Architecture, item.Options) ? 0 : 1;
    }

    public void Clear()
    {
        _items.Clear();
        _toTrace = 0;
    }

    /// <summary>Scores the items in order, as one core batch per set of options, almost always one batch.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public (ArchitectureScore? Score, Exception? Error)[] Score(CancellationToken cancellationToken)
    {
        ScoringOptions first = _items[0].Options;
        if (_items.TrueForAll(item => ReferenceEquals(item.Options, first)))
        {
            return TropicalScorer.ScoreBatch(_items.Select(item => item.Architecture).ToArray(), first, cancellationToken);
        }

        var results = new (ArchitectureScore? Score, Exception? Error)[_items.Count];
        foreach (IGrouping<ScoringOptions, int> group in Enumerable.Range(0, _items.Count).GroupBy(i => _items[i].Options))
        {
            int[] positions = group.ToArray();
            var scores = TropicalScorer.ScoreBatch(positions.Select(i => _items[i].Architecture).ToArray(), group.Key, cancellationToken);
            for (int k = 0; k < positions.Length; k++)
            {
                results[positions[k]] = scores[k];
            }
        }

        return results;
    }
}

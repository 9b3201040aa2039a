using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Canopy.Search;

/// <summary>One seed of a <see cref="ParallelSearch"/>: its steps as they become available, and its result.</summary>
/// <remarks>
/// The run hands its steps over in batches, because handing each one over on its own took a lock on both sides, and the
/// run and its reader waited on each other for it. A batch leaves when it is full, at once when a step took
/// <see cref="SlowStep"/> or longer, and at the latest <see cref="MaxBatchDelay"/> after its first step came, which a
/// timer checks while the run evaluates, so a slow search streams each step as it comes.
/// </remarks>
public sealed class SeedSearch
{
    /// <summary>
    /// The maximum number of steps a seed keeps for its reader. A run that gets this far ahead of the reader waits
    /// until the reader takes some, so a seed never keeps more steps than this, whatever the budget.
    /// </summary>
    public const int BufferCapacity = 16_384;

    /// <summary>The number of steps handed to the reader at once.</summary>
    internal const int BatchSize = 32;

    /// <summary>The longest time the first step of an unfinished batch waits before the batch is handed over anyway.</summary>
    internal static readonly TimeSpan MaxBatchDelay = TimeSpan.FromMilliseconds(100);

    // The timer looks twice per MaxBatchDelay, so a batch older than half of it leaves within MaxBatchDelay.
    private static readonly TimeSpan TimerPeriod = MaxBatchDelay / 2;

    /// <summary>A step that took this long after the one before is handed over at once, since batching saves nothing.</summary>
    internal static readonly TimeSpan SlowStep = TimeSpan.FromMilliseconds(1);

    private readonly BlockingCollection<SearchStep[]> _batches = new(BufferCapacity / BatchSize);
    private readonly TaskCompletionSource<SearchResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The run's side: the batch being filled, and when its first step came. The run and the timer share it under the lock.
    private readonly object _pendingLock = new();
    private SearchStep[] _pending = new SearchStep[BatchSize];
    private int _pendingCount;
    private long _pendingSince;
    private long _lastPublished = Stopwatch.GetTimestamp();
    private Timer? _timer;

    // The reader's side: the batch being taken from.
    private SearchStep[]? _current;
    private int _currentIndex;
    private int _buffered;

    internal SeedSearch(ulong seed)
    {
        Seed = seed;
    }

    public ulong Seed { get; }

    /// <summary>True once the run has ended and every step has been taken.</summary>
    public bool IsFinished => _batches.IsCompleted && (_current is null || _currentIndex == _current.Length);

    /// <summary>
    /// The run's result. It faults with the run's exception, and is cancelled when the run was cancelled or never
    /// started.
    /// </summary>
    public Task<SearchResult> Result => _result.Task;

    /// <summary>The number of steps handed over and not yet taken.</summary>
    internal int Buffered => Volatile.Read(ref _buffered);

    /// <summary>Waits up to <paramref name="timeout"/> for the next step; false when none came or the run has ended.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    public bool TryTake(out SearchStep? step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_current is null || _currentIndex == _current.Length)
        {
            if (!_batches.TryTake(out SearchStep[]? batch, (int)timeout.TotalMilliseconds, cancellationToken))
            {
                step = null;
                return false;
            }

            _current = batch;
            _currentIndex = 0;
        }

        step = _current[_currentIndex++];
        Interlocked.Decrement(ref _buffered);
        return true;
    }

    /// <summary>
    /// Adds a step to the batch being filled, and hands the batch to the reader when it is full or has waited long
    /// enough. Waits while <see cref="BufferCapacity"/> steps are not yet taken.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    internal void Publish(SearchStep step, CancellationToken cancellationToken)
    {
        SearchStep[]? batch = null;
        lock (_pendingLock)
        {
            long now = Stopwatch.GetTimestamp();
            bool slow = Stopwatch.GetElapsedTime(_lastPublished, now) >= SlowStep;
            _lastPublished = now;
            if (_pendingCount == 0)
            {
                _pendingSince = now;
            }

            _pending[_pendingCount++] = step;
            if (slow || _pendingCount == BatchSize)
            {
                batch = TakePending();
            }
            else
            {
                _timer ??= new Timer(_ => HandOverOldBatch(), null, TimerPeriod, TimerPeriod);
            }
        }

        // The run waits here for room without the lock, and adds no step meanwhile, so the timer finds nothing to hand over.
        if (batch is not null)
        {
            HandOver(batch, cancellationToken);
        }
    }

    /// <summary>Hands the steps of an unfinished batch to the reader; the run calls it when it ends.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    internal void Flush(CancellationToken cancellationToken)
    {
        SearchStep[]? batch;
        lock (_pendingLock)
        {
            batch = TakePending();
        }

        if (batch is not null)
        {
            HandOver(batch, cancellationToken);
        }
    }

    internal void Complete(SearchResult result)
    {
        StopTimer();
        _result.TrySetResult(result);
        _batches.CompleteAdding();
    }

    internal void Fail(Exception exception)
    {
        StopTimer();
        _result.TrySetException(exception);
        _batches.CompleteAdding();
    }

    // Ends a run that was cancelled or never started; a finished run keeps its result.
    internal void Cancel()
    {
        StopTimer();
        _result.TrySetCanceled();
        _batches.CompleteAdding();
    }

    // Returns the batch being filled and starts a new one, or returns null when it is empty. Call under the lock.
    private SearchStep[]? TakePending()
    {
        if (_pendingCount == 0)
        {
            return null;
        }

        SearchStep[] batch = PendingSteps();
        StartBatch();
        return batch;
    }

    // Returns the steps of the batch being filled, the array itself when it is full. Call under the lock.
    private SearchStep[] PendingSteps() => _pendingCount == BatchSize ? _pending : _pending[.._pendingCount];

    private void StartBatch()
    {
        _pending = new SearchStep[BatchSize];
        _pendingCount = 0;
    }

    private void HandOver(SearchStep[] batch, CancellationToken cancellationToken)
    {
        _batches.Add(batch, cancellationToken);
        Interlocked.Add(ref _buffered, batch.Length);
    }

    // Runs on the timer's thread while the run evaluates. A full buffer leaves the batch to the run, which waits for room.
    private void HandOverOldBatch()
    {
        lock (_pendingLock)
        {
            if (_pendingCount == 0 || Stopwatch.GetElapsedTime(_pendingSince) < TimerPeriod || _batches.IsAddingCompleted)
            {
                return;
            }

            SearchStep[] batch = PendingSteps();
            try
            {
                if (!_batches.TryAdd(batch))
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // A cancelled run ended between the check above and the hand-over, so its reader has stopped.
                return;
            }

            Interlocked.Add(ref _buffered, batch.Length);
            StartBatch();
        }
    }

    private void StopTimer()
    {
        lock (_pendingLock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}

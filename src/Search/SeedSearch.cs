using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Canopy.Search;

/// <summary>One seed of a <see cref="ParallelSearch"/>: its steps as they become available, and its result.</summary>
public sealed class SeedSearch
{
    /// <summary>
    /// The maximum number of steps a seed keeps for its reader. A run that gets this far ahead of the reader waits
    /// until the reader takes some, so a seed never keeps more steps than this, whatever the budget.
    /// </summary>
    public const int BufferCapacity = 16_384;

    private readonly BlockingCollection<SearchStep> _steps = new(BufferCapacity);
    private readonly TaskCompletionSource<SearchResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SeedSearch(ulong seed)
    {
        Seed = seed;
    }

    public ulong Seed { get; }

    /// <summary>True once the run has ended and every step has been taken.</summary>
    public bool IsFinished => _steps.IsCompleted;

    /// <summary>
    /// The run's result. It faults with the run's exception, and is cancelled when the run was cancelled or never
    /// started.
    /// </summary>
    public Task<SearchResult> Result => _result.Task;

    /// <summary>The number of steps published and not yet taken.</summary>
    internal int Buffered => _steps.Count;

    /// <summary>Waits up to <paramref name="timeout"/> for the next step; false when none came or the run has ended.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    public bool TryTake(out SearchStep? step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool received = _steps.TryTake(out SearchStep? next, (int)timeout.TotalMilliseconds, cancellationToken);
        step = received ? next : null;
        return received;
    }

    /// <summary>Hands a step to the reader, waiting while <see cref="BufferCapacity"/> steps are not yet taken.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    internal void Publish(SearchStep step, CancellationToken cancellationToken) => _steps.Add(step, cancellationToken);

    internal void Complete(SearchResult result)
    {
        _result.TrySetResult(result);
        _steps.CompleteAdding();
    }

    internal void Fail(Exception exception)
    {
        _result.TrySetException(exception);
        _steps.CompleteAdding();
    }

    // Ends a run that was cancelled or never started; a finished run keeps its result.
    internal void Cancel()
    {
        _result.TrySetCanceled();
        _steps.CompleteAdding();
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Canopy.Search;

/// <summary>
/// Runs the seeds of a search in parallel, at most one per core, and hands out each seed's steps in seed order, so
/// the output does not depend on which thread finished first.
/// </summary>
/// <remarks>
/// Seeds start in the order given, and each hands out its steps as it makes them. The reader takes them seed by
/// seed, so the first seed streams and the seeds after it hold their steps until the reader reaches them, each at
/// most <see cref="SeedSearch.BufferCapacity"/> before it waits. A reader must therefore take the seeds' steps in
/// order, or cancel the search.
/// TODO: seeds that finish before the reader reaches them keep their steps, so with <see cref="PublishedSteps.All"/>
/// memory still grows with the number of seeds times min(budget, BufferCapacity). Starting a seed only when the
/// reader is within a few seeds of it would bound that by the core count.
/// </remarks>
public sealed class ParallelSearch
{
    private readonly SeedSearch[] _seeds;
    private readonly ConcurrentQueue<SearchStep> _improvements = new();
    private long _evaluations;

    private ParallelSearch(SearchOptions options, IReadOnlyList<ulong> seeds)
    {
        Options = options;
        _seeds = seeds.Select(seed => new SeedSearch(seed)).ToArray();
    }

    public SearchOptions Options { get; }

    /// <summary>One entry per seed, in the order the seeds were given.</summary>
    public IReadOnlyList<SeedSearch> Seeds => _seeds;

    /// <summary>
    /// Takes the oldest step, of any seed, that improved its seed's best and has not been taken yet. Improvements come
    /// in the order the seeds found them, so a reader can report them while it still writes an earlier seed's steps.
    /// A seed's improvements are all queued before its <see cref="SeedSearch.Result"/> completes.
    /// </summary>
    public bool TryTakeImprovement([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SearchStep? step) => _improvements.TryDequeue(out step);

    /// <summary>The number of evaluations finished so far, over all seeds.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>The number of evaluations all seeds make unless a finite space runs out first.</summary>
    public long PlannedEvaluations => (long)Options.Budget * _seeds.Length;

    /// <summary>Finishes when every seed has finished, failed or been cancelled.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Validates the options, then starts every seed on the thread pool and returns at once.</summary>
    /// <param name="options">The search of every seed.</param>
    /// <param name="seeds">The seeds, one run each.</param>
    /// <param name="targets">The benchmark column to look the best architectures up in, or null.</param>
    /// <param name="published">Every step, or only the improvements when the reader needs no trajectory.</param>
    /// <param name="cancellationToken">Stops every run before its next evaluation.</param>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="ArchitectureSearch.Validate"/>), or no seed is given.</exception>
    /// <exception cref="NotSupportedException">The region mode is not defined for the search space.</exception>
    /// <exception cref="SearchConstraintException">No architecture of the space meets a limit.</exception>
    public static ParallelSearch Start(SearchOptions options, IReadOnlyList<ulong> seeds, BenchmarkTargets? targets, PublishedSteps published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("A search needs at least one seed.", nameof(seeds));
        }

        ArchitectureSearch.Validate(options);
        var search = new ParallelSearch(options, seeds);
        search.Completion = Task.Run(() => search.RunAll(targets, published, cancellationToken), CancellationToken.None);
        return search;
    }

    private void RunAll(BenchmarkTargets? targets, PublishedSteps published, CancellationToken cancellationToken)
    {
        var parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Without buffering, the partitioner hands seeds to the workers one at a time in the order given.
        OrderablePartitioner<SeedSearch> partitioner = Partitioner.Create(_seeds, EnumerablePartitionerOptions.NoBuffering);
        try
        {
            Parallel.ForEach(partitioner, parallelOptions, seed => RunSeed(seed, targets, published, cancellationToken));
        }
        finally
        {
            // Seeds that never started are ended too, so that a reader waiting on them wakes up.
            foreach (SeedSearch seed in _seeds)
            {
                seed.Cancel();
            }
        }
    }

    private void RunSeed(SeedSearch seed, BenchmarkTargets? targets, PublishedSteps published, CancellationToken cancellationToken)
    {
        try
        {
            var progress = new StepSink(step =>
            {
                Interlocked.Increment(ref _evaluations);
                if (step.Improved)
                {
                    _improvements.Enqueue(step);
                }

                if (published == PublishedSteps.All || step.Improved)
                {
                    seed.Publish(step, cancellationToken);
                }
            });

            SearchResult result = ArchitectureSearch.Run(Options, seed.Seed, progress, cancellationToken, targets);
            seed.Flush(cancellationToken);
            seed.Complete(result);
        }
        catch (OperationCanceledException)
        {
            seed.Cancel();
        }
        catch (Exception exception)
        {
            // The reader rethrows it when it reaches this seed, so that earlier seeds are still written first.
            FlushBeforeFailure(seed, cancellationToken);
            seed.Fail(exception);
        }
    }

    // The steps made before a failure are still written, unless the search is being cancelled meanwhile.
    private static void FlushBeforeFailure(SeedSearch seed, CancellationToken cancellationToken)
    {
        try
        {
            seed.Flush(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Reports each step synchronously on the searching thread, unlike Progress<T>, which posts to a context.
    private sealed class StepSink : IProgress<SearchStep>
    {
        private readonly Action<SearchStep> _report;

        public StepSink(Action<SearchStep> report)
        {
            _report = report;
        }

        public void Report(SearchStep value) => _report(value);
    }
}

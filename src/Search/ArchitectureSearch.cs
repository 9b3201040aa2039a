using Canopy.Numerics;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Canopy.Architectures;
using Canopy.Costs;
using Canopy.Regions;
using Canopy.Scoring;

namespace Canopy.Search;

/// <summary>
/// Searches a space for the architecture with the highest objective, one reproducible run per seed, without
/// training anything.
/// </summary>
/// <remarks>
/// A run draws its random architectures from the stream that <see cref="ArchitectureSource"/> gives for the seed:
/// the shuffled order of a NATS-Bench space (so random search never evaluates a cell twice there) or the samples of
/// the DARTS and MLP spaces. Regularized evolution draws its tournaments and mutations from a second xoshiro256**
/// stream of the same seed. Nothing depends on the thread, the .NET version or the machine, so a seed gives the
/// same trajectory everywhere.
/// </remarks>
internal static class ArchitectureSearch
{
    // The stream of the seed that tournaments and mutations use; sample streams count up from 0 and never reach it.
    internal const ulong EvolutionStream = ulong.MaxValue;

    /// <summary>
    /// Checks, before any search, that the options can find something: the sizes are valid, the region mode is
    /// defined for the space, the smallest architecture of the space meets the limits, and evolution can mutate.
    /// </summary>
    /// <exception cref="ArgumentException">A size or range is invalid, or evolution has nothing to mutate.</exception>
    /// <exception cref="NotSupportedException">The region mode is not defined for the search space.</exception>
    /// <exception cref="SearchConstraintException">No architecture of the space meets a limit.</exception>
    public static void Validate(SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        Architecture smallest = SmallestArchitecture.Of(options.SearchSpace, options.MlpSampler);
        CheckModeDefined(smallest, options.Scoring);
        (long? parameters, long? flops) = Costs(smallest, options.Scoring);
        CheckLimits(options, smallest, parameters, flops);

        if (options.Strategy == SearchStrategy.RegularizedEvolution && options.SearchSpace == SearchSpace.Mlp)
        {
            MlpSampler bounds = options.MlpSampler;
            if (bounds.MinDepth == bounds.MaxDepth && bounds.MinWidth == bounds.MaxWidth)
            {
                throw new ArgumentException($"The MLP ranges allow one network only ({FormatCount(bounds.MinDepth)} hidden {(bounds.MinDepth == 1 ? "layer" : "layers")} of {FormatCount(bounds.MinWidth)} units), so evolution has nothing to mutate. Widen the depth or width range, or search at random.", nameof(options.MlpSampler));
            }
        }
    }

    /// <summary>Runs one seed's search, reports each step to <paramref name="progress"/> and returns the best architecture and counts.</summary>
    /// <param name="options">The search; <see cref="Validate"/> should have accepted it.</param>
    /// <param name="seed">Fixes every random choice of the run.</param>
    /// <param name="progress">Receives each step as it is made, on the thread that runs the search. The run keeps no steps itself.</param>
    /// <param name="cancellationToken">Stops the run before its next evaluation.</param>
    /// <param name="targets">The benchmark column that fills each step's BestTarget, or null.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="NotSupportedException">The region mode is not defined for the search space.</exception>
    public static SearchResult Run(SearchOptions options, ulong seed, IProgress<SearchStep>? progress = null, CancellationToken cancellationToken = default, BenchmarkTargets? targets = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var run = new SearchRun(options, seed, targets, progress, cancellationToken);
        using IEnumerator<Architecture> randomArchitectures = RandomArchitectures(options, seed).GetEnumerator();
        if (options.Strategy == SearchStrategy.RegularizedEvolution)
        {
            RegularizedEvolution.Run(run, randomArchitectures, Xoshiro256StarStar.ForStream(seed, EvolutionStream));
        }
        else
        {
            // Random search: the first Budget architectures of the stream, the best one kept.
            while (run.HasBudget && randomArchitectures.MoveNext())
            {
                run.Evaluate(randomArchitectures.Current);
            }
        }

        return run.Finish();
    }

    /// <summary>Returns the run's random architectures: those Get-CanopyArchitecture writes for the same seed.</summary>
    internal static IEnumerable<Architecture> RandomArchitectures(SearchOptions options, ulong seed) =>
        ArchitectureSource.Size(options.SearchSpace) is null
            ? ArchitectureSource.Sample(options.SearchSpace, seed, options.MlpSampler)
            : ArchitectureSource.Shuffle(options.SearchSpace, seed);

    // Whether a mode is defined depends on the search space alone, so scoring one architecture of the space checks it.
    private static void CheckModeDefined(Architecture architecture, ScoringOptions scoring)
    {
        try
        {
            TropicalScorer.Score(architecture, scoring);
        }
        catch (RegionCountTooLargeException)
        {
            // The mode is defined. Candidates above its work limit are rejected one by one during the search.
        }
    }

    private static (long? Parameters, long? Flops) Costs(Architecture architecture, ScoringOptions scoring)
    {
        try
        {
            NetworkCost cost = CostModel.Count(architecture, scoring.Dataset, scoring.DartsNetwork);
            return (cost.Parameters, cost.Flops);
        }
        catch (OverflowException)
        {
            return (null, null);
        }
    }

    // Both limits are checked before either is reported, so that one error names every limit to raise.
    private static void CheckLimits(SearchOptions options, Architecture smallest, long? parameters, long? flops)
    {
        long? brokenParameterLimit = Exceeds(parameters, options.MaxParameters) ? options.MaxParameters : null;
        long? brokenFlopLimit = Exceeds(flops, options.MaxFlops) ? options.MaxFlops : null;
        if (brokenParameterLimit is null && brokenFlopLimit is null)
        {
            return;
        }

        var limits = new List<string>();
        var counts = new List<string>();
        if (brokenParameterLimit is { } parameterLimit)
        {
            limits.Add($"the parameter limit of {FormatCount(parameterLimit)}");
            counts.Add($"{FormatCount(parameters)} parameters");
        }

        if (brokenFlopLimit is { } flopLimit)
        {
            limits.Add($"the FLOP limit of {FormatCount(flopLimit)}");
            counts.Add($"{FormatCount(flops)} FLOPs");
        }

        string network = smallest.SearchSpace switch
        {
            SearchSpace.Mlp => string.Empty,
            SearchSpace.Darts => $" on {DatasetFacts.Name(options.Scoring.Dataset)} in the {options.Scoring.DartsNetwork} network",
            _ => $" on {DatasetFacts.Name(options.Scoring.Dataset)}",
        };
        // A genotype is too long to quote in a message, and the smallest one has max_pool_3x3 on every edge.
        string described = smallest.SearchSpace == SearchSpace.Darts
            ? "the genotype with max_pool_3x3 on every edge of both cells"
            : TextExcerpt.Of(smallest.Canonical);
        throw new SearchConstraintException(
            $"No {smallest.SearchSpace} architecture meets {string.Join(" or ", limits)}: the smallest one, {described}, has {string.Join(" and ", counts)}{network}.",
            smallest.Canonical,
            brokenParameterLimit,
            parameters,
            brokenFlopLimit,
            flops);
    }

    // A count above Int64 exceeds every limit.
    private static bool Exceeds(long? count, long? limit) => limit is { } maximum && (count is not { } value || value > maximum);

    private static string FormatCount(long? count) =>
        count is { } known
            ? known.ToString("N0", CultureInfo.InvariantCulture)
            : "more than " + long.MaxValue.ToString("N0", CultureInfo.InvariantCulture);
}

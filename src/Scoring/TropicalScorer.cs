using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Canopy.Architectures;
using Canopy.Costs;
using Canopy.Regions;

namespace Canopy.Scoring;

/// <summary>
/// Scores architectures of any search space: the region count in the requested mode (docs/method.md) together with
/// the exact parameter and FLOP counts of the same network, the baselines a score is compared against.
/// </summary>
public static class TropicalScorer
{
    /// <summary>Batches at least this large are scored on all cores.</summary>
    public const int ParallelThreshold = 256;

    // NATS topology costs are memoised like their region counts: searches and benchmarks score the cells again and again.
    private static readonly ConcurrentDictionary<(int Cell, Dataset Dataset), NetworkCost> NatsTopologyCosts = new();

    /// <summary>Scores one architecture.</summary>
    /// <exception cref="NotSupportedException">The mode is not defined for the architecture's search space.</exception>
    /// <exception cref="RegionCountTooLargeException">A fully connected network exceeds the work limit of the mode.</exception>
    public static ArchitectureScore Score(Architecture architecture, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(options);

        if (architecture is MlpArchitecture mlp)
        {
            return ScoreMlp(mlp, options.Mode);
        }

        (double log10, string formula) = Count(architecture, options);

        NetworkCost cost = architecture is NatsTopologyCell natsCell
            ? NatsTopologyCosts.GetOrAdd((natsCell.Index, options.Dataset), key => CostModel.Count(natsCell, key.Dataset))
            : CostModel.Count(architecture, options.Dataset, options.DartsNetwork);
        return new ArchitectureScore
        {
            Architecture = architecture.Canonical,
            SearchSpace = architecture.SearchSpace.ToString(),
            Mode = options.Mode,
            TropicalScore = log10,
            ParameterCount = cost.Parameters,
            Flops = cost.Flops,
            Formula = formula,
        };
    }

    /// <summary>Returns only the region count, log10 and formula, without the parameter and FLOP counts.</summary>
    /// <exception cref="NotSupportedException">The mode is not defined for the architecture's search space.</exception>
    /// <exception cref="RegionCountTooLargeException">A fully connected network exceeds the work limit of the mode.</exception>
    public static (double Log10, string Formula) Count(Architecture architecture, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(options);

        switch (architecture)
        {
            case NatsTopologyCell cell:
                return CellScoring.NatsTopology(cell, options.Dataset, options.Mode);
            case NatsSizeArchitecture size:
                return CellScoring.NatsSize(size, options.Dataset, options.Mode);
            case DartsGenotype genotype:
                return CellScoring.Darts(genotype, options.DartsNetwork, options.Dataset, options.Mode);
            case MlpArchitecture mlp:
                RegionCount count = RegionBounds.Compute(mlp.Network, options.Mode);
                return (count.Log10, count.Formula);
            default:
                throw new ArgumentException($"No region count for architectures of type {architecture.GetType().Name}.", nameof(architecture));
        }
    }

    /// <summary>
    /// Scores a batch in order; batches of <see cref="ParallelThreshold"/> or more run on all cores. Each entry is
    /// either a score or the exception that scoring that architecture raised, so one bad entry spoils nothing else.
    /// </summary>
    public static (ArchitectureScore? Score, Exception? Error)[] ScoreBatch(
        IReadOnlyList<Architecture> architectures, ScoringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(architectures);
        var results = new (ArchitectureScore?, Exception?)[architectures.Count];

        void ScoreOne(int i)
        {
            try
            {
                results[i] = (Score(architectures[i], options), null);
            }
            catch (Exception exception) when (exception is NotSupportedException or RegionCountTooLargeException or ArgumentException or OverflowException)
            {
                results[i] = (null, exception);
            }
        }

        if (architectures.Count < ParallelThreshold)
        {
            for (int i = 0; i < architectures.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScoreOne(i);
            }
        }
        else
        {
            Parallel.For(0, architectures.Count, new ParallelOptions { CancellationToken = cancellationToken }, ScoreOne);
        }

        return results;
    }

    private static ArchitectureScore ScoreMlp(MlpArchitecture mlp, RegionMode mode)
    {
        RegionCount count = RegionBounds.Compute(mlp.Network, mode);
        return new ArchitectureScore
        {
            Architecture = mlp.Canonical,
            SearchSpace = SearchSpace.Mlp.ToString(),
            Mode = mode,
            TropicalScore = count.Log10,
            RegionCount = count.Value,
            ParameterCount = mlp.Network.ParameterCount,
            Flops = mlp.Network.Flops,
            Formula = count.Formula,
            IsExactMaximum = count.IsExactMaximum,
        };
    }
}

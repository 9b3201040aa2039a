using System;
using System.Linq;
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
    /// <summary>Batches with at least this many architectures still to trace are scored on all cores.</summary>
    public const int ParallelThreshold = 256;

    // NATS topology costs are memoised like their region counts: searches and benchmarks score the cells again and again.
    private static readonly CellMemo<NetworkCost> NatsTopologyCosts = new(Enum.GetValues<Dataset>().Max(dataset => (int)dataset) + 1);

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
            ? NatsTopologyCost(natsCell, options.Dataset)
            : CostModel.Count(architecture, options.Dataset, options.DartsNetwork);
        return new ArchitectureScore
        {
            Architecture = architecture.Canonical,
            SearchSpace = architecture.SearchSpace.ToString(),
            Mode = options.Mode.ToString(),
            Dataset = DatasetFacts.Name(options.Dataset),
            DartsNetwork = architecture is DartsGenotype { Widths: null } ? options.DartsNetwork.ToString() : null,
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
    /// Scores a batch in order, on all cores when at least <see cref="ParallelThreshold"/> architectures need tracing.
    /// Each entry is either a score or the exception that scoring that architecture raised, so one bad entry spoils
    /// nothing else.
    /// </summary>
    public static (ArchitectureScore? Score, Exception? Error)[] ScoreBatch(
        IReadOnlyList<Architecture> architectures, ScoringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(architectures);
        var results = new (ArchitectureScore?, Exception?)[architectures.Count];

        void ScoreOne(int i) => results[i] = TryScore(architectures[i], options);

        if (CountToTrace(architectures, options) < ParallelThreshold)
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

    /// <summary>
    /// Scores one architecture, or returns the exception that scoring it raised: an unsupported mode, a count beyond
    /// the work limit, an invalid architecture or a cost that overflows.
    /// </summary>
    private static (ArchitectureScore? Score, Exception? Error) TryScore(Architecture architecture, ScoringOptions options)
    {
        try
        {
            return (Score(architecture, options), null);
        }
        catch (Exception exception) when (exception is NotSupportedException or RegionCountTooLargeException or ArgumentException or OverflowException)
        {
            return (null, exception);
        }
    }

    /// <summary>
    /// Returns whether the architecture's score and costs are memoised, so that scoring it takes a dictionary lookup:
    /// about 0.2 µs for a NATS-Bench cell, less than handing it to another core costs.
    /// </summary>
    public static bool IsMemoised(Architecture architecture, ScoringOptions options) =>
        architecture is NatsTopologyCell cell
        && CellScoring.IsMemoised(cell, options.Dataset, options.Mode)
        && NatsTopologyCosts.TryGet((int)options.Dataset, cell.Index, out _);

    private static NetworkCost NatsTopologyCost(NatsTopologyCell cell, Dataset dataset) =>
        NatsTopologyCosts.TryGet((int)dataset, cell.Index, out NetworkCost? cost)
            ? cost
            : NatsTopologyCosts.Add((int)dataset, cell.Index, CostModel.Count(cell, dataset));

    // Idle pool threads spin for more work, which takes CPU time from the calling thread on a machine with few
    // cores, so memoised architectures do not count towards a parallel batch.
    private static int CountToTrace(IReadOnlyList<Architecture> architectures, ScoringOptions options)
    {
        int count = 0;
        foreach (Architecture architecture in architectures)
        {
            count += IsMemoised(architecture, options) ? 0 : 1;
        }

        return count;
    }

    private static ArchitectureScore ScoreMlp(MlpArchitecture mlp, RegionMode mode)
    {
        RegionCount count = RegionBounds.Compute(mlp.Network, mode);
        return new ArchitectureScore
        {
            Architecture = mlp.Canonical,
            SearchSpace = SearchSpace.Mlp.ToString(),
            Mode = mode.ToString(),
            TropicalScore = count.Log10,
            RegionCount = count.Value,
            ParameterCount = mlp.Network.ParameterCount,
            Flops = mlp.Network.Flops,
            Formula = count.Formula,
            IsExactMaximum = count.IsExactMaximum,
        };
    }
}

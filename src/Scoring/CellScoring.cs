using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;
using Canopy.Regions;

namespace Canopy.Scoring;

/// <summary>
/// Region counts of the cell-based benchmark networks, by search space. NATS topology cells are memoised, since
/// the 15,625 cells are scored again and again in searches and benchmarks.
/// </summary>
internal static class CellScoring
{
    private static readonly int ModeCount = Enum.GetValues<RegionMode>().Max(mode => (int)mode) + 1;

    // A count depends on the image side, not on the classifier, so CIFAR-10 and CIFAR-100 share the key of the first
    // dataset with their side.
    private static readonly int[] SideKeys = Enum.GetValues<Dataset>()
        .Select(dataset => (int)Enum.GetValues<Dataset>().First(other => DatasetFacts.ImageSide(other) == DatasetFacts.ImageSide(dataset)))
        .ToArray();

    private static readonly CellMemo<CellCount> NatsTopologyMemo = new(SideKeys.Length * ModeCount);

    public static (double Log10, string Formula) NatsTopology(NatsTopologyCell cell, Dataset dataset, RegionMode mode)
    {
        int key = MemoKey(dataset, mode);
        if (!NatsTopologyMemo.TryGet(key, cell.Index, out CellCount? count))
        {
            int side = DatasetFacts.ImageSide(dataset);
            (double log10, string formula) = CellRegionCount.Evaluate(mode, side, tracer => NatsTopologyTracing.Trace(tracer, cell.Operations, side));
            count = NatsTopologyMemo.Add(key, cell.Index, new CellCount(log10, formula));
        }

        return (count.Log10, count.Formula);
    }

    /// <summary>Returns whether the count of <paramref name="cell"/> for this dataset and mode is already memoised.</summary>
    public static bool IsMemoised(NatsTopologyCell cell, Dataset dataset, RegionMode mode) =>
        NatsTopologyMemo.TryGet(MemoKey(dataset, mode), cell.Index, out _);

    private static int MemoKey(Dataset dataset, RegionMode mode) => SideKeys[(int)dataset] * ModeCount + (int)mode;

    public static (double Log10, string Formula) NatsSize(NatsSizeArchitecture architecture, Dataset dataset, RegionMode mode)
    {
        int side = DatasetFacts.ImageSide(dataset);
        return CellRegionCount.Evaluate(mode, side, tracer => NatsSizeTracing.Trace(tracer, architecture.Widths, side));
    }

    public static (double Log10, string Formula) Darts(DartsGenotype genotype, DartsNetwork network, Dataset dataset, RegionMode mode)
    {
        (IReadOnlyList<int> widths, int stemChannels) = DartsWidths(genotype, network);
        int side = DatasetFacts.ImageSide(dataset);
        return CellRegionCount.Evaluate(mode, side, tracer => DartsTracing.Trace(tracer, genotype, widths, stemChannels, side));
    }

    // The benchmark networks start at C = 32 (NAS-Bench-301, 8 cells) or 36 (evaluation, 20 cells) and double C
    // at each reduction cell; a genotype with its own widths keeps them, with a stem of three times the first.
    private static readonly (IReadOnlyList<int> Widths, int StemChannels) NasBench301 = BenchmarkNetwork(cells: 8, channels: 32);
    private static readonly (IReadOnlyList<int> Widths, int StemChannels) Evaluation = BenchmarkNetwork(cells: 20, channels: 36);

    private static (IReadOnlyList<int> Widths, int StemChannels) DartsWidths(DartsGenotype genotype, DartsNetwork network)
    {
        if (genotype.Widths is { } custom)
        {
            return (custom, 3 * custom[0]);
        }

        return network == DartsNetwork.Evaluation ? Evaluation : NasBench301;
    }

    private static (IReadOnlyList<int> Widths, int StemChannels) BenchmarkNetwork(int cells, int channels)
    {
        var widths = new int[cells];
        int current = channels;
        for (int i = 0; i < cells; i++)
        {
            current = DartsGenotype.IsReductionCell(i, cells) ? current * 2 : current;
            widths[i] = current;
        }

        return (widths, 3 * channels);
    }

    private sealed record CellCount(double Log10, string Formula);
}

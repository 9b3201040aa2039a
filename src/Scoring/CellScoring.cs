using System;
using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<(int Cell, int ImageSide, RegionMode Mode), (double Log10, string Formula)> NatsTopologyMemo = new();

    public static int ImageSide(Dataset dataset) => dataset == Dataset.ImageNet16 ? 16 : 32;

    public static (double Log10, string Formula) NatsTopology(IReadOnlyList<CellOperation> operations, Dataset dataset, RegionMode mode)
    {
        int key = operations.Aggregate(0, (index, operation) => index * 5 + (int)operation);
        int side = ImageSide(dataset);
        return NatsTopologyMemo.GetOrAdd((key, side, mode), _ => CellRegionCount.Evaluate(NatsTopologyTracing.Trace(operations, side), mode));
    }

    public static (double Log10, string Formula) NatsSize(IReadOnlyList<int> channels, Dataset dataset, RegionMode mode) =>
        CellRegionCount.Evaluate(NatsSizeTracing.Trace(channels, ImageSide(dataset)), mode);

    public static (double Log10, string Formula) Darts(DartsCellSpec normal, DartsCellSpec reduce, DartsNetwork network, Dataset dataset, RegionMode mode)
    {
        (int cells, int channels) = network == DartsNetwork.Evaluation ? (20, 36) : (8, 32);
        return CellRegionCount.Evaluate(DartsTracing.Trace(normal, reduce, cells, channels, ImageSide(dataset)), mode);
    }
}

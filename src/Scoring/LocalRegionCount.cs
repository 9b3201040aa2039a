using System;
using System.Collections.Concurrent;
using System.Linq;
using Canopy.Numerics;

namespace Canopy.Scoring;

/// <summary>
/// Turns the region sources a <see cref="NetworkTracer"/> recorded into a region count (natural logarithm).
/// <list type="bullet">
/// <item>Local count: a ReLU'd tensor with C channels, read through a window of w positions by a consumer with
/// P output positions, contributes P · ln Σ_{j ≤ D} C(w·C, j): at each output position the w·C hyperplanes of
/// the window (Zaslavsky) in a budget of D dimensions. Windows overlap, so a large image gives each output
/// position one input position's worth of dimensions, the asymptotic Hall budget of Xiong et al. (2020,
/// Theorem 2); <see cref="LocalBudget"/> says how that per-position dimension is propagated. A tensor read by
/// several consumers counts once, through its widest reading. A max-pooled window of K values contributes
/// ln K per output unit (a rank-K maxout unit, a simplex Newton polytope).</item>
/// <item>Global count: each distinct ReLU'd tensor of N units contributes ln Σ_{j ≤ d} C(N, j) with d its global
/// rank (at most the input dimension), Montúfar's (2017) product over layers extended to a graph of layers;
/// max pooling contributes Serra et al.'s (2018) maxout layer bound.</item>
/// </list>
/// </summary>
internal static class LocalRegionCount
{
    private static readonly ConcurrentDictionary<(long Hyperplanes, long Dimension), double> ZaslavskyLogs = new();
    private static readonly ConcurrentDictionary<(long Units, long Rank, long Dimension), double> MaxoutLogs = new();

    public static double LocalLog(NetworkTracer tracer, LocalBudget budget)
    {
        double total = 0;
        foreach (RegionSource source in tracer.ReluSources)
        {
            total += source.Readings.Max(reading => reading.ConsumerPositions * LocalReluLog(source.Tensor, reading.Window, budget));
        }

        foreach (RegionSource source in tracer.MaxoutSources)
        {
            total += source.Readings.Max(reading => reading.ConsumerPositions * (double)source.Tensor.Channels * Math.Log(reading.Window));
        }

        return total;
    }

    public static double GlobalLog(NetworkTracer tracer)
    {
        double total = 0;
        foreach (RegionSource source in tracer.ReluSources)
        {
            long dimension = Math.Min(tracer.InputDimension, source.Tensor.GlobalRank);
            total += ZaslavskyLog(source.Tensor.Units, dimension);
        }

        foreach (RegionSource source in tracer.MaxoutSources)
        {
            long dimension = Math.Min(tracer.InputDimension, source.Tensor.GlobalRank);
            foreach ((int window, int consumerPositions) in source.Readings)
            {
                total += MaxoutLogs.GetOrAdd(
                    ((long)source.Tensor.Channels * consumerPositions, window, dimension),
                    key => MaxoutCount.LayerUpperBound(key.Units, key.Rank, key.Dimension).Log);
            }
        }

        return total;
    }

    private static double LocalReluLog(TensorValue tensor, int window, LocalBudget budget)
    {
        long hyperplanes = (long)window * tensor.Channels;
        long dimension = budget switch
        {
            LocalBudget.ReceptiveField => tensor.LocalRank,
            LocalBudget.Amortized => tensor.AmortizedRank,
            _ => hyperplanes,
        };
        return ZaslavskyLog(hyperplanes, Math.Min(hyperplanes, dimension));
    }

    private static double ZaslavskyLog(long hyperplanes, long dimension) =>
        ZaslavskyLogs.GetOrAdd((hyperplanes, dimension), key => Zaslavsky.Count(key.Hyperplanes, key.Dimension).Log);
}

/// <summary>Which dimension budget each output position of a local count gets.</summary>
internal enum LocalBudget
{
    /// <summary>No budget: every hyperplane of the window in a dimension of its own.</summary>
    None,

    /// <summary>The local rank that the receptive field sets (<see cref="TensorValue.LocalRank"/>).</summary>
    ReceptiveField,

    /// <summary>The input's dimension shared out over positions (<see cref="TensorValue.AmortizedRank"/>).</summary>
    Amortized,
}

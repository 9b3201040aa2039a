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
/// the window (Zaslavsky) in D = LocalRank dimensions. Windows overlap, so over a large image each output
/// position owns one input position's worth of dimensions; this is the asymptotic Hall budget of Xiong et al.
/// (2020, Theorem 2). A tensor read by several consumers counts once, through its widest reading. A max-pooled
/// window of K values contributes ln K per output unit (a rank-K maxout unit, a simplex Newton polytope).</item>
/// <item>Global count: each distinct ReLU'd tensor of N units contributes ln Σ_{j ≤ d} C(N, j) with d its global
/// rank (at most the input dimension), Montúfar's (2017) product over layers extended to a graph of layers;
/// max pooling contributes Serra et al.'s (2018) maxout layer bound.</item>
/// </list>
/// </summary>
internal static class LocalRegionCount
{
    private static readonly ConcurrentDictionary<(long Hyperplanes, long Dimension), double> ZaslavskyLogs = new();
    private static readonly ConcurrentDictionary<(long Units, long Rank, long Dimension), double> MaxoutLogs = new();

    public static double LocalLog(NetworkTracer tracer, bool useBottleneck)
    {
        double total = 0;
        foreach (RegionSource source in tracer.ReluSources)
        {
            total += source.Readings.Max(reading => reading.ConsumerPositions * LocalReluLog(source.Tensor, reading.Window, useBottleneck));
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

    private static double LocalReluLog(TensorValue tensor, int window, bool useBottleneck)
    {
        long hyperplanes = (long)window * tensor.Channels;
        long dimension = useBottleneck ? tensor.LocalRank : hyperplanes;
        return ZaslavskyLog(hyperplanes, Math.Min(hyperplanes, dimension));
    }

    private static double ZaslavskyLog(long hyperplanes, long dimension) =>
        ZaslavskyLogs.GetOrAdd((hyperplanes, dimension), key => Zaslavsky.Count(key.Hyperplanes, key.Dimension).Log);
}

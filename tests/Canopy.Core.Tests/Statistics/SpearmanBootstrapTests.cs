using Canopy.Numerics;
using System;
using System.Linq;
using System.Threading;
using Canopy.Statistics;
using Xunit;

namespace Canopy.Tests.Statistics;

public class SpearmanBootstrapTests
{
    [Fact]
    public void SameSeedGivesSameInterval()
    {
        (double[] x, double[] y) = Sample(400, 1);

        ConfidenceInterval first = SpearmanBootstrap.Compute(x, y, 300, 0.95, seed: 42);
        ConfidenceInterval second = SpearmanBootstrap.Compute(x, y, 300, 0.95, seed: 42);
        ConfidenceInterval other = SpearmanBootstrap.Compute(x, y, 300, 0.95, seed: 43);

        Assert.Equal(first, second);
        Assert.NotEqual(first.Lower, other.Lower);
    }

    [Fact]
    public void ParallelRunMatchesSequentialDefinition()
    {
        // 2,000 pairs × 200 resamples takes the parallel path; the definition below runs on one thread.
        (double[] x, double[] y) = Sample(2000, 2);
        const ulong seed = 20261204;

        double[] rhos = new double[200];
        for (int b = 0; b < rhos.Length; b++)
        {
            var random = Xoshiro256StarStar.ForStream(seed, (ulong)b);
            int[] picks = Enumerable.Range(0, x.Length).Select(_ => random.NextInt32(x.Length)).ToArray();
            rhos[b] = RankCorrelation.Spearman(picks.Select(i => x[i]).ToArray(), picks.Select(i => y[i]).ToArray());
        }

        Array.Sort(rhos);
        ConfidenceInterval interval = SpearmanBootstrap.Compute(x, y, 200, 0.9, seed);

        // Type 7 with m = 200: the 5th percentile sits at h = 199 × 0.05 = 9.95, the 95th at h = 189.05.
        Assert.Equal(rhos[9] + 0.95 * (rhos[10] - rhos[9]), interval.Lower, 14);
        Assert.Equal(rhos[189] + 0.05 * (rhos[190] - rhos[189]), interval.Upper, 14);
        Assert.Equal(200, interval.DefinedResamples);
    }

    [Fact]
    public void TiedProxyIntervalCanMissEstimate()
    {
        // Every resample with a defined ρ keeps the one pair with proxy 1 at the largest target, and its ρ is at
        // least the estimate, so the percentile interval lies above it.
        double[] proxy = { 0, 0, 0, 0, 0, 1 };
        double[] target = { 1, 2, 3, 4, 5, 6 };
        double rho = RankCorrelation.Spearman(proxy, target);

        ConfidenceInterval interval = SpearmanBootstrap.Compute(proxy, target, 100, 0.95, seed: 2);

        Assert.Equal(0.655, rho, 3);
        Assert.Equal(0.664, interval.Lower, 3);
        Assert.Equal(0.949, interval.Upper, 3);
        Assert.Equal(62, interval.DefinedResamples);
        Assert.True(rho < interval.Lower);
    }

    [Fact]
    public void IntervalBracketsTheEstimate()
    {
        (double[] x, double[] y) = Sample(1000, 3);
        double rho = RankCorrelation.Spearman(x, y);

        ConfidenceInterval interval = SpearmanBootstrap.Compute(x, y, 1000, 0.95, seed: 1);

        // With n = 1000 the standard error of ρ is below 1.1/√n ≈ 0.035, so the 95% interval is at most about
        // 0.14 wide. It must contain ρ and be neither degenerate nor wider than 0.2.
        Assert.InRange(rho, interval.Lower, interval.Upper);
        Assert.InRange(interval.Upper - interval.Lower, 0.02, 0.2);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void TinySampleLeavesOutConstantResamples()
    {
        // Three pairs: 3 of the 27 equally likely resamples repeat one pair, so ρ is undefined for about 1 in 9.
        double[] x = { 1, 2, 3 };
        double[] y = { 1, 3, 2 };

        ConfidenceInterval interval = SpearmanBootstrap.Compute(x, y, 2700, 0.95, seed: 9);

        Assert.InRange(interval.Resamples - interval.DefinedResamples, 200, 400);
        Assert.True(double.IsFinite(interval.Lower));
        Assert.True(interval.Lower >= -1);
        Assert.True(interval.Upper <= 1);
    }

    [Fact]
    public void QuantileInterpolatesLinearly()
    {
        double[] sorted = { 1, 2, 4, 8 };

        // h = 3p: p = 0.5 gives h = 1.5, halfway between 2 and 4; p = 0.9 gives h = 2.7, 4 + 0.7 × 4.
        Assert.Equal(3.0, SpearmanBootstrap.Quantile(sorted, 0.5), 14);
        Assert.Equal(6.8, SpearmanBootstrap.Quantile(sorted, 0.9), 14);
        Assert.Equal(1.0, SpearmanBootstrap.Quantile(sorted, 0));
        Assert.Equal(8.0, SpearmanBootstrap.Quantile(sorted, 1));
    }

    [Fact]
    public void CancellationStopsTheBootstrap()
    {
        (double[] x, double[] y) = Sample(5000, 4);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SpearmanBootstrap.Compute(x, y, 1000, 0.95, 1, null, cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => SpearmanBootstrap.Compute(x[..10], y[..10], 10, 0.95, 1, null, cancellation.Token));
    }

    [Fact]
    public void ReportsEveryResampleFinished()
    {
        (double[] x, double[] y) = Sample(3000, 5);
        int last = 0;
        var progress = new SynchronousProgress(done => InterlockedMax(ref last, done));

        SpearmanBootstrap.Compute(x, y, 250, 0.95, 7, progress);

        Assert.Equal(250, last);
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        double[] x = { 1, 2, 3 };

        Assert.Throws<ArgumentOutOfRangeException>(() => SpearmanBootstrap.Compute(x, x, 0, 0.95, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpearmanBootstrap.Compute(x, x, 10, 1.0, 1));
        Assert.Throws<ArgumentException>(() => SpearmanBootstrap.Compute(new[] { 1.0 }, new[] { 1.0 }, 10, 0.95, 1));
        Assert.Throws<ArgumentException>(() => SpearmanBootstrap.Compute(x, new[] { 1, double.NaN, 3 }, 10, 0.95, 1));
    }

    private static (double[] X, double[] Y) Sample(int n, int seed)
    {
        var random = new Random(seed);
        double[] x = Enumerable.Range(0, n).Select(_ => (double)random.Next(50)).ToArray();
        double[] y = x.Select(v => v + random.Next(60)).ToArray();
        return (x, y);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        do
        {
            current = Volatile.Read(ref target);
        }
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current);
    }

    // Progress<T> posts to the thread pool, so a report could arrive after Compute returns.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

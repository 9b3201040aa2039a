using Canopy.Numerics;
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Canopy.Statistics;

/// <summary>
/// The percentile bootstrap confidence interval for Spearman's ρ: draw n pairs with replacement, compute ρ,
/// repeat, and take the α/2 and 1 − α/2 percentiles of the resampled ρ values.
/// </summary>
// TODO: offer the BCa interval too, because the percentile interval's coverage error shrinks only as O(1/√n) and
// it can fall short of the nominal level for small n or for ρ near ±1.
public static class SpearmanBootstrap
{
    // An estimate: below this many resampled pairs in total the work takes milliseconds, so threads gain nothing.
    private const long ParallelThreshold = 200_000;

    /// <summary>
    /// Computes the interval. Resample b draws its indices from <see cref="Xoshiro256StarStar.ForStream"/>(seed, b),
    /// so the result depends only on the data, the seed and the number of resamples, never on the number of threads.
    /// The percentiles interpolate linearly between order statistics (type 7 of Hyndman and Fan, "Sample quantiles
    /// in statistical packages", The American Statistician 50, 1996; the default of R and NumPy). Reports the
    /// number of finished resamples to <paramref name="progress"/>, from worker threads.
    /// </summary>
    /// <exception cref="ArgumentNullException">Either sample is null.</exception>
    /// <exception cref="ArgumentException">The samples differ in length, have fewer than two pairs, or contain NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The resample count is not positive, or the level is not in (0, 1).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ConfidenceInterval Compute(
        double[] x,
        double[] y,
        int resamples,
        double level,
        ulong seed,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(x, y, resamples, level);

        TieGroups xGroups = TieGroups.Of(x);
        TieGroups yGroups = TieGroups.Of(y);
        double[] rhos = new double[resamples];
        int finished = 0;
        int reportEvery = Math.Max(1, resamples / 100);

        void RunResample(int b, ResampleBuffers buffers)
        {
            rhos[b] = ResampledRho(xGroups, yGroups, buffers, Xoshiro256StarStar.ForStream(seed, (ulong)b));

            int done = Interlocked.Increment(ref finished);
            if (progress is not null && (done % reportEvery == 0 || done == resamples))
            {
                progress.Report(done);
            }
        }

        if ((long)x.Length * resamples < ParallelThreshold)
        {
            var buffers = new ResampleBuffers(x.Length, xGroups, yGroups);
            for (int b = 0; b < resamples; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunResample(b, buffers);
            }
        }
        else
        {
            // Parallel.For checks the token between resamples and throws OperationCanceledException.
            var options = new ParallelOptions { CancellationToken = cancellationToken };
            Parallel.For(
                0,
                resamples,
                options,
                () => new ResampleBuffers(x.Length, xGroups, yGroups),
                (b, _, buffers) => { RunResample(b, buffers); return buffers; },
                _ => { });
        }

        return Summarize(rhos, level);
    }

    /// <summary>
    /// Returns the type 7 sample quantile of sorted values: with h = (m − 1)p, interpolate between the values at
    /// ⌊h⌋ and ⌊h⌋ + 1 (0-based).
    /// </summary>
    internal static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    // ρ of the pairs at indices drawn with replacement; NaN when either resampled sample is constant.
    private static double ResampledRho(TieGroups xGroups, TieGroups yGroups, ResampleBuffers buffers, Xoshiro256StarStar random)
    {
        int n = buffers.Picks.Length;
        for (int i = 0; i < n; i++)
        {
            buffers.Picks[i] = random.NextInt32(n);
        }

        bool xVaries = xGroups.RankPicks(buffers.Picks, buffers.XCounts, buffers.XGroupRanks, buffers.XRanks);
        bool yVaries = yGroups.RankPicks(buffers.Picks, buffers.YCounts, buffers.YGroupRanks, buffers.YRanks);
        return xVaries && yVaries ? RankCorrelation.PearsonOfFinite(buffers.XRanks, buffers.YRanks) : double.NaN;
    }

    private static ConfidenceInterval Summarize(double[] rhos, double level)
    {
        double[] defined = Array.FindAll(rhos, rho => !double.IsNaN(rho));
        if (defined.Length == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, level, rhos.Length, 0);
        }

        Array.Sort(defined);
        double tail = (1 - level) / 2;
        return new ConfidenceInterval(Quantile(defined, tail), Quantile(defined, 1 - tail), level, rhos.Length, defined.Length);
    }

    private static void Validate(double[] x, double[] y, int resamples, double level)
    {
        Samples.RequirePaired(x, y);
        if (x.Length < 2)
        {
            throw new ArgumentException($"The bootstrap needs at least two pairs, but the samples have {x.Length}.", nameof(x));
        }

        if (Samples.ContainsNaN(x) || Samples.ContainsNaN(y))
        {
            throw new ArgumentException("The samples contain NaN; remove missing pairs before the bootstrap.", nameof(x));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1, for example 0.95.");
        }
    }

    // Scratch space of one worker thread, reused for every resample it runs.
    private sealed class ResampleBuffers(int n, TieGroups xGroups, TieGroups yGroups)
    {
        public int[] Picks { get; } = new int[n];

        public int[] XCounts { get; } = new int[xGroups.GroupCount];

        public int[] YCounts { get; } = new int[yGroups.GroupCount];

        public double[] XGroupRanks { get; } = new double[xGroups.GroupCount];

        public double[] YGroupRanks { get; } = new double[yGroups.GroupCount];

        public double[] XRanks { get; } = new double[n];

        public double[] YRanks { get; } = new double[n];
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using Canopy.Statistics;

namespace Canopy.Benchmarks;

/// <summary>
/// Times Spearman's ρ and Kendall's τ-b on 10^5 and 10^6 random pairs with many ties (1,000 levels), and a
/// bootstrap of ρ, so that the n log n growth can be read off as a ratio measured in one run.
/// </summary>
internal sealed class CorrelationBenchmark : IBenchmark
{
    public string Name => "correlation";

    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options)
    {
        int small = Option(options, "small", 100_000);
        int large = Option(options, "large", 1_000_000);
        int repeats = Option(options, "repeats", 7);
        int resamples = Option(options, "resamples", 1000);
        int bootstrapPairs = Option(options, "bootstrap-pairs", 10_000);

        var figures = new Dictionary<string, object?>
        {
            ["small"] = small,
            ["large"] = large,
            ["repeats"] = repeats,
            ["cores"] = Environment.ProcessorCount,
        };

        (double[] smallX, double[] smallY) = Pairs(small, seed: 1);
        (double[] largeX, double[] largeY) = Pairs(large, seed: 1);
        var best = new Dictionary<string, double>();

        // Small and large runs alternate, so that a busy spell on the machine slows both sizes alike.
        for (int round = 0; round <= repeats; round++)
        {
            bool warmUp = round == 0;
            Time(best, "small.spearmanSeconds", warmUp, () => RankCorrelation.Spearman(smallX, smallY));
            Time(best, "large.spearmanSeconds", warmUp, () => RankCorrelation.Spearman(largeX, largeY));
            Time(best, "small.kendallSeconds", warmUp, () => RankCorrelation.KendallTauB(smallX, smallY));
            Time(best, "large.kendallSeconds", warmUp, () => RankCorrelation.KendallTauB(largeX, largeY));
        }

        foreach ((string name, double seconds) in best)
        {
            figures[name] = seconds;
        }

        figures["small.spearman"] = RankCorrelation.Spearman(smallX, smallY);
        figures["small.kendall"] = RankCorrelation.KendallTauB(smallX, smallY);
        figures["large.spearman"] = RankCorrelation.Spearman(largeX, largeY);
        figures["large.kendall"] = RankCorrelation.KendallTauB(largeX, largeY);

        foreach (string measure in new[] { "spearman", "kendall" })
        {
            figures[measure + "Ratio"] = best[$"large.{measure}Seconds"] / best[$"small.{measure}Seconds"];
            figures[measure + "CpuRatio"] = best[$"large.{measure}CpuSeconds"] / best[$"small.{measure}CpuSeconds"];
        }

        figures["nLogNRatio"] = large * Math.Log(large) / (small * Math.Log(small));

        (double[] bx, double[] by) = Pairs(bootstrapPairs, seed: 2);
        var stopwatch = Stopwatch.StartNew();
        ConfidenceInterval interval = SpearmanBootstrap.Compute(bx, by, resamples, 0.95, seed: 20261204);
        figures["bootstrap.pairs"] = bootstrapPairs;
        figures["bootstrap.resamples"] = resamples;
        figures["bootstrap.seconds"] = stopwatch.Elapsed.TotalSeconds;
        figures["bootstrap.lower"] = interval.Lower;
        figures["bootstrap.upper"] = interval.Upper;
        return figures;
    }

    // Keeps the fastest wall-clock time and the smallest CPU time of each measurement. The CPU time of this thread
    // leaves out the time it waits while other processes use the cores. The warm-up run lets the JIT compile everything.
    private static void Time(Dictionary<string, double> best, string name, bool warmUp, Func<double> run)
    {
        double cpuBefore = ThreadCpuTime.Seconds();
        var stopwatch = Stopwatch.StartNew();
        run();
        double seconds = stopwatch.Elapsed.TotalSeconds;
        double cpuSeconds = ThreadCpuTime.Seconds() - cpuBefore;
        if (!warmUp)
        {
            best[name] = Math.Min(best.GetValueOrDefault(name, double.MaxValue), seconds);
            string cpuName = name.Replace("Seconds", "CpuSeconds", StringComparison.Ordinal);
            best[cpuName] = Math.Min(best.GetValueOrDefault(cpuName, double.MaxValue), cpuSeconds);
        }
    }

    private static (double[] X, double[] Y) Pairs(int n, int seed)
    {
        var random = new Random(seed);
        double[] x = Enumerable.Range(0, n).Select(_ => (double)random.Next(1000)).ToArray();
        double[] y = x.Select(v => v + random.Next(1000)).ToArray();
        return (x, y);
    }

    private static int Option(IReadOnlyDictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    // The CPU time of the calling thread in nanosecond resolution; Process.TotalProcessorTime ticks in 10 ms on Linux.
    private static class ThreadCpuTime
    {
        private const int ClockThreadCpuTimeId = 3;

        public static double Seconds()
        {
            if (!OperatingSystem.IsLinux())
            {
                return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            }

            if (ClockGetTime(ClockThreadCpuTimeId, out TimeSpec time) != 0)
            {
                throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
            }

            return time.Seconds + time.Nanoseconds * 1e-9;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clockId, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}

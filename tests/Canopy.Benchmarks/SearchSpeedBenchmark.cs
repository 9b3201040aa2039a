using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Canopy.Architectures;
using Canopy.Scoring;
using Canopy.Search;

namespace Canopy.Benchmarks;

/// <summary>
/// Times a search of several seeds against scoring the architectures it evaluated in one batch
/// (<see cref="TropicalScorer.ScoreBatch"/>), so that the ratio shows what the search adds to scoring.
/// </summary>
/// <remarks>
/// Both sides run on all cores: the search one seed per core, the batch one architecture per work item. Search
/// and batch runs alternate, so that a busy spell on the machine slows both alike, and each side keeps its
/// fastest run. Warm-up rounds run until the JIT compiler has settled, because a search runs code that scoring
/// does not, and a single warm-up round left some of it unoptimised.
/// </remarks>
internal sealed class SearchSpeedBenchmark : IBenchmark
{
    // The runtime promotes hot methods only after they have run for a while, so warm-up takes at least this many rounds.
    private const int MinWarmUpRounds = 10;

    public string Name => "search-speed";

    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options)
    {
        SearchSpace space = Enum.Parse<SearchSpace>(options.GetValueOrDefault("space", "Darts"), ignoreCase: true);
        int seedCount = int.Parse(options.GetValueOrDefault("seeds", "10"), CultureInfo.InvariantCulture);
        int budget = int.Parse(options.GetValueOrDefault("budget", "1000"), CultureInfo.InvariantCulture);
        int repeats = int.Parse(options.GetValueOrDefault("repeats", "3"), CultureInfo.InvariantCulture);

        var search = new SearchOptions { SearchSpace = space, Budget = budget };
        ulong[] seeds = Enumerable.Range(0, seedCount).Select(seed => (ulong)seed).ToArray();

        // The batch scores exactly the architectures the search evaluated, parsed before any clock starts.
        List<SearchStep> steps = RunSearch(search, seeds);
        Architecture[] evaluated = steps.Select(step => ArchitectureParser.Parse(step.Architecture, space)).ToArray();

        var best = new Dictionary<string, double>
        {
            ["searchSeconds"] = double.MaxValue,
            ["searchCpuSeconds"] = double.MaxValue,
            ["batchSeconds"] = double.MaxValue,
            ["batchCpuSeconds"] = double.MaxValue,
        };
        int warmUpRounds = JitWarmUp.Run(
            () =>
            {
                Time(best, "search", warmUp: true, () => RunSearch(search, seeds));
                Time(best, "batch", warmUp: true, () => TropicalScorer.ScoreBatch(evaluated, search.Scoring));
            },
            MinWarmUpRounds);

        for (int round = 0; round < repeats; round++)
        {
            Time(best, "search", warmUp: false, () => RunSearch(search, seeds));
            Time(best, "batch", warmUp: false, () => TropicalScorer.ScoreBatch(evaluated, search.Scoring));
        }

        return new Dictionary<string, object?>
        {
            ["space"] = space.ToString(),
            ["seeds"] = seedCount,
            ["budget"] = budget,
            ["evaluations"] = evaluated.Length,
            ["distinctArchitectures"] = steps.Select(step => step.Architecture).Distinct(StringComparer.Ordinal).Count(),
            ["repeats"] = repeats,
            ["warmUpRounds"] = warmUpRounds,
            ["cores"] = Environment.ProcessorCount,
            ["searchSeconds"] = best["searchSeconds"],
            ["searchCpuSeconds"] = best["searchCpuSeconds"],
            ["batchSeconds"] = best["batchSeconds"],
            ["batchCpuSeconds"] = best["batchCpuSeconds"],
            ["ratio"] = best["searchSeconds"] / best["batchSeconds"],
            ["cpuRatio"] = best["searchCpuSeconds"] / best["batchCpuSeconds"],
        };
    }

    // Runs every seed in parallel and collects the steps in seed order, as Invoke-CanopySearch does.
    private static List<SearchStep> RunSearch(SearchOptions options, ulong[] seeds)
    {
        ParallelSearch search = ParallelSearch.Start(options, seeds, null, PublishedSteps.All, CancellationToken.None);
        var steps = new List<SearchStep>(options.Budget * seeds.Length);
        foreach (SeedSearch seed in search.Seeds)
        {
            while (!seed.IsFinished)
            {
                if (seed.TryTake(out SearchStep? step, TimeSpan.FromMilliseconds(250), CancellationToken.None))
                {
                    steps.Add(step!);
                }
            }
        }

        return steps;
    }

    // Keeps the fastest wall-clock time and the smallest CPU time of the whole process, which counts every core.
    private static void Time(Dictionary<string, double> best, string name, bool warmUp, Action run)
    {
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        run();
        stopwatch.Stop();
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        if (warmUp)
        {
            return;
        }

        best[name + "Seconds"] = Math.Min(best[name + "Seconds"], stopwatch.Elapsed.TotalSeconds);
        best[name + "CpuSeconds"] = Math.Min(best[name + "CpuSeconds"], cpu);
    }
}

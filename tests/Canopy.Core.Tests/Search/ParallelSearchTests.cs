using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Canopy.Architectures;
using Canopy.Search;
using Canopy.Storage;
using Canopy.Tests.Storage;
using Xunit;

namespace Canopy.Tests.Search;

public class ParallelSearchTests
{
    [Fact]
    public void SeedsComeOutInGivenOrder()
    {
        SearchOptions options = SearchTests.Options(SearchSpace.Darts, SearchStrategy.RegularizedEvolution, budget: 80);
        ulong[] seeds = { 7, 2, 9, 4, 0 };

        ParallelSearch search = ParallelSearch.Start(options, seeds, null, PublishedSteps.All, CancellationToken.None);
        List<(ulong Seed, List<SearchStep> Steps)> runs = TakeAll(search);

        Assert.Equal(seeds, runs.Select(run => run.Seed));
        foreach ((ulong seed, List<SearchStep> steps) in runs)
        {
            List<SearchStep> alone = SearchTests.Trajectory(options, seed).Steps;
            Assert.Equal(alone.Select(step => step.Architecture), steps.Select(step => step.Architecture));
            Assert.All(steps, step => Assert.Equal(seed, step.Seed));
            Assert.Equal(Enumerable.Range(1, 80), steps.Select(step => step.Step));
        }

        Assert.Equal(seeds.Length * 80, search.Evaluations);
        Assert.Equal(seeds.Length * 80, search.PlannedEvaluations);
    }

    [Fact]
    public void ImprovementsOfEverySeedAreQueued()
    {
        SearchOptions options = SearchTests.Options(SearchSpace.Darts, SearchStrategy.RegularizedEvolution, budget: 80);
        ulong[] seeds = { 3, 8 };

        ParallelSearch search = ParallelSearch.Start(options, seeds, null, PublishedSteps.Improvements, CancellationToken.None);
        List<(ulong Seed, List<SearchStep> Steps)> runs = TakeAll(search);
        var queued = new List<SearchStep>();
        while (search.TryTakeImprovement(out SearchStep? step))
        {
            queued.Add(step);
        }

        // Per seed the queue keeps the order of finding; across seeds it interleaves as the threads ran.
        foreach (ulong seed in seeds)
        {
            IEnumerable<int> expected = SearchTests.Trajectory(options, seed).Steps.Where(step => step.Improved).Select(step => step.Step);
            Assert.Equal(expected, queued.Where(step => step.Seed == seed).Select(step => step.Step));
        }

        Assert.Equal(runs.Sum(run => run.Steps.Count), queued.Count);
    }

    [Fact]
    public async Task CancelledSearchEndsEverySeed()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        SearchOptions options = SearchTests.Options(SearchSpace.Darts, SearchStrategy.RegularizedEvolution, budget: 100_000);

        ParallelSearch search = ParallelSearch.Start(options, new ulong[] { 1, 2, 3 }, null, PublishedSteps.All, cancellation.Token);
        await search.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(search.Completion.IsCompleted);
        Assert.All(search.Seeds, seed => Assert.True(seed.IsFinished));
        Assert.All(search.Seeds, seed => Assert.True(seed.Result.IsCanceled));
        Assert.Equal(0, search.Evaluations);
    }

    [Fact]
    public void InvalidOptionsFailAtStart()
    {
        SearchOptions options = SearchTests.Options(SearchSpace.NatsTopology, SearchStrategy.Random, budget: 10) with { MaxParameters = 10 };

        Assert.Throws<SearchConstraintException>(() => ParallelSearch.Start(options, new ulong[] { 0 }, null, PublishedSteps.All, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => ParallelSearch.Start(options with { MaxParameters = null }, Array.Empty<ulong>(), null, PublishedSteps.All, CancellationToken.None));
    }

    [Fact]
    public async Task TargetsComeFromBenchmark()
    {
        // The benchmark lists the cells of even index (Canopy's base-5 order), each with its index as the target.
        using var cache = new TemporaryCache();
        var csv = new StringBuilder("arch,acc,note\n");
        foreach (NatsTopologyCell cell in NatsTopologyCell.EnumerateAll().Where(cell => cell.Index % 2 == 0))
        {
            csv.Append(cell.Canonical).Append(',').Append(cell.Index).Append(cell.Index % 4 == 0 ? ",text\n" : ",\n");
        }

        cache.Import(cache.WriteText("even.csv", csv.ToString()), name: "even");
        BenchmarkTargets targets = BenchmarkTargets.Open(cache.Store, "EVEN", "Acc");
        SearchOptions options = SearchTests.Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget: 300);

        ParallelSearch search = ParallelSearch.Start(options, new ulong[] { 3, 5 }, targets, PublishedSteps.All, CancellationToken.None);
        List<(ulong Seed, List<SearchStep> Steps)> runs = TakeAll(search);

        Assert.Equal("acc", targets.Column);
        int absent = 0;
        foreach ((ulong seed, List<SearchStep> steps) in runs)
        {
            foreach (SearchStep step in steps)
            {
                int? index = step.BestArchitecture is { } best ? NatsTopologyCell.Parse(best).Index : null;
                double? expected = index % 2 == 0 ? index : null;
                Assert.Equal(expected, step.BestTarget);
            }

            SearchResult result = await search.Seeds.Single(run => run.Seed == seed).Result;
            string[] bests = steps.Select(step => step.BestArchitecture).OfType<string>().Distinct().ToArray();
            Assert.Equal(bests.Length, result.Targets!.Architectures);
            Assert.Equal(bests.Count(best => NatsTopologyCell.Parse(best).Index % 2 == 1), result.Targets.Absent);
            Assert.Equal(0, result.Targets.WithoutNumber);
            Assert.Equal(steps.Count(step => step.Improved), bests.Length);
            Assert.Equal(steps[^1].BestTarget, result.ToSummary()!.Target);
            absent += result.Targets.Absent;
        }

        Assert.True(absent > 0, "no best architecture of odd index came up, so absent architectures went untested");
    }

    [Fact]
    public void TextTargetHasNoNumber()
    {
        using var cache = new TemporaryCache();
        NatsTopologyCell cell = NatsTopologyCell.FromIndex(4321);
        NatsTopologyCell scored = NatsTopologyCell.FromIndex(4322);
        cache.Import(cache.WriteText("notes.csv", $"arch,note\n{cell.Canonical},good\n{scored.Canonical},91.5\n"), name: "notes");
        BenchmarkTargets targets = BenchmarkTargets.Open(cache.Store, "notes", "note");

        (bool found, double? value, bool valuesDiffer) = targets.Lookup(cell.Canonical);
        (bool scoredFound, double? scoredValue, _) = targets.Lookup(scored.Canonical);
        (bool otherFound, double? otherValue, _) = targets.Lookup(NatsTopologyCell.FromIndex(4323).Canonical);

        Assert.True(found);
        Assert.Null(value);
        Assert.False(valuesDiffer);
        Assert.True(scoredFound);
        Assert.Equal(91.5, scoredValue);
        Assert.False(otherFound);
        Assert.Null(otherValue);
    }

    [Fact]
    public void ColumnWithoutNumbersIsRejected()
    {
        using var cache = new TemporaryCache();
        string first = NatsTopologyCell.FromIndex(4321).Canonical;
        string second = NatsTopologyCell.FromIndex(4322).Canonical;
        cache.Import(cache.WriteText("notes.csv", $"arch,note,acc\n{first},good,90\n{second},,91\n"), name: "notes");

        var error = Assert.Throws<TargetColumnNotNumericException>(() => BenchmarkTargets.Open(cache.Store, "notes", "NOTE"));

        Assert.Equal("note", error.Column);
        Assert.Equal("notes", error.Benchmark);
        Assert.True(cache.Store.HasNumbers("notes", "acc"));
        Assert.False(cache.Store.HasNumbers("notes", "note"));
        Assert.Equal(new[] { "acc" }, cache.Store.NumericColumns("notes"));
    }

    [Fact]
    public void FirstTextSkipsNumbersAndEmptyCells()
    {
        using var cache = new TemporaryCache();
        string first = NatsTopologyCell.FromIndex(4321).Canonical;
        string second = NatsTopologyCell.FromIndex(4322).Canonical;
        string third = NatsTopologyCell.FromIndex(4323).Canonical;
        cache.Import(cache.WriteText("mixed.csv", $"arch;acc;note\n{first};90;\n{second};;\n{third};\"93,5\";\n"), name: "mixed");

        Assert.Equal("93,5", cache.Store.FirstText("mixed", "ACC"));
        Assert.Null(cache.Store.FirstText("mixed", "note"));
    }

    [Fact]
    public async Task SummarySearchPublishesOnlyImprovements()
    {
        SearchOptions options = SearchTests.Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget: 2000);
        ulong[] seeds = { 3, 4 };

        ParallelSearch search = ParallelSearch.Start(options, seeds, null, PublishedSteps.Improvements, CancellationToken.None);
        List<(ulong Seed, List<SearchStep> Steps)> runs = TakeAll(search);

        foreach ((ulong seed, List<SearchStep> steps) in runs)
        {
            List<SearchStep> improvements = SearchTests.Trajectory(options, seed).Steps.Where(step => step.Improved).ToList();
            Assert.Equal(improvements.Select(step => step.Step), steps.Select(step => step.Step));
            SearchResult result = await search.Seeds.Single(run => run.Seed == seed).Result;
            Assert.Equal(improvements[^1].Architecture, result.ToSummary()!.Architecture);
        }

        Assert.Equal(2 * 2000, search.Evaluations);
    }

    [Fact]
    public void UnreadSeedStopsAtBufferCapacity()
    {
        int budget = SeedSearch.BufferCapacity + 500;
        SearchOptions options = SearchTests.Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget);

        ParallelSearch search = ParallelSearch.Start(options, new ulong[] { 6 }, null, PublishedSteps.All, CancellationToken.None);
        SeedSearch seed = search.Seeds[0];
        var waited = Stopwatch.StartNew();
        long before;
        do
        {
            before = search.Evaluations;
            Thread.Sleep(200);
        }
        while ((before == 0 || search.Evaluations != before) && waited.Elapsed < TimeSpan.FromSeconds(60));

        // The run stopped with the buffer full and at most one batch in hand, which it is waiting to hand over.
        Assert.InRange(seed.Buffered, SeedSearch.BufferCapacity - (SeedSearch.BufferCapacity / SeedSearch.BatchSize) * (SeedSearch.BatchSize - 1), SeedSearch.BufferCapacity);
        Assert.InRange(search.Evaluations, seed.Buffered + 1, seed.Buffered + SeedSearch.BatchSize);
        Assert.False(seed.Result.IsCompleted);

        List<(ulong Seed, List<SearchStep> Steps)> runs = TakeAll(search);
        Assert.Equal(Enumerable.Range(1, budget), runs[0].Steps.Select(step => step.Step));
    }

    [Fact]
    public void UnknownBenchmarkOrColumnFailsAtOpen()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("accs.csv", $"arch,acc\n{KnownArchitectures.Nb201Best},94.37\n"), name: "accs");

        var missingBenchmark = Assert.Throws<BenchmarkNotFoundException>(() => BenchmarkTargets.Open(cache.Store, "other", "acc"));
        var missingColumn = Assert.Throws<TargetColumnNotFoundException>(() => BenchmarkTargets.Open(cache.Store, "accs", "loss"));

        Assert.Equal("other", missingBenchmark.Name);
        Assert.Equal("loss", missingColumn.Column);
        Assert.Contains("'acc'", missingColumn.Message);
    }

    private static List<(ulong Seed, List<SearchStep> Steps)> TakeAll(ParallelSearch search)
    {
        var runs = new List<(ulong, List<SearchStep>)>();
        foreach (SeedSearch seed in search.Seeds)
        {
            var steps = new List<SearchStep>();
            while (!seed.IsFinished)
            {
                if (seed.TryTake(out SearchStep? step, TimeSpan.FromMilliseconds(50), CancellationToken.None))
                {
                    steps.Add(step!);
                }
            }

            Assert.True(seed.Result.IsCompletedSuccessfully);
            runs.Add((seed.Seed, steps));
        }

        return runs;
    }
}

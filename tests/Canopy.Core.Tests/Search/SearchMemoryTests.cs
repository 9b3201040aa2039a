using System;
using System.Threading;
using System.Threading.Tasks;
using Canopy.Architectures;
using Canopy.Search;
using Xunit;

namespace Canopy.Tests.Search;

/// <summary>Runs the memory tests alone, because the live heap they measure includes every thread's objects.</summary>
[CollectionDefinition(nameof(SearchMemoryTests), DisableParallelization = true)]
public sealed class SearchMemoryCollection
{
}

/// <summary>
/// Checks that a search's memory does not grow with its budget: the live heap at the end of a run of 50,000
/// evaluations against one of 5,000. A kept step costs about 390 bytes (the record and its 92-character NATS-Bench
/// architecture string), so keeping the 45,000 extra steps would add about 17 MB.
/// </summary>
[Collection(nameof(SearchMemoryTests))]
public class SearchMemoryTests
{
    private const int SmallBudget = 5_000;
    private const int LargeBudget = 50_000;

    // Well above the noise of a full collection, and far below what keeping the extra steps would add.
    private const long AllowedGrowth = 2_000_000;

    [Fact]
    public void RunMemoryDoesNotGrowWithBudget()
    {
        // The warm-up fills the memoised NATS topology scores that both measured runs then read.
        LiveBytesAtLastStep(LargeBudget);

        long small = LiveBytesAtLastStep(SmallBudget);
        long large = LiveBytesAtLastStep(LargeBudget);

        Assert.True(large - small < AllowedGrowth, $"The live heap at the last step grew by {large - small:N0} bytes from {SmallBudget:N0} to {LargeBudget:N0} evaluations.");
    }

    [Fact]
    public async Task SummarySearchMemoryDoesNotGrowWithBudget()
    {
        await LiveBytesAfterSummarySearch(LargeBudget);

        long small = await LiveBytesAfterSummarySearch(SmallBudget);
        long large = await LiveBytesAfterSummarySearch(LargeBudget);

        Assert.True(large - small < AllowedGrowth, $"The live heap of a finished search grew by {large - small:N0} bytes from {SmallBudget:N0} to {LargeBudget:N0} evaluations per seed.");
    }

    // Measures inside the last report, while the run still references everything it keeps.
    private static long LiveBytesAtLastStep(int budget)
    {
        SearchOptions options = SearchTests.Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget);
        long live = 0;
        var progress = new SearchTests.SynchronousProgress(step =>
        {
            if (step.Step == budget)
            {
                live = GC.GetTotalMemory(forceFullCollection: true);
            }
        });

        ArchitectureSearch.Run(options, 1, progress);
        return live;
    }

    // Measures a finished two-seed search as Invoke-CanopySearch -Summary runs it, before its steps are taken.
    private static async Task<long> LiveBytesAfterSummarySearch(int budget)
    {
        SearchOptions options = SearchTests.Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget);
        ParallelSearch search = ParallelSearch.Start(options, new ulong[] { 1, 2 }, null, PublishedSteps.Improvements, CancellationToken.None);
        await search.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        long live = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(2L * budget, search.Evaluations);
        GC.KeepAlive(search);
        return live;
    }
}

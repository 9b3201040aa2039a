using System;
using System.Threading;
using Canopy.Search;
using Xunit;

namespace Canopy.Tests.Search;

public class SeedSearchTests
{
    private static SearchStep Step(int number) => new()
    {
        Seed = 1,
        Step = number,
        SearchSpace = "Mlp",
        Strategy = "Random",
        Objective = "TropicalScore",
        Mode = "Generic",
        TieBreaker = "None",
        Dataset = "cifar10",
        Architecture = "mlp:3072:64",
        Status = "Accepted",
        Improved = false,
    };

    [Fact]
    public void StepsArriveInOrderAcrossBatches()
    {
        var seed = new SeedSearch(1);
        int count = 3 * SeedSearch.BatchSize + 5;
        for (int number = 1; number <= count; number++)
        {
            seed.Publish(Step(number), CancellationToken.None);
        }

        // Whether a batch left early depends on timing, but never more steps than were published are handed over.
        Assert.InRange(seed.Buffered, 3 * SeedSearch.BatchSize, count);
        seed.Flush(CancellationToken.None);
        seed.Cancel();

        Assert.Equal(count, seed.Buffered);
        for (int number = 1; number <= count; number++)
        {
            Assert.True(seed.TryTake(out SearchStep? step, TimeSpan.Zero, CancellationToken.None));
            Assert.Equal(number, step!.Step);
        }

        Assert.True(seed.IsFinished);
        Assert.Equal(0, seed.Buffered);
    }

    [Fact]
    public void SlowStepIsHandedOverAtOnce()
    {
        var seed = new SeedSearch(1);
        Thread.Sleep(SeedSearch.SlowStep * 5);

        seed.Publish(Step(1), CancellationToken.None);

        Assert.Equal(1, seed.Buffered);
        Assert.True(seed.TryTake(out SearchStep? step, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(1, step!.Step);
    }

    [Fact]
    public void WaitingStepLeavesWithoutAnotherStep()
    {
        var seed = new SeedSearch(1);
        seed.Publish(Step(1), CancellationToken.None);
        seed.Publish(Step(2), CancellationToken.None);

        // The second step came at once, so it may wait in the batch, but the timer hands the batch over on its own.
        SearchStep? first = null;
        SearchStep? second = null;
        bool arrived = seed.TryTake(out first, TimeSpan.FromSeconds(5), CancellationToken.None)
            && seed.TryTake(out second, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(arrived, "the steps did not reach the reader while the run made no further step");
        Assert.Equal(new[] { 1, 2 }, new[] { first!.Step, second!.Step });
        seed.Cancel();
    }

    [Fact]
    public void FlushHandsOverAnUnfinishedBatchInOrder()
    {
        var seed = new SeedSearch(1);
        seed.Flush(CancellationToken.None);
        seed.Publish(Step(1), CancellationToken.None);
        seed.Publish(Step(2), CancellationToken.None);

        seed.Flush(CancellationToken.None);
        seed.Cancel();

        Assert.True(seed.TryTake(out SearchStep? first, TimeSpan.Zero, CancellationToken.None));
        Assert.True(seed.TryTake(out SearchStep? second, TimeSpan.Zero, CancellationToken.None));
        Assert.False(seed.TryTake(out _, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(new[] { 1, 2 }, new[] { first!.Step, second!.Step });
        Assert.True(seed.IsFinished);
    }
}

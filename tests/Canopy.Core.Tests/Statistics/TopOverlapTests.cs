using System;
using System.Linq;
using Canopy.Statistics;
using Xunit;

namespace Canopy.Tests.Statistics;

public class TopOverlapTests
{
    [Fact]
    public void CountsSharedTopRecords()
    {
        double[] proxy = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
        double[] target = { 5, 9, 10, 1, 2, 3, 4, 6, 7, 8 };

        // Top 20% of 10 is k = 2: records {0, 1} by proxy and {2, 1} by target share record 1, so 1/2.
        Assert.Equal(0.5, TopOverlap.Share(proxy, target, 20));

        // Top 50% is k = 5: by proxy {0..4}, by target {2, 1, 9, 8, 7} share {1, 2}, so 2/5.
        Assert.Equal(0.4, TopOverlap.Share(proxy, target, 50), 14);
        Assert.Equal(1.0, TopOverlap.Share(proxy, target, 100), 14);
    }

    [Fact]
    public void SplitsTiesAtTheCutoff()
    {
        double[] proxy = { 3, 2, 2, 1 };
        double[] target = { 0, 5, 1, 4 };

        // k = 2. By proxy, record 0 is in, and records 1 and 2 tie for the one place left, so each counts 1/2.
        // By target the top two are records 1 and 3. Expected overlap 1/2 (record 1, half the time) of k = 2.
        Assert.Equal(0.25, TopOverlap.Share(proxy, target, 50), 14);
    }

    [Fact]
    public void IgnoresRecordOrder()
    {
        var random = new Random(3);
        double[] proxy = Enumerable.Range(0, 500).Select(_ => (double)random.Next(20)).ToArray();
        double[] target = proxy.Select(v => v + random.Next(10)).ToArray();
        int[] shuffle = Enumerable.Range(0, 500).OrderBy(_ => random.Next()).ToArray();

        double original = TopOverlap.Share(proxy, target, 10);
        double shuffled = TopOverlap.Share(shuffle.Select(i => proxy[i]).ToArray(), shuffle.Select(i => target[i]).ToArray(), 10);

        Assert.Equal(original, shuffled, 12);
    }

    [Theory]
    [InlineData(1230, 10, 123)]
    [InlineData(9445, 10, 945)]     // 944.5 rounds up
    [InlineData(1500, 2.2, 33)]     // 1500 × 2.2 / 100 is 33.00000000000001 in binary doubles
    [InlineData(5, 1, 1)]           // never below one
    [InlineData(10, 100, 10)]
    [InlineData(0, 10, 0)]
    public void TopCountRoundsUp(int n, double percent, int expected)
    {
        Assert.Equal(expected, TopOverlap.TopCount(n, percent));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void RejectsPercentOutOfRange(double percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopOverlap.Share(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 }, percent));
    }

    [Fact]
    public void EmptyOrNaNGivesNaN()
    {
        Assert.True(double.IsNaN(TopOverlap.Share(Array.Empty<double>(), Array.Empty<double>(), 10)));
        Assert.True(double.IsNaN(TopOverlap.Share(new[] { 1.0, double.NaN }, new[] { 1.0, 2.0 }, 10)));
    }
}

using System;
using System.Linq;
using Canopy.Statistics;
using MathNetCorrelation = MathNet.Numerics.Statistics.Correlation;
using Xunit;

namespace Canopy.Tests.Statistics;

/// <summary>Checks the fast coefficients against independent implementations on random data with many ties.</summary>
public class RankCorrelationReferenceTests
{
    [Theory]
    [InlineData(2, 5)]
    [InlineData(3, 5)]
    [InlineData(10, 5)]
    [InlineData(57, 5)]
    [InlineData(500, 5)]
    [InlineData(2000, 5)]
    [InlineData(2000, 2)]
    [InlineData(3001, 1000)]
    public void KendallMatchesPairwiseDefinition(int n, int levels)
    {
        var random = new Random(n * 31 + levels);
        for (int trial = 0; trial < 5; trial++)
        {
            double[] x = Levels(random, n, levels);
            double[] y = Correlated(random, x, levels);

            double expected = Reference.NaiveKendallTauB(x, y);
            double actual = RankCorrelation.KendallTauB(x, y);

            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(actual), $"n = {n}, trial {trial}: expected NaN, got {actual}.");
                continue;
            }

            Assert.Equal(expected, actual, 12);
        }
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(10, 5)]
    [InlineData(100, 5)]
    [InlineData(1000, 5)]
    [InlineData(5000, 20)]
    [InlineData(5000, 1_000_000)]
    public void SpearmanMatchesMathNet(int n, int levels)
    {
        var random = new Random(n + levels);
        double[] x = Levels(random, n, levels);
        double[] y = Correlated(random, x, levels);

        // Spearman's ρ is undefined for a constant sample, so the comparison needs at least two distinct values in each.
        Assert.True(x.Distinct().Count() >= 2, $"n = {n}, levels = {levels}: x is constant, so Spearman's ρ is undefined and the case checks nothing.");
        Assert.True(y.Distinct().Count() >= 2, $"n = {n}, levels = {levels}: y is constant, so Spearman's ρ is undefined and the case checks nothing.");
        Assert.Equal(MathNetCorrelation.Spearman(x, y), RankCorrelation.Spearman(x, y), 12);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(1000, 5)]
    [InlineData(1000, 1_000_000)]
    public void SpearmanMatchesNaiveAverageRanks(int n, int levels)
    {
        var random = new Random(7 * n + levels);
        double[] x = Levels(random, n, levels);
        double[] y = Correlated(random, x, levels);

        Assert.Equal(Reference.NaiveSpearman(x, y), RankCorrelation.Spearman(x, y), 12);
    }

    [Fact]
    public void PearsonMatchesMathNet()
    {
        var random = new Random(20261204);
        double[] x = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble() * 100 - 50).ToArray();
        double[] y = x.Select(v => 0.3 * v + random.NextDouble() * 40).ToArray();

        Assert.Equal(MathNetCorrelation.Pearson(x, y), RankCorrelation.Pearson(x, y), 12);
    }

    [Fact]
    public void MergeSortCountsInversions()
    {
        var random = new Random(5);
        for (int n = 0; n < 200; n += 7)
        {
            double[] values = Levels(random, n, 6);
            long expected = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    expected += values[i] > values[j] ? 1 : 0;
                }
            }

            double[] sorted = values.Order().ToArray();
            Assert.Equal(expected, KnightKendall.MergeSortCountingExchanges(values));
            Assert.Equal(sorted, values);
        }
    }

    private static double[] Levels(Random random, int n, int levels) =>
        Enumerable.Range(0, n).Select(_ => (double)random.Next(levels)).ToArray();

    // A noisy copy of x on the same levels, so that the coefficients are far from zero and ties fall in both.
    private static double[] Correlated(Random random, double[] x, int levels) =>
        x.Select(v => random.NextDouble() < 0.6 ? v : random.Next(levels)).ToArray();
}

using System;
using Canopy.Statistics;
using Xunit;

namespace Canopy.Tests.Statistics;

public class ProxyCorrelationTests
{
    [Fact]
    public void MeasuresEveryFigure()
    {
        double[] proxy = { 1, 2, 3, 4, 5 };
        double[] target = { 2, 4, 5, 4, 5 };

        ProxyCorrelation row = ProxyCorrelation.Measure("params", "val_acc", proxy, target, 40);

        // The TiesInYOnly case of RankCorrelationTests; top 40% is k = 2: {4, 3} by proxy and {2, 4} tied
        // for the top by target, so record 4 counts fully and record 3 not at all: 1/2.
        Assert.Equal("params", row.Proxy);
        Assert.Equal("val_acc", row.Target);
        Assert.Equal(5, row.Count);
        Assert.Equal(7 / Math.Sqrt(90), row.Spearman, 14);
        Assert.Equal(6 / Math.Sqrt(80), row.Kendall, 14);
        Assert.Equal(6 / Math.Sqrt(60), row.Pearson, 14);
        Assert.Equal(0.5, row.TopOverlap, 14);
        Assert.Equal(40, row.TopPercent);
        Assert.Null(row.SpearmanLower);
    }

    [Fact]
    public void IntervalKeepsDrawnAndDefinedResamples()
    {
        ProxyCorrelation row = ProxyCorrelation.Measure("p", "t", new[] { 1.0, 2, 3 }, new[] { 1.0, 3, 2 }, 10);

        ProxyCorrelation withInterval = row.WithInterval(new ConfidenceInterval(-0.5, 1, 0.9, 1000, 777), seed: 42);

        Assert.Equal(1000, withInterval.Resamples);
        Assert.Equal(777, withInterval.DefinedResamples);
        Assert.Equal(-0.5, withInterval.SpearmanLower);
        Assert.Equal(1, withInterval.SpearmanUpper);
        Assert.Equal(0.9, withInterval.ConfidenceLevel);
        Assert.Equal(42UL, withInterval.Seed);
        Assert.Null(row.DefinedResamples);
    }

    [Fact]
    public void IntervalWithoutDefinedResampleHasNoEnds()
    {
        ProxyCorrelation row = ProxyCorrelation.Measure("p", "t", new[] { 1.0, 2, 3 }, new[] { 1.0, 3, 2 }, 10);

        ProxyCorrelation withInterval = row.WithInterval(new ConfidenceInterval(double.NaN, double.NaN, 0.95, 2, 0), seed: 7);

        Assert.Null(withInterval.SpearmanLower);
        Assert.Null(withInterval.SpearmanUpper);
        Assert.Equal(2, withInterval.Resamples);
        Assert.Equal(0, withInterval.DefinedResamples);
        Assert.Equal(0.95, withInterval.ConfidenceLevel);
        Assert.Equal(7UL, withInterval.Seed);
    }

    [Fact]
    public void RejectsUndefinedInput()
    {
        Assert.Throws<ArgumentException>(() => ProxyCorrelation.Measure("p", "t", new[] { 1.0, 2 }, new[] { 1.0, 2 }, 10));
        Assert.Throws<ArgumentException>(() => ProxyCorrelation.Measure("p", "t", new[] { 1.0, 1, 1 }, new[] { 1.0, 2, 3 }, 10));
        Assert.Throws<ArgumentException>(() => ProxyCorrelation.Measure("p", "t", new[] { 1.0, 2, double.NaN }, new[] { 1.0, 2, 3 }, 10));
    }
}

using System;
using System.Collections.Generic;
using Canopy.Plotting;
using OxyPlot.Series;
using Xunit;

namespace Canopy.Tests.Plotting;

public class PlotRecordCollectorTests
{
    private static PropertyReader Reader(Dictionary<string, object?> record) =>
        (string name, out object? value) => record.TryGetValue(name, out value);

    [Fact]
    public void CountsRecordsLeftOutByReason()
    {
        var collector = new PlotRecordCollector(PlotKind.Correlation, new PlotColumns("x", "y", null, false, null));
        collector.Add(Reader(new() { ["x"] = "1", ["y"] = 2.0 }));
        collector.Add(Reader(new() { ["x"] = "2", ["y"] = "" }));
        collector.Add(Reader(new() { ["x"] = "abc", ["y"] = 3 }));
        collector.Add(Reader(new() { ["y"] = 3 }));
        collector.Add(Reader(new() { ["x"] = 5, ["y"] = 6 }));

        Assert.Equal(5, collector.RecordCount);
        Assert.Equal(2, collector.PointCount);
        Assert.Equal(
            "Left out 3 of 5 records: 'x' was missing in 1 record and empty or not a finite number in 1 record; 'y' was empty or not a finite number in 1 record. " +
            "The first of them: record 2 ('y' is empty or not a finite number), record 3 ('x' is empty or not a finite number), " +
            "record 4 ('x' is missing), counting from 1 in input order.",
            collector.DescribeLeftOut());
        Assert.Null(collector.FindPropertyMissingEverywhere());
    }

    [Fact]
    public void NamesEveryProblemOfOneRecordLeftOut()
    {
        var collector = new PlotRecordCollector(PlotKind.Correlation, new PlotColumns("x", "y", null, false, null));
        collector.Add(Reader(new() { ["x"] = 1, ["y"] = 1 }));
        collector.Add(Reader(new() { ["x"] = double.NaN }));

        Assert.Equal(
            "Left out 1 of 2 records: 'x' was empty or not a finite number in 1 record; 'y' was missing in 1 record. " +
            "It is record 2 ('x' is empty or not a finite number, 'y' is missing), counting from 1 in input order.",
            collector.DescribeLeftOut());
    }

    [Fact]
    public void ReportsPropertyThatNoRecordHas()
    {
        var collector = new PlotRecordCollector(PlotKind.Correlation, new PlotColumns("TropicalScore", "y", null, false, null));
        collector.Add(Reader(new() { ["y"] = 1 }));
        collector.Add(Reader(new() { ["y"] = 2 }));

        Assert.Equal("TropicalScore", collector.FindPropertyMissingEverywhere());
    }

    [Fact]
    public void EveryRecordUsedGivesNoWarning()
    {
        var collector = new PlotRecordCollector(PlotKind.Correlation, new PlotColumns("x", "y", null, false, null));
        collector.Add(Reader(new() { ["x"] = 1, ["y"] = 1 }));

        Assert.Null(collector.DescribeLeftOut());
    }

    [Fact]
    public void TrajectoryWithoutStrategyFormsOneGroup()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = 2.0, ["Seed"] = 1 }));
        collector.Add(Reader(new() { ["Step"] = 2, ["BestScore"] = 3.0, ["Seed"] = 1 }));

        PlotResult result = collector.CreatePlot(null, TrajectoryBand.MinMax);

        Assert.Null(collector.FindPropertyMissingEverywhere());
        Assert.Contains(result.Model.Series, series => series is LineSeries line && line.Title == "All runs (1 seed)");
        Assert.Equal("Search progress: BestScore by Step", result.Model.Title);
    }

    [Fact]
    public void ModesNeedsTheGroupProperty()
    {
        var collector = new PlotRecordCollector(PlotKind.Modes, new PlotColumns("Target", "Spearman", "Proxy", true, null));
        collector.Add(Reader(new() { ["Target"] = "cifar10", ["Spearman"] = 0.5 }));

        Assert.Equal("Proxy", collector.FindPropertyMissingEverywhere());
    }

    [Fact]
    public void UndefinedCoefficientsRaiseWarning()
    {
        var collector = new PlotRecordCollector(PlotKind.Correlation, new PlotColumns("x", "y", null, false, null));
        foreach (int x in new[] { 1, 2, 3 })
        {
            collector.Add(Reader(new() { ["x"] = x, ["y"] = 7 }));
        }

        PlotResult result = collector.CreatePlot("Constant", TrajectoryBand.MinMax);

        Assert.Single(result.Warnings);
        Assert.Equal("3 points, Spearman ρ = undefined, Kendall τ-b = undefined.", result.Summary);
        Assert.Equal("Constant", result.Model.Title);
    }
}

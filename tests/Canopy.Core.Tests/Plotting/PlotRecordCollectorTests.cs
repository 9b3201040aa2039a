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
    public void LeavesOutMissingValues()
    {
        var collector = new PlotRecordCollector(PlotKind.Correlation, new PlotColumns("x", "y", null, false, null)) { MissingValues = new HashSet<double> { -1e8 } };
        collector.Add(Reader(new() { ["x"] = "-1e8", ["y"] = 90.0 }));
        collector.Add(Reader(new() { ["x"] = 1.0, ["y"] = 91.0 }));
        collector.Add(Reader(new() { ["x"] = 2.0, ["y"] = 92.0 }));

        Assert.Equal(2, collector.PointCount);
        Assert.Equal(
            "Left out 1 of 3 records: 'x' was a missing value in 1 record. It is record 1 ('x' is the missing value -100000000), counting from 1 in input order.",
            collector.DescribeLeftOut());
    }

    [Fact]
    public void NamesARegionCountBeyondTheDoubleRange()
    {
        var collector = new PlotRecordCollector(PlotKind.Correlation, new PlotColumns("x", "y", null, false, null));
        collector.Add(Reader(new() { ["x"] = System.Numerics.BigInteger.Pow(10, 400), ["y"] = 1.0 }));
        collector.Add(Reader(new() { ["x"] = 2.0, ["y"] = 2.0 }));

        Assert.Contains("record 1 ('x' is a whole number beyond the double range)", collector.DescribeLeftOut(), StringComparison.Ordinal);
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
    public void NoAcceptedStepExplainsEmptyBest()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        for (int step = 1; step <= 3; step++)
        {
            collector.Add(Reader(new() { ["Step"] = step, ["BestScore"] = null, ["Seed"] = 0UL, ["Accepted"] = false, ["Status"] = "ParameterLimitExceeded" }));
            collector.Add(Reader(new() { ["Step"] = step, ["BestScore"] = null, ["Seed"] = 1UL, ["Accepted"] = "False", ["Status"] = step == 3 ? "FlopLimitExceeded" : "ParameterLimitExceeded" }));
        }

        Assert.Equal(
            "No search run accepted an architecture: all 6 steps of seeds 0 and 1 were rejected (1 FlopLimitExceeded, 5 ParameterLimitExceeded), " +
            "so there is no best-so-far BestScore to plot. Run Invoke-CanopySearch again with a higher -MaxParameters or -MaxFlops, or a larger -Budget.",
            collector.DescribeNoAcceptedArchitecture());
    }

    [Theory]
    [InlineData("ParameterLimitExceeded", "ParameterLimitExceeded", "a higher -MaxParameters, or a larger -Budget.")]
    [InlineData("FlopLimitExceeded", "FlopLimitExceeded", "a higher -MaxFlops, or a larger -Budget.")]
    [InlineData("FlopLimitExceeded", "ScoringFailed", "a higher -MaxFlops, or a larger -Budget.")]
    [InlineData("ScoringFailed", "ScoringFailed", "a higher -MaxParameters or -MaxFlops, or a larger -Budget.")]
    public void NoAcceptedStepNamesExceededLimit(string firstStatus, string secondStatus, string expectedEnd)
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = null, ["Seed"] = 0, ["Accepted"] = false, ["Status"] = firstStatus }));
        collector.Add(Reader(new() { ["Step"] = 2, ["BestScore"] = null, ["Seed"] = 0, ["Accepted"] = false, ["Status"] = secondStatus }));

        Assert.EndsWith("Run Invoke-CanopySearch again with " + expectedEnd, collector.DescribeNoAcceptedArchitecture());
    }

    [Fact]
    public void MergedRunsNameTheSettingThatDiffers()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        foreach (string objective in new[] { "TropicalScore", "ParameterCount" })
        {
            for (int step = 1; step <= 2; step++)
            {
                collector.Add(Reader(new() { ["Step"] = step, ["BestScore"] = 1.0, ["Seed"] = 0, ["Strategy"] = "Random", ["Objective"] = objective, ["Mode"] = "Generic" }));
            }
        }

        Assert.Equal(
            "2 records repeat the 'Step' of another record with the same group and 'Seed', so separate runs are drawn as one line. " +
            "Objective differs between them: give -GroupBy Objective.",
            collector.DescribeMergedRuns());
    }

    [Fact]
    public void MergedRunsSuggestCombinedProperty()
    {
        // Strategy groups by default, so the two strategies stay apart, but the two modes of each strategy merge.
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", true, "Seed"));
        foreach (string mode in new[] { "Generic", "BottleneckBound" })
        {
            foreach (string objective in new[] { "TropicalScore", "Flops" })
            {
                collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = 1.0, ["Seed"] = 0, ["Strategy"] = "Random", ["Objective"] = objective, ["Mode"] = mode }));
            }
        }

        string? message = collector.DescribeMergedRuns();

        Assert.NotNull(message);
        Assert.StartsWith("3 records repeat the 'Step' of another record with the same 'Strategy' and 'Seed'", message);
        Assert.EndsWith(
            "Objective and Mode differ between them, and -GroupBy takes one property, so add one that combines them, for example " +
            "Select-Object *, @{ Name = 'Run'; Expression = { \"$($_.Objective) $($_.Mode)\" } }, and give -GroupBy Run.",
            message);
    }

    [Fact]
    public void VaryingGroupCombinedWithOthers()
    {
        // Grouping by Strategy keeps the strategies apart but merges the modes, and grouping by Mode alone would merge
        // the strategies, so both are named.
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        foreach (string strategy in new[] { "Random", "RegularizedEvolution" })
        {
            foreach (string mode in new[] { "Generic", "BottleneckBound" })
            {
                collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = 1.0, ["Seed"] = 0, ["Strategy"] = strategy, ["Mode"] = mode }));
            }
        }

        Assert.EndsWith(
            "Strategy and Mode differ between them, and -GroupBy takes one property, so add one that combines them, for example " +
            "Select-Object *, @{ Name = 'Run'; Expression = { \"$($_.Strategy) $($_.Mode)\" } }, and give -GroupBy Run.",
            collector.DescribeMergedRuns());
    }

    [Fact]
    public void RepeatedRunNamesNoSetting()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        for (int copy = 0; copy < 2; copy++)
        {
            collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = 1.0, ["Seed"] = 0, ["Mode"] = "Generic" }));
        }

        Assert.EndsWith("No search setting differs between them, so they may be one run given twice; otherwise add a property that tells the runs apart and name it with -GroupBy.", collector.DescribeMergedRuns());
    }

    [Fact]
    public void SeedWithoutAcceptanceNamedInLeftOut()
    {
        // Seed 0 rejects step 1 and accepts steps 2 and 3; seed 1 accepts nothing.
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        for (int step = 1; step <= 3; step++)
        {
            collector.Add(Reader(new() { ["Step"] = step, ["BestScore"] = step == 1 ? null : 5.0, ["Seed"] = 0, ["Accepted"] = step > 1 }));
            collector.Add(Reader(new() { ["Step"] = step, ["BestScore"] = null, ["Seed"] = 1, ["Accepted"] = false }));
        }

        string? leftOut = collector.DescribeLeftOut();

        Assert.Null(collector.DescribeNoAcceptedArchitecture());
        Assert.NotNull(leftOut);
        Assert.StartsWith("Left out 4 of 6 records: 'BestScore' was empty or not a finite number in 4 records.", leftOut);
        Assert.EndsWith(
            "A search run has no best-so-far BestScore before its first accepted architecture, and seed 1 accepted none.",
            leftOut);
    }

    [Fact]
    public void LateFirstAcceptanceExplainedInLeftOut()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = null, ["Seed"] = 0, ["Accepted"] = false }));
        collector.Add(Reader(new() { ["Step"] = 2, ["BestScore"] = 5.0, ["Seed"] = 0, ["Accepted"] = true }));
        collector.Add(Reader(new() { ["Step"] = 3, ["BestScore"] = 6.0, ["Seed"] = 0, ["Accepted"] = true }));

        Assert.EndsWith(
            "A search run has no best-so-far BestScore before its first accepted architecture.",
            collector.DescribeLeftOut());
    }

    [Fact]
    public void MissingBestTargetNamesTheBenchmark()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestTarget", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestTarget"] = null, ["Seed"] = 0, ["Accepted"] = true }));
        collector.Add(Reader(new() { ["Step"] = 2, ["BestTarget"] = 91.5, ["Seed"] = 0, ["Accepted"] = true }));
        collector.Add(Reader(new() { ["Step"] = 3, ["BestTarget"] = 92.0, ["Seed"] = 0, ["Accepted"] = true }));

        Assert.EndsWith(
            "A search run has no best-so-far BestTarget before its first accepted architecture, or while the benchmark holds no number for the best architecture.",
            collector.DescribeLeftOut());
    }

    [Fact]
    public void MissingBestTargetNamedInAnyCase()
    {
        // -Y besttarget names the same property, as PowerShell names ignore case.
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "besttarget", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["besttarget"] = null, ["Seed"] = 0, ["Accepted"] = true }));
        collector.Add(Reader(new() { ["Step"] = 2, ["besttarget"] = 91.5, ["Seed"] = 0, ["Accepted"] = true }));

        Assert.EndsWith("or while the benchmark holds no number for the best architecture.", collector.DescribeLeftOut());
    }

    [Fact]
    public void OneRejectedStepWordedSingular()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestTarget", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestTarget"] = "", ["Seed"] = 7, ["Accepted"] = false }));

        Assert.Equal(
            "No search run accepted an architecture: the only step of seed 7 was rejected, so there is no best-so-far BestTarget to plot. " +
            "Run Invoke-CanopySearch again with a higher -MaxParameters or -MaxFlops, or a larger -Budget.",
            collector.DescribeNoAcceptedArchitecture());
    }

    [Fact]
    public void ManySeedsListedUpToFive()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        for (int seed = 0; seed < 8; seed++)
        {
            collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = null, ["Seed"] = seed, ["Accepted"] = false }));
        }

        Assert.StartsWith(
            "No search run accepted an architecture: all 8 steps of seeds 0, 1, 2, 3, 4 and 3 more were rejected, so",
            collector.DescribeNoAcceptedArchitecture(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedStepGivesNoExplanation()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = null, ["Seed"] = 0, ["Accepted"] = false }));
        collector.Add(Reader(new() { ["Step"] = 2, ["BestScore"] = 4.5, ["Seed"] = 0, ["Accepted"] = true }));

        Assert.Null(collector.DescribeNoAcceptedArchitecture());
        Assert.NotNull(collector.DescribeLeftOut());
    }

    [Fact]
    public void RecordsWithoutAcceptedGiveNoExplanation()
    {
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = null, ["Seed"] = 0 }));
        var scoreCollector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "Score", "Strategy", false, "Seed"));
        scoreCollector.Add(Reader(new() { ["Step"] = 1, ["Score"] = null, ["Seed"] = 0, ["Accepted"] = false }));

        Assert.Null(collector.DescribeNoAcceptedArchitecture());
        Assert.Null(scoreCollector.DescribeNoAcceptedArchitecture());
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
    public void NumberedStrategyOfOldJsonNamesLine()
    {
        // ConvertTo-Json writes an enum value as the member's number, so Strategy, Objective and Status may hold numbers.
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Strategy", false, "Seed"));
        foreach (long strategy in new[] { 0L, 1L })
        {
            collector.Add(Reader(new() { ["Step"] = 1L, ["BestScore"] = 2.0, ["Seed"] = 1L, ["Strategy"] = strategy, ["Objective"] = 0L, ["Architecture"] = "a", ["Accepted"] = true, ["Status"] = 0L }));
            collector.Add(Reader(new() { ["Step"] = 2L, ["BestScore"] = 3.0, ["Seed"] = 1L, ["Strategy"] = strategy.ToString(), ["Objective"] = "0", ["Architecture"] = "b", ["Accepted"] = true, ["Status"] = "0" }));
        }

        PlotResult result = collector.CreatePlot(null, TrajectoryBand.MinMax);

        Assert.Contains(result.Model.Series, series => series is LineSeries line && line.Title == "RegularizedEvolution (1 seed)");
        Assert.Contains(result.Model.Series, series => series is LineSeries line && line.Title == "Random (1 seed)");
        Assert.DoesNotContain(result.Model.Series, series => series.Title is "0 (1 seed)" or "1 (1 seed)");
        Assert.Null(collector.DescribeMergedRuns());
    }

    [Fact]
    public void NumberedModeOfOtherDataKept()
    {
        // Records without an Architecture property are not Canopy's, so their Mode column keeps its numbers.
        var collector = new PlotRecordCollector(PlotKind.Trajectory, new PlotColumns("Step", "BestScore", "Mode", true, "Seed"));
        collector.Add(Reader(new() { ["Step"] = 1, ["BestScore"] = 2.0, ["Seed"] = 1, ["Mode"] = 1L }));
        collector.Add(Reader(new() { ["Step"] = 2, ["BestScore"] = 3.0, ["Seed"] = 1, ["Mode"] = 1L }));

        PlotResult result = collector.CreatePlot(null, TrajectoryBand.MinMax);

        Assert.Contains(result.Model.Series, series => series is LineSeries line && line.Title == "1 (1 seed)");
        Assert.Equal("1 line (1: 1 seed, 2 x values).", result.Summary);
    }

    [Fact]
    public void ModesSummaryCountsOneCategory()
    {
        var collector = new PlotRecordCollector(PlotKind.Modes, new PlotColumns("Target", "Spearman", "Proxy", true, null));
        collector.Add(Reader(new() { ["Target"] = "t", ["Spearman"] = 0.5, ["Proxy"] = "a" }));
        collector.Add(Reader(new() { ["Target"] = "t", ["Spearman"] = 0.7, ["Proxy"] = "b" }));

        PlotResult result = collector.CreatePlot(null, TrajectoryBand.MinMax);

        Assert.Equal("2 bar series over 1 category (t).", result.Summary);
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

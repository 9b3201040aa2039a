using System;
using Canopy.Plotting;
using Xunit;

namespace Canopy.Tests.Plotting;

public class AxisTitlesTests
{
    [Theory]
    [InlineData("TropicalScore", "Tropical score (log10 regions)")]
    [InlineData("tropicalscore", "Tropical score (log10 regions)")]
    [InlineData("Step", "Evaluations")]
    [InlineData("Spearman", "Spearman ρ")]
    [InlineData("Kendall", "Kendall τ-b")]
    [InlineData("CIFAR10TestAccuracy200Epochs", "CIFAR-10 test accuracy (%)")]
    public void KnownPropertiesGetTitleWithUnit(string property, string expected)
    {
        Assert.Equal(expected, AxisTitles.For(property, new double[] { 0.5 }));
    }

    [Fact]
    public void AccuracyAboveOneIsPercent()
    {
        Assert.Equal("val_acc (%)", AxisTitles.For("val_acc", new double[] { 10, 91.57 }));
        Assert.Equal("Target of the best architecture (%)", AxisTitles.For("BestTarget", new double[] { 94.37 }));
    }

    [Theory]
    [InlineData("Val Acc (%)", "Val Acc (%)")]
    [InlineData("accuracy_percent", "accuracy_percent")]
    [InlineData("acc_pct", "acc_pct")]
    [InlineData("AccPct", "AccPct")]
    [InlineData("pct acc", "pct acc")]
    [InlineData("acc_sepct", "acc_sepct (%)")]
    public void NameWithPercentGetsNoSecondUnit(string property, string expected)
    {
        Assert.Equal(expected, AxisTitles.For(property, new double[] { 10, 91.57 }));
    }

    [Fact]
    public void BestTargetPercentNameKeepsOneUnit()
    {
        string title = AxisTitles.ForTrajectory("BestTarget", Array.Empty<string>(), new[] { "Val Acc (%)" }, new[] { 91.2 });

        Assert.Equal("Val Acc (%) of the best architecture", title);
    }

    [Theory]
    [InlineData("TropicalScore", "Best tropical score (log10 regions)")]
    [InlineData("ParameterCount", "Parameters of the best architecture")]
    [InlineData("Flops", "FLOPs of the best architecture (multiply-accumulates)")]
    public void BestScoreTitleFollowsObjective(string objective, string expected)
    {
        Assert.Equal(expected, AxisTitles.ForTrajectory("BestScore", new[] { objective }, Array.Empty<string>(), new double[] { 1.2e6 }));
    }

    [Fact]
    public void MixedObjectivesAreNamed()
    {
        string title = AxisTitles.ForTrajectory("BestScore", new[] { "ParameterCount", "TropicalScore" }, Array.Empty<string>(), new double[] { 1 });

        Assert.Equal("Objective of the best architecture (ParameterCount, TropicalScore)", title);
    }

    [Theory]
    [InlineData("CIFAR10TestAccuracy200Epochs", 94.37, "CIFAR-10 test accuracy of the best architecture (%)")]
    [InlineData("val_acc", 91.2, "val_acc of the best architecture (%)")]
    [InlineData("val_loss", 0.3, "val_loss of the best architecture")]
    public void BestTargetTitleNamesColumn(string column, double value, string expected)
    {
        Assert.Equal(expected, AxisTitles.ForTrajectory("BestTarget", Array.Empty<string>(), new[] { column }, new[] { value }));
    }

    [Fact]
    public void BestTargetWithoutColumnIsGeneric()
    {
        string title = AxisTitles.ForTrajectory("BestTarget", Array.Empty<string>(), Array.Empty<string>(), new[] { 94.37 });

        Assert.Equal("Target of the best architecture (%)", title);
    }

    [Fact]
    public void AccuracyAsFractionHasNoUnit()
    {
        Assert.Equal("val_acc", AxisTitles.For("val_acc", new double[] { 0.1, 0.9157 }));
        Assert.Equal("top1_acc", AxisTitles.For("top1_acc", new double[] { 50, 120 }));
    }

    [Fact]
    public void LabelLeavesOutTheUnit()
    {
        Assert.Equal("CIFAR-100 test accuracy", AxisTitles.LabelFor("CIFAR100TestAccuracy200Epochs"));
        Assert.Equal("Tropical score", AxisTitles.LabelFor("TropicalScore"));
        Assert.Equal("cifar10", AxisTitles.LabelFor("cifar10"));
    }

    [Fact]
    public void UnknownPropertyKeepsItsName()
    {
        Assert.Equal("synflow", AxisTitles.For("synflow", new double[] { 50 }));
    }
}

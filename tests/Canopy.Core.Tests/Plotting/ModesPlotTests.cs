using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Canopy.Plotting;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Xunit;

namespace Canopy.Tests.Plotting;

public class ModesPlotTests
{
    private static readonly PlotText Text = new("Rank correlation per proxy", "Target", "Spearman ρ");

    private static readonly ModeBar[] Bars =
    {
        new("cifar10", "Generic", 0.61), new("cifar10", "TropicalBound", 0.42), new("cifar10", "ParameterCount", 0.75),
        new("ImageNet16-120", "Generic", 0.58), new("ImageNet16-120", "TropicalBound", -0.14),
    };

    // Three targets, the widest 28 characters long, with five proxies each.
    private static ModeBar[] LongTargetBars()
    {
        string[] targets = { "CIFAR10TestAccuracy200Epochs", "CIFAR100TestAccuracy200Epochs", "a-target-name-of-28-letters." };
        string[] proxies = { "p1", "p2", "p3", "p4", "p5" };
        return targets.SelectMany(target => proxies.Select(proxy => new ModeBar(target, proxy, 0.5))).ToArray();
    }

    [Fact]
    public void BarSeriesPerProxy()
    {
        ModesPlot plot = ModesPlot.Create(Bars, Text);
        List<BarSeries> series = plot.Model.Series.OfType<BarSeries>().ToList();

        Assert.Equal(new[] { "cifar10", "ImageNet16-120" }, plot.Categories);
        Assert.Equal(new[] { "Generic", "TropicalBound", "ParameterCount" }, series.Select(s => s.Title));
        Assert.Equal(new[] { 2, 2, 1 }, series.Select(s => s.Items.Count));
        Assert.Equal(new[] { 0.58 }, series[0].Items.Where(item => item.CategoryIndex == 1).Select(item => item.Value));
        Assert.Equal(0, plot.Duplicates);
    }

    [Fact]
    public void SvgShowsCategoriesLegendAndValueLabels()
    {
        XDocument svg = Svg.Render(ModesPlot.Create(Bars, Text).Model);
        List<string> texts = Svg.Texts(svg);

        foreach (string expected in new[] { "cifar10", "ImageNet16-120", "Generic", "TropicalBound", "ParameterCount", "0.75", "-0.14", "Spearman ρ", "Target" })
        {
            Assert.Contains(expected, texts);
        }
    }

    [Fact]
    public void CorrelationAxisSpansLowestBarToOne()
    {
        Axis axis = ModesPlot.Create(Bars, Text).Model.Axes.Single(candidate => candidate is not CategoryAxis);

        // The lowest bar is -0.14, its label needs 0.12 below it, and -0.26 rounds down to -0.3.
        Assert.Equal(-0.3, axis.Minimum, 12);
        Assert.Equal(1, axis.Maximum, 12);
    }

    [Fact]
    public void KnownTargetsGetReadableLabels()
    {
        var bars = new[]
        {
            new ModeBar("CIFAR10TestAccuracy200Epochs", "Generic", 0.79),
            new ModeBar("ImageNetTestAccuracy200Epochs", "Generic", 0.75),
            new ModeBar("my-own-target", "Generic", 0.5),
        };

        CategoryAxis axis = ModesPlot.Create(bars, Text).Model.Axes.OfType<CategoryAxis>().Single();

        Assert.Equal(new[] { "CIFAR-10 test accuracy", "ImageNet16-120 test accuracy", "my-own-target" }, axis.Labels);
    }

    [Fact]
    public void LongLabelsAndNarrowBarsAreTurned()
    {
        // At 800 px the plot area is about 600 px. The widest label has 28 characters, about 210 px, more than a
        // third of that, and 3 × 5 bars leave about 600 / (3 · 6) = 33 px per bar, too narrow for level labels.
        PlotModel model = ModesPlot.Create(LongTargetBars(), Text).Model;

        Assert.Equal(-25, model.Axes.OfType<CategoryAxis>().Single().Angle);
        Assert.All(model.Series.OfType<BarSeries>(), series => Assert.Equal(-90, series.LabelAngle));
    }

    [Fact]
    public void WideImageKeepsLabelsLevel()
    {
        // At 1,600 px the plot area is about 1,400 px: 467 px per target and 1,400 / 18 = 78 px per bar.
        PlotModel model = ModesPlot.Create(LongTargetBars(), Text, imageWidth: 1600).Model;

        Assert.Equal(0, model.Axes.OfType<CategoryAxis>().Single().Angle);
        Assert.All(model.Series.OfType<BarSeries>(), series => Assert.Equal(0, series.LabelAngle));
    }

    [Fact]
    public void ShortLabelsAndWideBarsStayLevel()
    {
        PlotModel model = ModesPlot.Create(Bars, Text).Model;

        Assert.Equal(0, model.Axes.OfType<CategoryAxis>().Single().Angle);
        Assert.All(model.Series.OfType<BarSeries>(), series => Assert.Equal(0, series.LabelAngle));
    }

    [Fact]
    public void LargeValuesLabelledInAxisNotation()
    {
        string[] targets = { "cifar10", "cifar100", "ImageNet16-120" };
        string[] modes = { "TropicalBound", "Generic", "Exact" };
        ModeBar[] bars = targets
            .SelectMany((target, t) => modes.Select((mode, m) => new ModeBar(target, mode, 25_917_562.2 - (2e6 * t) - (1.5e6 * m))))
            .ToArray();

        ModesPlot plot = ModesPlot.Create(bars, new PlotText("Scores per mode", "Target", "Mean score"));
        List<string> texts = Svg.Texts(Svg.Render(plot.Model));

        // The axis writes 2.5×10^{7} as math text, which OxyPlot draws as "2.5×10" followed by a raised "7".
        Assert.Contains("2.5×10", texts);
        Assert.Contains("2.59×10⁷", texts);
        Assert.Contains("1.89×10⁷", texts);
        Assert.DoesNotContain(texts, text => text.Contains("25917562", StringComparison.Ordinal));
    }

    [Fact]
    public void TurnedLabelsGetRoomAboveBars()
    {
        // Nine bars of about 600 / 12 = 50 px are narrower than a level label such as 2.59×10⁷ with its gaps. Its
        // 44 px and the gaps need a padding of about 0.15 of the range above the tallest bar, not the default 0.1.
        ModeBar[] bars = Enumerable.Range(0, 9).Select(i => new ModeBar($"t{i / 3}", $"p{i % 3}", 2e7 + (1e6 * i))).ToArray();

        PlotModel model = ModesPlot.Create(bars, Text).Model;
        LinearAxis values = model.Axes.OfType<LinearAxis>().Single(axis => axis is not CategoryAxis);

        Assert.All(model.Series.OfType<BarSeries>(), series => Assert.Equal(-90, series.LabelAngle));
        Assert.InRange(values.MaximumPadding, 0.12, 0.3);
    }

    [Fact]
    public void RepeatedPairKeepsTheLastValue()
    {
        var bars = new[] { new ModeBar("c", "p", 0.1), new ModeBar("c", "p", 0.3) };

        ModesPlot plot = ModesPlot.Create(bars, Text);

        Assert.Equal(1, plot.Duplicates);
        Assert.Equal(0.3, plot.Model.Series.OfType<BarSeries>().Single().Items.Single().Value);
    }

    [Fact]
    public void NoBarsAreTooFew()
    {
        Assert.Throws<PlotDataException>(() => ModesPlot.Create(Array.Empty<ModeBar>(), Text));
        Assert.Throws<ArgumentException>(() => ModesPlot.Create(new[] { new ModeBar("c", "p", double.NaN) }, Text));
    }

    [Fact]
    public void BarsBeyondTheDrawableScaleAreRejected()
    {
        var bars = new[] { new ModeBar("a", "p", 1.7e308), new ModeBar("a", "q", -1.7e308) };

        var exception = Assert.Throws<PlotRangeException>(() => ModesPlot.Create(bars, Text));

        Assert.StartsWith("The Spearman ρ values run from -1.7E+308 to 1.7E+308, too large", exception.Message, StringComparison.Ordinal);
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Canopy.Plotting;
using OxyPlot;
using Xunit;

namespace Canopy.Tests.Plotting;

/// <summary>Measures in the rendered SVG how far the title of the left axis stays from the widest tick label.</summary>
public class AxisTitleLayoutTests
{
    // Liberation Sans, which replaces Arial on Linux, reaches 0.212 em below the baseline.
    private const double Descent = 0.212;

    private static readonly Regex Translate = new(@"translate\(([-0-9.]+),([-0-9.]+)\)", RegexOptions.CultureInvariant);

    public static TheoryData<string, double, double> Ranges => new()
    {
        { "seven digits", 1_250_000, 2_200_000 },
        { "negative seven digits", -9_944_000, -9_100_000 },
        { "small", 0.1, 0.9 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void TrajectoryTitleClearsLabels(string name, double low, double high)
    {
        var points = new[]
        {
            new TrajectoryPoint("A", "1", 1, low), new TrajectoryPoint("A", "1", 30, (low + high) / 2),
            new TrajectoryPoint("A", "1", 60, high),
        };
        var text = new PlotText("Search progress", "Evaluations", "Best tropical score (log10 regions)");

        double gap = TitleGap(TrajectoryPlot.Create(points, TrajectoryBand.MinMax, text).Model);

        Assert.True(gap >= PlotStyle.AxisTitleGap - 0.5, $"{name}: the y-axis title is {gap:0.0} px from the tick labels.");
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void CorrelationTitleClearsLabels(string name, double low, double high)
    {
        double[] y = { low, (2 * low + high) / 3, (low + 2 * high) / 3, high };
        var text = new PlotText("Correlation", "Proxy", "Tropical score (log10 regions)");

        double gap = TitleGap(CorrelationPlot.Create(new double[] { 1, 2, 3, 4 }, y, text).Model);

        Assert.True(gap >= PlotStyle.AxisTitleGap - 0.5, $"{name}: the y-axis title is {gap:0.0} px from the tick labels.");
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void ModesTitleClearsLabels(string name, double low, double high)
    {
        var bars = new[] { new ModeBar("cifar10", "Generic", low), new ModeBar("cifar10", "TropicalBound", high) };
        var text = new PlotText("Scores per mode", "Target", "Mean score (log10 regions)");

        double gap = TitleGap(ModesPlot.Create(bars, text).Model);

        Assert.True(gap >= PlotStyle.AxisTitleGap - 0.5, $"{name}: the y-axis title is {gap:0.0} px from the tick labels.");
    }

    // Returns the pixels between the descenders of the turned y-axis title and the left end of the widest y label.
    private static double TitleGap(PlotModel model)
    {
        XDocument svg = Svg.Render(model);
        var measurer = new PixelTextMeasurer(800, 600);
        List<XElement> texts = svg.Descendants(Svg.Namespace + "text").ToList();

        XElement title = texts.Single(text => Transform(text).Contains("rotate(-90)"));
        double titleEdge = X(title) + (Descent * Number(title, "font-size"));

        // The y tick labels are the only texts that end at their anchor without being turned.
        List<XElement> labels = texts
            .Where(text => text.Attribute("text-anchor")?.Value == "end" && !Transform(text).Contains("rotate"))
            .ToList();
        Assert.NotEmpty(labels);
        double labelEdge = labels.Min(label =>
            X(label) - measurer.MeasureText(label.Value, PlotStyle.FontFamily, Number(label, "font-size"), FontWeights.Normal).Width);

        return labelEdge - titleEdge;
    }

    private static string Transform(XElement text) => text.Attribute("transform")?.Value ?? "";

    private static double X(XElement text) =>
        double.Parse(Translate.Match(Transform(text)).Groups[1].Value, CultureInfo.InvariantCulture);

    private static double Number(XElement text, string attribute) =>
        double.Parse(text.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}

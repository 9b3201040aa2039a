using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Canopy.Plotting;
using Xunit;

namespace Canopy.Tests.Plotting;

public class CorrelationPlotTests
{
    private static readonly PlotText Text = new("Proxy against accuracy", "Tropical score (log10 regions)", "Test accuracy (%)");

    [Fact]
    public void TitleShowsHandComputedCoefficients()
    {
        // Ranks of y are 2,1,4,3,5: d = (-1, 1, -1, 1, 0), Σd² = 4, so ρ = 1 − 6·4 / (5·24) = 0.8.
        // Of the 10 pairs only (1,2) and (3,4) are discordant: τ = (8 − 2) / 10 = 0.6.
        double[] x = { 1, 2, 3, 4, 5 };
        double[] y = { 20, 10, 40, 30, 50 };

        CorrelationPlot plot = CorrelationPlot.Create(x, y, Text);
        XDocument svg = Svg.Render(plot.Model);

        Assert.Equal(0.8, plot.Spearman, 12);
        Assert.Equal(0.6, plot.Kendall, 12);
        Assert.Contains("Spearman ρ = 0.800, Kendall τ-b = 0.600, n = 5", Svg.Texts(svg));
        Assert.Contains("Proxy against accuracy", Svg.Texts(svg));
    }

    [Fact]
    public void SvgHasMarkerPerPointAndAxisTitles()
    {
        // The size of the NATS-Bench topology space: every cell is drawn, none is thinned out.
        const int n = 15_625;
        var random = new Random(7);
        double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
        double[] y = x.Select(value => 50 + 4 * value + random.NextDouble() * 20).ToArray();

        XDocument svg = Svg.Render(CorrelationPlot.Create(x, y, Text).Model);

        Assert.Equal(n, Svg.Count(svg, "ellipse"));
        Assert.Contains("Tropical score (log10 regions)", Svg.Texts(svg));
        Assert.Contains("Test accuracy (%)", Svg.Texts(svg));
        Assert.Contains(Svg.Texts(svg), text => text.EndsWith("n = 15,625", StringComparison.Ordinal));
    }

    [Fact]
    public void DenseCloudsUseTranslucentMarkers()
    {
        double[] x = Enumerable.Range(0, 10_000).Select(i => (double)i).ToArray();

        XDocument svg = Svg.Render(CorrelationPlot.Create(x, x, Text).Model);
        string style = svg.Descendants(Svg.Namespace + "ellipse").First().Attribute("style")!.Value;

        double opacity = double.Parse(Regex.Match(style, @"fill-opacity:([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);

        // 10,000 points: 12 / √10,000 = 0.12, clamped up to 0.15 and stored as the byte 38 of 255.
        Assert.Equal(38 / 255.0, opacity, 6);
    }

    [Fact]
    public void ConstantTargetGivesUndefinedCoefficients()
    {
        CorrelationPlot plot = CorrelationPlot.Create(new double[] { 1, 2, 3 }, new double[] { 5, 5, 5 }, Text);

        Assert.True(double.IsNaN(plot.Spearman));
        Assert.Contains("Spearman ρ = undefined, Kendall τ-b = undefined, n = 3", Svg.Texts(Svg.Render(plot.Model)));
    }

    [Fact]
    public void RangeBeyondTheDoubleLimitIsRejected()
    {
        double[] proxy = { 1.7e308, -1.7e308, 1.7e308, -1.7e308 };
        double[] target = { 1, 2, 3, 4 };

        var exception = Assert.Throws<PlotRangeException>(() => CorrelationPlot.Create(proxy, target, Text));

        Assert.Equal("The Tropical score (log10 regions) values run from -1.7E+308 to 1.7E+308, too large for double-precision coordinates to draw to scale. Divide them by a power of ten before plotting.", exception.Message);
    }

    [Theory]
    [InlineData(double.MaxValue, double.MaxValue)]
    [InlineData(1.7e308, 1.7e308)]
    [InlineData(-8e307, 8e307)]
    [InlineData(4.9e-324, 9.9e-324)]
    [InlineData(1e-320, 1e-320)]
    public void ValuesBeyondTheDrawableScaleAreRejected(double low, double high)
    {
        double[] proxy = { low, high, low };
        double[] target = { 1, 2, 3 };

        Assert.Throws<PlotRangeException>(() => CorrelationPlot.Create(proxy, target, Text));
    }

    [Theory]
    [InlineData(7e293, 2.5e307)]
    [InlineData(1.5e308, 1.7e308)]
    [InlineData(1e308, 1e308)]
    [InlineData(1e-305, 3e-305)]
    public void ValuesNearTheEdgesAreDrawn(double low, double high)
    {
        double[] proxy = { low, high, low / 2 + high / 2 };
        double[] target = { 1, 2, 3 };

        XDocument svg = Svg.Render(CorrelationPlot.Create(proxy, target, Text).Model);

        Assert.DoesNotContain("Infinity", svg.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, svg.Descendants().Count(element => element.Name.LocalName == "ellipse"));
    }

    [Fact]
    public void LargeValuesWithinTheLimitAreDrawn()
    {
        double[] proxy = { 1e299, 2e299, 3e299 };
        double[] target = { 1, 2, 3 };

        XDocument svg = Svg.Render(CorrelationPlot.Create(proxy, target, Text).Model);

        Assert.DoesNotContain("Infinity", svg.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", svg.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoPointsAreTooFew()
    {
        var exception = Assert.Throws<PlotDataException>(() => CorrelationPlot.Create(new double[] { 1, 2 }, new double[] { 3, 4 }, Text));

        Assert.Contains("at least 3 points", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteCoordinatesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => CorrelationPlot.Create(new double[] { 1, double.NaN, 3 }, new double[] { 1, 2, 3 }, Text));
        Assert.Throws<ArgumentException>(() => CorrelationPlot.Create(new double[] { 1, 2, 3 }, new double[] { 1, 2, double.PositiveInfinity }, Text));
        Assert.Throws<ArgumentException>(() => CorrelationPlot.Create(new double[] { 1, 2, 3 }, new double[] { 1, 2 }, Text));
    }

    [Fact]
    public void GermanCultureKeepsInvariantNumbers()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            double[] x = { 0.1, 0.2, 0.3, 0.4 };

            XDocument svg = Svg.Render(CorrelationPlot.Create(x, x, Text).Model);

            // The ticks are 0.05 apart, so every label has two decimals.
            Assert.Contains("0.20", Svg.Texts(svg));
            Assert.DoesNotContain(Svg.Texts(svg), text => text.Contains("0,2", StringComparison.Ordinal));
            Assert.Contains("Spearman ρ = 1.000, Kendall τ-b = 1.000, n = 4", Svg.Texts(svg));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}

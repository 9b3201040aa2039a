using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Canopy.Plotting;
using Xunit;

namespace Canopy.Tests.Plotting;

public class AxisNumberFormatTests
{
    [Theory]
    [InlineData(200_000, 100_000, 1_300_000, 100_000, "200,000")]
    [InlineData(1_000_000, 100_000, 1_300_000, 100_000, "1,000,000")]
    [InlineData(1_200_000, 100_000, 1_300_000, 100_000, "1,200,000")]
    [InlineData(9_000_000, 0, 9_900_000, 1_000_000, "9,000,000")]
    [InlineData(85, 80, 90, 2, "85")]
    [InlineData(0.5, 0, 1, 0.5, "0.5")]
    [InlineData(1, 0, 1, 0.5, "1.0")]
    [InlineData(0.75, 0.5, 1, 0.25, "0.75")]
    [InlineData(-0.2, -1, 1, 0.2, "-0.2")]
    [InlineData(0, 0, 0.002, 0.0005, "0.0000")]
    [InlineData(0.0015, 0, 0.002, 0.0005, "0.0015")]
    [InlineData(1e-17, -1, 1, 0.5, "0.0")]
    [InlineData(-0.0, -1, 1, 1, "0")]
    public void PlainUpToTenMillion(double value, double minimum, double maximum, double step, string expected)
    {
        Assert.Equal(expected, AxisNumberFormat.Format(value, minimum, maximum, step));
    }

    [Theory]
    [InlineData(1e8, 1e8, 5e8, 1e8, "1×10^{8}")]
    [InlineData(1.5e8, 1e8, 5e8, 5e7, "1.5×10^{8}")]
    [InlineData(2e8, 1e8, 5e8, 5e7, "2.0×10^{8}")]
    [InlineData(5e6, 0, 3e7, 5e6, "0.5×10^{7}")]
    [InlineData(0, 0, 3e7, 5e6, "0")]
    [InlineData(-2e7, -3e7, 0, 1e7, "-2×10^{7}")]
    [InlineData(2e-4, 0, 6e-4, 2e-4, "2×10^{-4}")]
    public void CommonPowerOfTenOutsidePlainRange(double value, double minimum, double maximum, double step, string expected)
    {
        Assert.Equal(expected, AxisNumberFormat.Format(value, minimum, maximum, step));
    }

    [Theory]
    [InlineData(25_917_562.2, 0, 2.8e7, "2.59×10⁷")]
    [InlineData(15_000_000, 0, 2.8e7, "1.50×10⁷")]
    [InlineData(-2.5e8, -3e8, 0, "-2.50×10⁸")]
    [InlineData(2.5e-5, 0, 3e-5, "2.50×10⁻⁵")]
    [InlineData(1e-9, 0, 2.8e7, "0")]
    [InlineData(0.613, 0, 1, "0.61")]
    [InlineData(-0.14, -0.3, 1, "-0.14")]
    [InlineData(1_812_345.4, 0, 2.2e6, "1,812,345")]
    [InlineData(45.27, 0, 50, "45.3")]
    [InlineData(0.004123, 0, 0.005, "0.00412")]
    [InlineData(0, 0, 0, "0.00")]
    public void ValueLabelFollowsAxisNotation(double value, double minimum, double maximum, string expected)
    {
        Assert.Equal(expected, AxisNumberFormat.FormatValue(value, minimum, maximum));
    }

    [Fact]
    public void AxisLabelsUseOneNotation()
    {
        double[] parameters = Enumerable.Range(0, 21).Select(i => 200_000 + 50_000.0 * i).ToArray();
        double[] flops = Enumerable.Range(0, 21).Select(i => 1e8 + 2e7 * i).ToArray();
        var text = new PlotText("FLOPs against parameters", "Parameters", "FLOPs");

        List<string> labels = Svg.Texts(Svg.Render(CorrelationPlot.Create(parameters, flops, text).Model));

        Assert.Contains("200,000", labels);
        Assert.Contains("1,200,000", labels);
        Assert.DoesNotContain(labels, label => label.Contains("e+", StringComparison.Ordinal));
        Assert.Contains("1×10", labels);
        Assert.Contains("5×10", labels);
        Assert.Contains("8", labels);
    }

    [Fact]
    public void CategoryAxisKeepsCategoryNames()
    {
        var bars = new[] { new ModeBar("cifar10", "TropicalScore", 0.5), new ModeBar("cifar100", "TropicalScore", 0.25) };

        List<string> labels = Svg.Texts(Svg.Render(ModesPlot.Create(bars, new PlotText("Modes", "Target", "Spearman"), 800).Model));

        Assert.Contains("cifar10", labels);
        Assert.Contains("cifar100", labels);
        Assert.Contains("0.0", labels);
        Assert.Contains("1.0", labels);
    }
}

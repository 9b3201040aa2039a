using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Canopy.Plotting;
using Xunit;

namespace Canopy.Tests.Plotting;

public class TrajectoryPlotTests
{
    private static readonly PlotText Text = new("Search progress", "Evaluations", "Best accuracy (%)");

    // Group A: seed 1 has records at 1, 2, 3; seed 2 at 1 and 3; seed 3 starts late, at 2.
    // Group B: one seed with records at 1 and 2.
    private static readonly TrajectoryPoint[] Points =
    {
        new("A", "1", 1, 10), new("A", "1", 2, 12), new("A", "1", 3, 15),
        new("A", "2", 1, 8), new("A", "2", 3, 9),
        new("A", "3", 2, 20),
        new("B", "1", 1, 50), new("B", "1", 2, 60),
    };

    [Fact]
    public void MeanCarriesSeedsForward()
    {
        TrajectorySummary a = TrajectoryPlot.Summarize(Points, TrajectoryBand.MinMax)[0];

        // x = 1: seeds 1 and 2 → (10 + 8) / 2 = 9. Seed 3 has not started yet.
        // x = 2: 12, 8 (seed 2 carried from x = 1) and 20 → 40 / 3.
        // x = 3: 15, 9 and 20 (seed 3 carried from x = 2) → 44 / 3.
        Assert.Equal(new double[] { 1, 2, 3 }, a.X);
        Assert.Equal(new[] { 2, 3, 3 }, a.SeedCounts);
        Assert.Equal(9, a.Mean[0], 12);
        Assert.Equal(40.0 / 3, a.Mean[1], 12);
        Assert.Equal(44.0 / 3, a.Mean[2], 12);
        Assert.Equal(new double[] { 8, 8, 9 }, a.Lower);
        Assert.Equal(new double[] { 10, 20, 20 }, a.Upper);
        Assert.Equal(3, a.SeedCount);
    }

    [Fact]
    public void StandardDeviationBandUsesSampleDeviation()
    {
        TrajectorySummary a = TrajectoryPlot.Summarize(Points, TrajectoryBand.StandardDeviation)[0];

        // x = 1: values 10 and 8, mean 9, squared deviations 1 + 1, s = √(2 / 1).
        Assert.Equal(9 - Math.Sqrt(2), a.Lower[0], 12);
        Assert.Equal(9 + Math.Sqrt(2), a.Upper[0], 12);

        // x = 2: values 12, 8, 20, mean 40/3; independent two-pass sample deviation.
        double[] values = { 12, 8, 20 };
        double mean = values.Average();
        double s = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / 2);
        Assert.Equal(mean + s, a.Upper[1], 12);
    }

    [Fact]
    public void SingleSeedHasNoSpread()
    {
        TrajectorySummary b = TrajectoryPlot.Summarize(Points, TrajectoryBand.StandardDeviation)[1];

        Assert.Equal("B", b.Group);
        Assert.Equal(b.Mean, b.Lower);
        Assert.Equal(b.Mean, b.Upper);
    }

    [Fact]
    public void RepeatedStepKeepsLastValue()
    {
        var points = new[] { new TrajectoryPoint("A", "1", 1, 5), new TrajectoryPoint("A", "1", 1, 7), new TrajectoryPoint("A", "1", 2, 9) };

        TrajectorySummary a = TrajectoryPlot.Summarize(points, TrajectoryBand.MinMax)[0];

        Assert.Equal(new double[] { 7, 9 }, a.Mean);
    }

    [Fact]
    public void SvgHasLineAndBandPerGroup()
    {
        TrajectoryPlot plot = TrajectoryPlot.Create(Points, TrajectoryBand.MinMax, Text);
        XDocument svg = Svg.Render(plot.Model);
        List<string> texts = Svg.Texts(svg);

        // Mean lines are the only polylines drawn 2.5 pixels wide: one per group in the plot, one per legend entry.
        int meanLines = svg.Descendants(Svg.Namespace + "polyline")
            .Count(line => line.Attribute("style")?.Value.Contains("stroke-width:2.5", StringComparison.Ordinal) == true);
        Assert.Equal(2 * 2, meanLines);
        Assert.Equal(2, plot.Model.Series.Count(series => series is OxyPlot.Series.AreaSeries));
        Assert.Contains("A (3 seeds)", texts);
        Assert.Contains("B (1 seed)", texts);
        Assert.Contains("Lines: mean over seeds. Bands: min–max over seeds.", texts);
        Assert.Contains("Evaluations", texts);
        Assert.Contains("Best accuracy (%)", texts);
    }

    [Fact]
    public void LegendNamesTheStandardDeviationBand()
    {
        XDocument svg = Svg.Render(TrajectoryPlot.Create(Points, TrajectoryBand.StandardDeviation, Text).Model);

        Assert.Contains("Lines: mean over seeds. Bands: ±1 standard deviation.", Svg.Texts(svg));
    }

    [Fact]
    public void OneDistinctStepIsTooFew()
    {
        var points = new[] { new TrajectoryPoint("A", "1", 5, 1), new TrajectoryPoint("A", "2", 5, 2) };

        var exception = Assert.Throws<PlotDataException>(() => TrajectoryPlot.Create(points, TrajectoryBand.MinMax, Text));

        Assert.Equal("A trajectory plot needs records with usable x and y values at two or more distinct x values, but the 2 usable records have 1.", exception.Message);
    }

    [Fact]
    public void ValuesBeyondTheDrawableScaleAreRejected()
    {
        var points = new[]
        {
            new TrajectoryPoint("A", "1", 1, 1.5e308), new TrajectoryPoint("A", "2", 1, 1.5e308),
            new TrajectoryPoint("A", "1", 2, 1.5e308), new TrajectoryPoint("A", "2", 2, 1.5e308),
        };

        var exception = Assert.Throws<PlotRangeException>(() => TrajectoryPlot.Create(points, TrajectoryBand.MinMax, Text));

        Assert.Equal("The Best accuracy (%) values run from 1.5E+308 to 1.5E+308, too large for double-precision coordinates to draw to scale. Divide them by a power of ten before plotting.", exception.Message);
    }

    [Fact]
    public void StandardDeviationOfLargeValuesStaysFinite()
    {
        // Squared deviations of 1e200 overflow a double; the band is 1e200 · √2 either side of the mean of 0.
        var points = new[]
        {
            new TrajectoryPoint("A", "1", 1, 1e200), new TrajectoryPoint("A", "2", 1, -1e200),
            new TrajectoryPoint("A", "1", 2, 1e200), new TrajectoryPoint("A", "2", 2, -1e200),
        };

        TrajectorySummary summary = TrajectoryPlot.Create(points, TrajectoryBand.StandardDeviation, Text).Summaries.Single();

        Assert.Equal(0, summary.Mean[0]);
        Assert.Equal(1e200 * Math.Sqrt(2), summary.Upper[0], 1e188);
        Assert.Equal(-1e200 * Math.Sqrt(2), summary.Lower[1], 1e188);
    }

    [Fact]
    public void NoUsableRecordIsNamed()
    {
        var exception = Assert.Throws<PlotDataException>(() => TrajectoryPlot.Create(Array.Empty<TrajectoryPoint>(), TrajectoryBand.MinMax, Text));

        Assert.EndsWith("but no record has usable x and y values.", exception.Message, StringComparison.Ordinal);
    }
}

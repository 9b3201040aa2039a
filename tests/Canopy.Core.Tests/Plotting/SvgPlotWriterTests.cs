using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Canopy.Plotting;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Xunit;

namespace Canopy.Tests.Plotting;

public sealed class SvgPlotWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("canopy-plot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static PlotModel ValidModel() =>
        CorrelationPlot.Create(new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 }, new PlotText("t", "x", "y")).Model;

    // A bar series needs a category axis; without one OxyPlot fails while laying out the plot.
    private static PlotModel BrokenModel()
    {
        var model = new PlotModel();
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left });
        model.Series.Add(new BarSeries { Items = { new BarItem(1) } });
        return model;
    }

    [Fact]
    public void WritesSvgOfRequestedSize()
    {
        string path = Path.Combine(_folder, "plot.svg");

        FileInfo file = SvgPlotWriter.WriteFile(ValidModel(), path, 640, 480);
        XDocument svg;
        using (FileStream stream = File.OpenRead(path))
        {
            svg = Svg.Parse(stream);
        }

        Assert.Equal(path, file.FullName);
        Assert.Equal("640", svg.Root!.Attribute("width")!.Value);
        Assert.Equal("480", svg.Root.Attribute("height")!.Value);
        Assert.Equal(new[] { "plot.svg" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("A short title")]
    [InlineData("A plot title long enough that it has to shrink to fit into the room of a small plot")]
    public void WritesNoByteOrderMark(string title)
    {
        string path = Path.Combine(_folder, "plain.svg");
        PlotModel model = CorrelationPlot.Create(new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 }, new PlotText(title, "x", "y")).Model;

        SvgPlotWriter.WriteFile(model, path, 300, 200);
        byte[] bytes = File.ReadAllBytes(path);

        Assert.Equal("<?xml", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
    }

    [Fact]
    public void ShrinksTitlesLongerThanTheirRoom()
    {
        string title = string.Concat(Enumerable.Repeat("A long plot title ", 3));
        string yTitle = string.Concat(Enumerable.Repeat("accuracy ", 3));
        PlotModel model = CorrelationPlot.Create(new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 }, new PlotText(title, "x", yTitle)).Model;
        var measurer = new PixelTextMeasurer(400, 300);

        XDocument svg = Svg.Render(model, 400, 300);

        double titleSize = FontSize(svg, title.Trim());
        double ySize = FontSize(svg, yTitle.Trim());
        Assert.InRange(titleSize, PlotTextFit.MinimumFontSize, PlotStyle.TitleSize - 1);
        Assert.InRange(ySize, PlotTextFit.MinimumFontSize, PlotStyle.TextSize - 1);
        Assert.True(measurer.MeasureText(title.Trim(), PlotStyle.FontFamily, titleSize, FontWeights.Bold).Width <= 400);
        Assert.Equal(PlotStyle.TextSize, FontSize(svg, "x"));

        // The y title runs along the plot area's height, not its width.
        Assert.True(measurer.MeasureText(yTitle.Trim(), PlotStyle.FontFamily, ySize, FontWeights.Normal).Width <= model.PlotArea.Height);
    }

    [Fact]
    public void ShortensTitleThatNeverFits()
    {
        string yTitle = string.Concat(Enumerable.Repeat("accuracy ", 12)).Trim();
        PlotModel model = CorrelationPlot.Create(new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 }, new PlotText("t", "x", yTitle)).Model;
        var measurer = new PixelTextMeasurer(400, 300);

        XDocument svg = Svg.Render(model, 400, 300);

        XElement shortened = svg.Descendants(Svg.Namespace + "text").Single(element => element.Value.StartsWith("accuracy accuracy", StringComparison.Ordinal));
        Assert.EndsWith("...", shortened.Value, StringComparison.Ordinal);
        Assert.True(shortened.Value.Length < yTitle.Length);
        Assert.Equal(PlotTextFit.MinimumFontSize, FontSize(svg, shortened.Value));
        Assert.True(measurer.MeasureText(shortened.Value, PlotStyle.FontFamily, PlotTextFit.MinimumFontSize, FontWeights.Normal).Width <= model.PlotArea.Height);
    }

    [Fact]
    public void ShortensLegendEntriesWiderThanTheImage()
    {
        string longGroup = "Strategy named RegularizedEvolution with an extraordinarily long suffix text";
        TrajectoryPoint[] points = { new(longGroup, "1", 1, 10), new(longGroup, "1", 2, 12), new("Random", "1", 1, 9), new("Random", "1", 2, 11) };
        PlotModel model = TrajectoryPlot.Create(points, TrajectoryBand.MinMax, new PlotText("t", "x", "y")).Model;
        var measurer = new PixelTextMeasurer(640, 480);

        XDocument svg = Svg.Render(model, 640, 480);

        XElement entry = svg.Descendants(Svg.Namespace + "text").Single(element => element.Value.StartsWith("Strategy named", StringComparison.Ordinal));
        Assert.EndsWith("...", entry.Value, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg.Namespace + "text"), element => element.Value == "Random (1 seed)");

        // The entry ends inside the legend box, which ends inside the image.
        double left = double.Parse(entry.Attribute("transform")!.Value.Split('(', ',')[1], System.Globalization.CultureInfo.InvariantCulture);
        double width = measurer.MeasureText(entry.Value, PlotStyle.FontFamily, PlotStyle.TextSize, FontWeights.Normal).Width;
        Assert.True(left + width <= model.Legends[0].LegendArea.Right);
        Assert.True(model.Legends[0].LegendArea.Right <= 640);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("params")]
    [InlineData("TropicalScore")]
    public void KeepsTheOnlyLegendEntryWhole(string proxy)
    {
        // OxyPlot sizes the legend box to the entry, so the entry fits up to the last bits of its sum of widths.
        PlotModel model = ModesPlot.Create(new[] { new ModeBar("t", proxy, 0.5) }, new PlotText("Modes", "Target", "Spearman")).Model;

        XDocument svg = Svg.Render(model, 800, 600);

        Assert.Contains(svg.Descendants(Svg.Namespace + "text"), element => element.Value == proxy);
    }

    private static double FontSize(XDocument svg, string text) =>
        double.Parse(svg.Descendants(Svg.Namespace + "text").First(element => element.Value.Trim() == text).Attribute("font-size")!.Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void OverwritesExistingFile()
    {
        string path = Path.Combine(_folder, "plot.svg");
        File.WriteAllText(path, "old content that is longer than nothing");

        SvgPlotWriter.WriteFile(ValidModel(), path, 800, 600);

        Assert.StartsWith("<?xml", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderFailureLeavesOldFileAndNoTemporary()
    {
        string path = Path.Combine(_folder, "plot.svg");
        File.WriteAllText(path, "old");

        var exception = Assert.Throws<InvalidOperationException>(() => SvgPlotWriter.WriteFile(BrokenModel(), path, 800, 600));

        Assert.Contains("CategoryAxis", exception.Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { "plot.svg" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void MissingFolderThrowsWithoutWriting()
    {
        string path = Path.Combine(_folder, "absent", "plot.svg");

        var exception = Assert.ThrowsAny<IOException>(() => SvgPlotWriter.WriteFile(ValidModel(), path, 800, 600));

        Assert.IsType<DirectoryNotFoundException>(exception.InnerException);
        Assert.StartsWith($"Writing '{path}' failed: ", exception.Message);
        Assert.DoesNotContain(".tmp", exception.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void DrawingWithANonFiniteCoordinateIsRejected()
    {
        // The accuracy axis reaches Infinity for values from 1.5e308 to 1.7e308, although the same values draw on the proxy axis.
        PlotModel model = CorrelationPlot.Create(new double[] { 1, 2, 3 }, new[] { 1.5e308, 1.7e308, 1.6e308 }, new PlotText("t", "x", "y")).Model;
        string path = Path.Combine(_folder, "overflow.svg");
        File.WriteAllText(path, "old");

        Assert.Throws<PlotRangeException>(() => SvgPlotWriter.WriteFile(model, path, 600, 400));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }
}

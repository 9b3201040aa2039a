using System;
using System.Collections.Generic;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Canopy.Plotting;

/// <summary>
/// A grouped bar chart of rank correlations: one group of bars per target (dataset), one bar series per proxy
/// or score mode. It shows whether a tighter region bound ranks architectures better.
/// </summary>
public sealed class ModesPlot
{
    /// <summary>Above this many bars the value labels overlap, so they are left out.</summary>
    private const int MaxLabelledBars = 40;

    // Estimates of the pixels that axes and margins take from the image width, and of the average character width
    // at the shared 14 px font. They decide only whether labels are turned, so rough values are enough.
    private const double MarginWidth = 200;
    private const double AverageCharacterWidth = 7.5;

    private const double ValueLabelSize = PlotStyle.TextSize - 2;

    // The free pixels a level value label needs on each side, so that neighbouring labels stay apart.
    private const double ValueLabelGap = 6;

    // NOTE: An estimate of the plot area height of an 800×600 image. Export-CanopyPlot does not pass the image height
    // here, so on a much smaller image a turned label may still reach the top of the plot area.
    private const double PlotAreaHeight = 430;

    private ModesPlot(PlotModel model, IReadOnlyList<string> categories, IReadOnlyList<string> series, int duplicates)
    {
        Model = model;
        Categories = categories;
        Series = series;
        Duplicates = duplicates;
    }

    public PlotModel Model { get; }

    /// <summary>The categories along the x axis, in the order they first appear.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The bar series, in the order they first appear.</summary>
    public IReadOnlyList<string> Series { get; }

    /// <summary>How many bars repeated an earlier (category, series) pair; the last value of each pair is drawn.</summary>
    public int Duplicates { get; }

    /// <summary>Builds the grouped bar chart.</summary>
    /// <param name="imageWidth">The width in pixels the plot will be exported at, which decides whether labels fit level.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="PlotDataException">There are no bars, or a value is beyond what can be drawn to scale.</exception>
    public static ModesPlot Create(IReadOnlyList<ModeBar> bars, PlotText text, double imageWidth = 800)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(text);
        if (bars.Count == 0)
        {
            throw new PlotDataException("A modes plot needs at least one row with a numeric value, but there are none.");
        }

        if (bars.FirstOrDefault(bar => !double.IsFinite(bar.Value)) is { } invalid)
        {
            throw new ArgumentException($"The bar ({invalid.Category}, {invalid.Series}) has value {invalid.Value}, but every value must be a finite number.", nameof(bars));
        }

        PlotValues.RequireDrawableRange(bars.Select(bar => bar.Value), text.YTitle);

        List<string> categories = bars.Select(bar => bar.Category).Distinct(StringComparer.Ordinal).ToList();
        List<string> series = bars.Select(bar => bar.Series).Distinct(StringComparer.Ordinal).ToList();
        var values = new Dictionary<(string, string), double>();
        foreach (ModeBar bar in bars)
        {
            values[(bar.Category, bar.Series)] = bar.Value;
        }

        PlotModel model = PlotStyle.CreateModel(text.Title, subtitle: null);
        double plotAreaWidth = Math.Max(imageWidth - MarginWidth, 100);
        LinearAxis valueAxis = CreateValueAxis(bars, text.YTitle);
        model.Axes.Add(CreateCategoryAxis(categories, text.XTitle, plotAreaWidth));
        model.Axes.Add(valueAxis);

        bool labelled = categories.Count * series.Count <= MaxLabelledBars;
        double barWidth = plotAreaWidth / (categories.Count * (series.Count + 1.0));
        double labelWidth = MeasureValueLabels(bars, valueAxis);
        bool narrowBars = barWidth < labelWidth + (2 * ValueLabelGap);
        if (labelled && narrowBars)
        {
            MakeRoomForTurnedLabels(valueAxis, labelWidth);
        }

        for (int s = 0; s < series.Count; s++)
        {
            BarSeries barSeries = CreateBarSeries(series[s], s, series.Count, categories, values, valueAxis, labelled);
            barSeries.LabelAngle = narrowBars ? -90 : 0;
            model.Series.Add(barSeries);
        }

        return new ModesPlot(model, categories, series, bars.Count - values.Count);
    }

    private static CategoryAxis CreateCategoryAxis(List<string> categories, string title, double plotAreaWidth)
    {
        var axis = PlotStyle.Configure(new CategoryAxis { Key = "categories", GapWidth = 0.6 }, AxisPosition.Bottom, title);
        axis.Labels.AddRange(categories.Select(AxisTitles.LabelFor));

        // Labels wider than their share of the axis would run into each other, so they are slanted instead.
        double widestLabel = axis.Labels.Max(label => label.Length) * AverageCharacterWidth;
        if (widestLabel > plotAreaWidth / categories.Count)
        {
            axis.Angle = -25;
        }

        return axis;
    }

    private static LinearAxis CreateValueAxis(IReadOnlyList<ModeBar> bars, string title)
    {
        var axis = PlotStyle.Configure(new LinearAxis { Key = "values" }, AxisPosition.Left, title);
        double min = bars.Min(bar => bar.Value);
        double max = bars.Max(bar => bar.Value);

        // Correlations lie in [-1, 1]: a fixed top at 1 makes bars comparable between plots, and 0 stays visible.
        // Below a negative bar the axis leaves at least 0.12 free for its value label.
        if (min >= -1 && max <= 1)
        {
            axis.Minimum = min < 0 ? Math.Floor((min - 0.12) * 10) / 10 : 0;
            axis.Maximum = 1;
        }
        else
        {
            axis.Minimum = Math.Min(0, min);
            axis.MaximumPadding = 0.1;
        }

        return axis;
    }

    // Measures the widest value label in pixels. The axis range is not known before layout, so the labels are
    // formatted over the data range, with the fixed ends of a correlation axis where it has them.
    private static double MeasureValueLabels(IReadOnlyList<ModeBar> bars, LinearAxis valueAxis)
    {
        double minimum = double.IsNaN(valueAxis.Minimum) ? Math.Min(0, bars.Min(bar => bar.Value)) : valueAxis.Minimum;
        double maximum = double.IsNaN(valueAxis.Maximum) ? bars.Max(bar => bar.Value) : valueAxis.Maximum;
        var measurer = new PixelTextMeasurer(1, 1);
        return bars
            .Select(bar => AxisNumberFormat.FormatValue(bar.Value, minimum, maximum))
            .Max(label => measurer.MeasureText(label, PlotStyle.FontFamily, ValueLabelSize, FontWeights.Normal).Width);
    }

    // A turned label sits above its bar, so an axis without a fixed top leaves room for it above the tallest bar.
    // TODO: A correlation axis keeps its top at 1 to stay comparable between plots, so a turned label above a bar
    // near 1 is still cut at the top of the plot area.
    private static void MakeRoomForTurnedLabels(LinearAxis valueAxis, double labelWidth)
    {
        if (!double.IsNaN(valueAxis.Maximum))
        {
            return;
        }

        double room = labelWidth + (2 * ValueLabelGap);
        valueAxis.MaximumPadding = Math.Max(valueAxis.MaximumPadding, room / Math.Max(PlotAreaHeight - room, room));
    }

    private static BarSeries CreateBarSeries(
        string name,
        int index,
        int count,
        List<string> categories,
        Dictionary<(string, string), double> values,
        LinearAxis valueAxis,
        bool labelled)
    {
        // The category axis sits at the bottom, so OxyPlot transposes the bar series and draws vertical bars.
        var bars = new BarSeries
        {
            Title = name,
            XAxisKey = "values",
            YAxisKey = "categories",
            FillColor = PlotStyle.SeriesColor(index, count),
            StrokeColor = OxyColors.Black,
            StrokeThickness = 1,
        };
        if (labelled)
        {
            bars.LabelFormatString = AxisValueBarItem.LabelFormatString;
            bars.LabelPlacement = LabelPlacement.Outside;
            bars.FontSize = ValueLabelSize;
        }

        for (int c = 0; c < categories.Count; c++)
        {
            if (values.TryGetValue((categories[c], name), out double value))
            {
                bars.Items.Add(new AxisValueBarItem(value, c, valueAxis));
            }
        }

        return bars;
    }
}

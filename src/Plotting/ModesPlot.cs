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
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="PlotDataException">There are no bars.</exception>
    public static ModesPlot Create(IReadOnlyList<ModeBar> bars, PlotText text)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(text);
        if (bars.Count == 0)
        {
            throw new PlotDataException("A modes plot needs at least one row with a numeric value, but there are none.");
        }

        if (bars.FirstOrDefault(bar => !double.IsFinite(bar.Value)) is { } invalid)
        {
            throw new ArgumentException($"The bar ({invalid.Category}, {invalid.Series}) has value {invalid.Value}; every value must be a finite number.", nameof(bars));
        }

        List<string> categories = bars.Select(bar => bar.Category).Distinct(StringComparer.Ordinal).ToList();
        List<string> series = bars.Select(bar => bar.Series).Distinct(StringComparer.Ordinal).ToList();
        var values = new Dictionary<(string, string), double>();
        foreach (ModeBar bar in bars)
        {
            values[(bar.Category, bar.Series)] = bar.Value;
        }

        PlotModel model = PlotStyle.CreateModel(text.Title, subtitle: null);
        var categoryAxis = PlotStyle.Configure(new CategoryAxis { Key = "categories", GapWidth = 0.6 }, AxisPosition.Bottom, text.XTitle);
        categoryAxis.Labels.AddRange(categories);
        model.Axes.Add(categoryAxis);
        model.Axes.Add(CreateValueAxis(bars, text.YTitle));

        bool labelled = categories.Count * series.Count <= MaxLabelledBars;
        for (int s = 0; s < series.Count; s++)
        {
            model.Series.Add(CreateBarSeries(series[s], s, series.Count, categories, values, labelled));
        }

        return new ModesPlot(model, categories, series, bars.Count - values.Count);
    }

    private static LinearAxis CreateValueAxis(IReadOnlyList<ModeBar> bars, string title)
    {
        var axis = PlotStyle.Configure(new LinearAxis { Key = "values" }, AxisPosition.Left, title);
        double min = bars.Min(bar => bar.Value);
        double max = bars.Max(bar => bar.Value);

        // Correlations live in [-1, 1]: a fixed top at 1 makes bars comparable between plots, and 0 stays visible.
        if (min >= -1 && max <= 1)
        {
            axis.Minimum = Math.Min(0, Math.Floor(min * 10) / 10);
            axis.Maximum = 1;
        }
        else
        {
            axis.Minimum = Math.Min(0, min);
            axis.MaximumPadding = 0.1;
        }

        return axis;
    }

    private static BarSeries CreateBarSeries(
        string name, int index, int count, List<string> categories, Dictionary<(string, string), double> values, bool labelled)
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
            bars.LabelFormatString = "{0:0.00}";
            bars.LabelPlacement = LabelPlacement.Outside;
            bars.FontSize = PlotStyle.TextSize - 2;
        }

        for (int c = 0; c < categories.Count; c++)
        {
            if (values.TryGetValue((categories[c], name), out double value))
            {
                bars.Items.Add(new BarItem { Value = value, CategoryIndex = c });
            }
        }

        return bars;
    }
}

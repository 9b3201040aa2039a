using System;
using System.Globalization;
using Canopy.Statistics;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Canopy.Plotting;

/// <summary>A scatter of a proxy against a target for every architecture, with its rank correlations.</summary>
public sealed class CorrelationPlot
{
    /// <summary>The fewest points for which a rank correlation means anything.</summary>
    public const int MinimumPoints = 3;

    private CorrelationPlot(PlotModel model, int count, double spearman, double kendall)
    {
        Model = model;
        Count = count;
        Spearman = spearman;
        Kendall = kendall;
    }

    public PlotModel Model { get; }

    public int Count { get; }

    /// <summary>Spearman ρ of the points, or NaN when either coordinate is constant.</summary>
    public double Spearman { get; }

    /// <summary>Kendall τ-b of the points, or NaN when either coordinate is constant.</summary>
    public double Kendall { get; }

    /// <summary>Builds the scatter of <paramref name="proxy"/> (x) against <paramref name="target"/> (y).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length or hold a NaN or infinite value.</exception>
    /// <exception cref="PlotDataException">There are fewer than <see cref="MinimumPoints"/> points, or a range overflows.</exception>
    public static CorrelationPlot Create(double[] proxy, double[] target, PlotText text)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        PlotValues.RequireFinitePairs(proxy, target);
        if (proxy.Length < MinimumPoints)
        {
            throw new PlotDataException(
                $"A correlation plot needs at least {MinimumPoints} points with numeric values, but there are {proxy.Length}.");
        }

        PlotValues.RequireDrawableRange(proxy, text.XTitle);
        PlotValues.RequireDrawableRange(target, text.YTitle);

        double spearman = RankCorrelation.Spearman(proxy, target);
        double kendall = RankCorrelation.KendallTauB(proxy, target);
        string subtitle = string.Format(
            CultureInfo.InvariantCulture,
            "Spearman ρ = {0}, Kendall τ-b = {1}, n = {2:N0}",
            PlotStyle.FormatCoefficient(spearman),
            PlotStyle.FormatCoefficient(kendall),
            proxy.Length);

        PlotModel model = PlotStyle.CreateModel(text.Title, subtitle);
        // Padding keeps the extreme points, such as cells at chance accuracy, clear of the plot border.
        model.Axes.Add(PlotStyle.Configure(new LinearAxis { MinimumPadding = 0.03, MaximumPadding = 0.03 }, AxisPosition.Bottom, text.XTitle));
        model.Axes.Add(PlotStyle.Configure(new LinearAxis { MinimumPadding = 0.03, MaximumPadding = 0.03 }, AxisPosition.Left, text.YTitle));
        model.Series.Add(CreateScatter(proxy, target));
        return new CorrelationPlot(model, proxy.Length, spearman, kendall);
    }

    // TODO: each point becomes its own SVG ellipse of about 170 bytes, so the 15,625 NATS-Bench cells take 2.7 MB.
    // Merging points that fall on the same pixel would shrink large plots without changing how they look.
    private static ScatterSeries CreateScatter(double[] x, double[] y)
    {
        // Dense clouds (15,625 NATS cells) need small translucent markers so that density stays visible, but a few
        // dozen points can be larger and nearly opaque.
        double opacity = Math.Clamp(12 / Math.Sqrt(x.Length), 0.15, 0.85);
        double size = Math.Clamp(40 / Math.Sqrt(x.Length), 1.8, 4);
        var scatter = new ScatterSeries
        {
            MarkerType = MarkerType.Circle,
            MarkerSize = size,
            MarkerFill = OxyColor.FromAColor((byte)Math.Round(opacity * 255), PlotStyle.SeriesColor(0, 1)),
            MarkerStrokeThickness = 0,
        };
        for (int i = 0; i < x.Length; i++)
        {
            scatter.Points.Add(new ScatterPoint(x[i], y[i]));
        }

        return scatter;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Canopy.Plotting;

/// <summary>Search progress: per group, the mean best value over seeds against evaluations, with a band.</summary>
public sealed class TrajectoryPlot
{
    /// <summary>Above this many x values per line, markers would hide the line, so only the dash pattern is used.</summary>
    private const int MaxMarkedPoints = 30;

    private TrajectoryPlot(PlotModel model, IReadOnlyList<TrajectorySummary> summaries)
    {
        Model = model;
        Summaries = summaries;
    }

    public PlotModel Model { get; }

    /// <summary>One summary per group, in the order the groups first appear in the input.</summary>
    public IReadOnlyList<TrajectorySummary> Summaries { get; }

    /// <summary>Builds one mean line with a band per group.</summary>
    /// <exception cref="PlotDataException">The points have fewer than two distinct x values, or a range overflows.</exception>
    public static TrajectoryPlot Create(IReadOnlyList<TrajectoryPoint> points, TrajectoryBand band, PlotText text)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(text);
        int distinctX = points.Select(point => point.X).Distinct().Count();
        if (distinctX < 2)
        {
            // Records left out for an unusable y value count for nothing here, so the message speaks of usable records.
            string found = points.Count == 0
                ? "no record has usable x and y values"
                : $"the {points.Count:N0} usable {(points.Count == 1 ? "record has" : "records have")} {distinctX:N0}";
            throw new PlotDataException(
                string.Create(CultureInfo.InvariantCulture, $"A trajectory plot needs records with usable x and y values at two or more distinct x values, but {found}."));
        }

        PlotValues.RequireDrawableRange(points.Select(point => point.X), text.XTitle);
        PlotValues.RequireDrawableRange(points.Select(point => point.Y), text.YTitle);

        IReadOnlyList<TrajectorySummary> summaries = Summarize(points, band);

        // A guard as well: a mean or band of drawable values stays finite, but the SVG must never hold Infinity.
        if (summaries.Any(summary => summary.Mean.Concat(summary.Lower).Concat(summary.Upper).Any(value => !double.IsFinite(value))))
        {
            throw new PlotRangeException($"The mean or band of the {text.YTitle} values over seeds overflows a double. Divide the values by a power of ten before plotting.");
        }
        PlotModel model = PlotStyle.CreateModel(text.Title, subtitle: null);
        model.Legends[0].LegendTitle = band == TrajectoryBand.MinMax
            ? "Lines: mean over seeds. Bands: min–max over seeds."
            : "Lines: mean over seeds. Bands: ±1 standard deviation.";
        model.Legends[0].LegendTitleFontSize = PlotStyle.TextSize;
        model.Axes.Add(PlotStyle.Configure(new LinearAxis(), AxisPosition.Bottom, text.XTitle));
        model.Axes.Add(PlotStyle.Configure(new LinearAxis(), AxisPosition.Left, text.YTitle));

        // Bands first, so that every mean line is drawn on top of every band.
        for (int i = 0; i < summaries.Count; i++)
        {
            model.Series.Add(CreateBand(summaries[i], PlotStyle.SeriesColor(i, summaries.Count, forLines: true)));
        }

        for (int i = 0; i < summaries.Count; i++)
        {
            model.Series.Add(CreateLine(summaries[i], i, summaries.Count));
        }

        return new TrajectoryPlot(model, summaries);
    }

    /// <summary>
    /// Averages each group over its seeds at every x where any seed of the group has a record. A seed without a
    /// record at x contributes its value at its last earlier x, because the best architecture of a run changes only
    /// at a step it records. A seed with no record at or before x is left out there. Of two records of one seed at
    /// the same x, the last one counts.
    /// </summary>
    public static IReadOnlyList<TrajectorySummary> Summarize(IReadOnlyList<TrajectoryPoint> points, TrajectoryBand band)
    {
        ArgumentNullException.ThrowIfNull(points);
        var groups = new List<string>();
        var runs = new Dictionary<string, Dictionary<string, SortedDictionary<double, double>>>(StringComparer.Ordinal);
        foreach (TrajectoryPoint point in points)
        {
            if (!runs.TryGetValue(point.Group, out Dictionary<string, SortedDictionary<double, double>>? seeds))
            {
                seeds = new Dictionary<string, SortedDictionary<double, double>>(StringComparer.Ordinal);
                runs.Add(point.Group, seeds);
                groups.Add(point.Group);
            }

            if (!seeds.TryGetValue(point.Seed, out SortedDictionary<double, double>? run))
            {
                run = new SortedDictionary<double, double>();
                seeds.Add(point.Seed, run);
            }

            run[point.X] = point.Y;
        }

        return groups.Select(group => SummarizeGroup(group, runs[group].Values.ToList(), band)).ToList();
    }

    private static TrajectorySummary SummarizeGroup(string group, List<SortedDictionary<double, double>> runs, TrajectoryBand band)
    {
        double[] xs = runs.SelectMany(run => run.Keys).Distinct().Order().ToArray();
        var runX = runs.Select(run => run.Keys.ToArray()).ToArray();
        var runY = runs.Select(run => run.Values.ToArray()).ToArray();
        int[] cursor = new int[runs.Count];
        Array.Fill(cursor, -1);

        var mean = new double[xs.Length];
        var lower = new double[xs.Length];
        var upper = new double[xs.Length];
        var counts = new int[xs.Length];
        var current = new List<double>(runs.Count);
        for (int i = 0; i < xs.Length; i++)
        {
            // Advance each run to its last record at or before xs[i].
            current.Clear();
            for (int r = 0; r < runs.Count; r++)
            {
                while (cursor[r] + 1 < runX[r].Length && runX[r][cursor[r] + 1] <= xs[i])
                {
                    cursor[r]++;
                }

                if (cursor[r] >= 0)
                {
                    current.Add(runY[r][cursor[r]]);
                }
            }

            counts[i] = current.Count;
            mean[i] = current.Average();
            (lower[i], upper[i]) = band == TrajectoryBand.MinMax
                ? (current.Min(), current.Max())
                : (mean[i] - SampleStandardDeviation(current, mean[i]), mean[i] + SampleStandardDeviation(current, mean[i]));
        }

        return new TrajectorySummary(group, runs.Count, xs, mean, lower, upper, counts);
    }

    /// <summary>Computes the sample standard deviation (n − 1 in the denominator), which is zero for a single seed.</summary>
    private static double SampleStandardDeviation(List<double> values, double mean)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        // Deviations are scaled by the largest one first, because squares of values above 1e154 overflow a double.
        double scale = values.Max(value => Math.Abs(value - mean));
        if (scale == 0)
        {
            return 0;
        }

        double sumOfSquares = values.Sum(value => ((value - mean) / scale) * ((value - mean) / scale));
        return scale * Math.Sqrt(sumOfSquares / (values.Count - 1));
    }

    private static AreaSeries CreateBand(TrajectorySummary summary, OxyColor color)
    {
        var area = new AreaSeries
        {
            Fill = OxyColor.FromAColor(56, color),
            Color = OxyColors.Transparent,
            Color2 = OxyColors.Transparent,
            StrokeThickness = 0,
            RenderInLegend = false,
        };
        for (int i = 0; i < summary.X.Count; i++)
        {
            area.Points.Add(new DataPoint(summary.X[i], summary.Upper[i]));
            area.Points2.Add(new DataPoint(summary.X[i], summary.Lower[i]));
        }

        return area;
    }

    private static LineSeries CreateLine(TrajectorySummary summary, int index, int count)
    {
        OxyColor color = PlotStyle.SeriesColor(index, count, forLines: true);
        string seeds = summary.SeedCount == 1 ? "1 seed" : $"{summary.SeedCount} seeds";
        var line = new LineSeries
        {
            Title = $"{summary.Group} ({seeds})",
            Color = color,
            StrokeThickness = 2.5,
            LineStyle = PlotStyle.SeriesLineStyle(index),
        };
        if (summary.X.Count <= MaxMarkedPoints)
        {
            line.MarkerType = PlotStyle.SeriesMarker(index);
            line.MarkerSize = 4;
            line.MarkerFill = color;
            line.MarkerStroke = color;
        }

        for (int i = 0; i < summary.X.Count; i++)
        {
            line.Points.Add(new DataPoint(summary.X[i], summary.Mean[i]));
        }

        return line;
    }
}

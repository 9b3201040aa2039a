using System.Collections.Generic;
using System.Globalization;
using Canopy.Architectures;
using OxyPlot;

namespace Canopy.Plotting;

/// <summary>A built plot with a one-line summary for -Verbose and the warnings its data raised.</summary>
public sealed class PlotResult
{
    private PlotResult(PlotModel model, string summary, IReadOnlyList<string> warnings)
    {
        Model = model;
        Summary = summary;
        Warnings = warnings;
    }

    public PlotModel Model { get; }

    public string Summary { get; }

    public IReadOnlyList<string> Warnings { get; }

    internal static PlotResult ForCorrelation(CorrelationPlot plot)
    {
        var warnings = new List<string>();
        if (double.IsNaN(plot.Spearman) || double.IsNaN(plot.Kendall))
        {
            warnings.Add("Spearman ρ and Kendall τ-b are undefined because the x or y values are all equal; the plot title says 'undefined'.");
        }

        string summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{plot.Count:N0} points, Spearman ρ = {PlotStyle.FormatCoefficient(plot.Spearman)}, Kendall τ-b = {PlotStyle.FormatCoefficient(plot.Kendall)}.");
        return new PlotResult(plot.Model, summary, warnings);
    }

    internal static PlotResult ForTrajectory(TrajectoryPlot plot)
    {
        var lines = new List<string>();
        foreach (TrajectorySummary line in plot.Summaries)
        {
            lines.Add($"{line.Group}: {MessageWording.Count(line.SeedCount, "seed", "seeds")}, {MessageWording.Count(line.X.Count, "x value", "x values")}");
        }

        return new PlotResult(plot.Model, $"{MessageWording.Count(plot.Summaries.Count, "line", "lines")} ({string.Join("; ", lines)}).", new List<string>());
    }

    internal static PlotResult ForModes(ModesPlot plot)
    {
        var warnings = new List<string>();
        if (plot.Duplicates > 0)
        {
            string rows = plot.Duplicates == 1 ? "1 row repeats" : $"{plot.Duplicates} rows repeat";
            warnings.Add($"{rows} an earlier pair of category and series; the last value of each pair is drawn.");
        }

        string summary = $"{plot.Series.Count} bar series over {MessageWording.Count(plot.Categories.Count, "category", "categories")} ({string.Join(", ", plot.Categories)}).";
        return new PlotResult(plot.Model, summary, warnings);
    }
}

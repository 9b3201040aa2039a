namespace Canopy.Plotting;

/// <summary>The plots Export-CanopyPlot draws.</summary>
public enum PlotKind
{
    /// <summary>A scatter of a proxy against accuracy, with Spearman ρ and Kendall τ-b in the title.</summary>
    Correlation,

    /// <summary>The best value found against evaluations, as the mean over seeds with a band, one line per strategy.</summary>
    Trajectory,

    /// <summary>A grouped bar chart of rank correlations: one group per target, one bar per proxy or score mode.</summary>
    Modes,
}

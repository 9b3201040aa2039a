namespace Canopy.Plotting;

/// <summary>The title and axis titles of a plot.</summary>
public sealed record PlotText(string Title, string XTitle, string YTitle);

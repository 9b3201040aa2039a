namespace Canopy.Plotting;

/// <summary>One bar of a modes plot: the value of one proxy (<paramref name="Series"/>) on one target (<paramref name="Category"/>).</summary>
public sealed record ModeBar(string Category, string Series, double Value);

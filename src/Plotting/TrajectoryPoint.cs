namespace Canopy.Plotting;

/// <summary>One record of a search run: the best value <paramref name="Y"/> found by evaluation <paramref name="X"/>.</summary>
/// <param name="Group">The strategy (or other grouping) the run belongs to; one line per group.</param>
/// <param name="Seed">The run's seed; records with the same group and seed form one run.</param>
public sealed record TrajectoryPoint(string Group, string Seed, double X, double Y);

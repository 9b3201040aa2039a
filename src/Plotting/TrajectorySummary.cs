using System.Collections.Generic;

namespace Canopy.Plotting;

/// <summary>The mean trajectory of one group over its seeds, with the band drawn around it.</summary>
/// <param name="X">The distinct x values of the group, ascending.</param>
/// <param name="SeedCounts">How many seeds had reached each x, so contributed to the mean there.</param>
public sealed record TrajectorySummary(
    string Group,
    int SeedCount,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper,
    IReadOnlyList<int> SeedCounts);

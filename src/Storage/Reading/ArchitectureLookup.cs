namespace Canopy.Storage.Reading;

/// <summary>The stored value of one column for one architecture, or its absence.</summary>
/// <param name="Architecture">The canonical architecture looked up.</param>
/// <param name="Found">Whether the benchmark contains the architecture.</param>
/// <param name="Value">The column's value in the architecture's first row in file order, or null.</param>
/// <param name="Rows">The number of rows the benchmark has for the architecture, such as one per task of a long-format file.</param>
/// <param name="ValuesDiffer">Whether those rows hold different values in the column, so that <paramref name="Value"/> is one of several.</param>
public readonly record struct ArchitectureLookup(string Architecture, bool Found, object? Value, int Rows = 0, bool ValuesDiffer = false);

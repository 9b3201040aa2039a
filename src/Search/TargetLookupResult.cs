namespace Canopy.Search;

/// <summary>How the lookup of one run's best architectures in a benchmark went.</summary>
/// <param name="Architectures">The number of distinct best-so-far architectures looked up.</param>
/// <param name="Absent">How many of them the benchmark does not contain.</param>
/// <param name="WithoutNumber">How many of them it contains with an empty, non-numeric or infinite target value.</param>
/// <param name="ValuesDiffer">How many of them it contains in several rows with different target values.</param>
public sealed record TargetLookupResult(int Architectures, int Absent, int WithoutNumber, int ValuesDiffer = 0);

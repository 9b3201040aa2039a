using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Storage;

namespace Canopy.Search;

/// <summary>
/// One column of a stored benchmark, such as a test accuracy, read for the best architectures of search runs. Values
/// come from the cache only: an architecture the benchmark lacks gets no value, never an estimate.
/// </summary>
public sealed class BenchmarkTargets
{
    private readonly BenchmarkStore _store;

    private BenchmarkTargets(BenchmarkStore store, BenchmarkInfo benchmark, string column)
    {
        _store = store;
        Benchmark = benchmark;
        Column = column;
    }

    public BenchmarkInfo Benchmark { get; }

    /// <summary>The target column as the benchmark spells it.</summary>
    public string Column { get; }

    /// <summary>Finds the benchmark and its column, so that a wrong name fails before any search starts.</summary>
    /// <exception cref="BenchmarkNotFoundException">The cache contains no benchmark of that name.</exception>
    /// <exception cref="TargetColumnNotFoundException">The benchmark has no such column (compared ignoring case).</exception>
    /// <exception cref="CacheFormatException">The file is no Canopy cache, or a newer one.</exception>
    public static BenchmarkTargets Open(BenchmarkStore store, string benchmark, string column)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(column);

        BenchmarkInfo info = store.Find(benchmark) ?? throw new BenchmarkNotFoundException(benchmark, store.DatabasePath);
        int position = ArchitectureColumns.Find(info.Columns, column);
        if (position < 0)
        {
            throw new TargetColumnNotFoundException(info.Name, column, info.Columns);
        }

        return new BenchmarkTargets(store, info, info.Columns[position]);
    }

    /// <summary>
    /// Sets <see cref="SearchStep.BestTarget"/> on every step, with one batched lookup of the distinct best-so-far
    /// architectures of the steps.
    /// </summary>
    public TargetLookupResult Fill(IReadOnlyList<SearchStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        string[] architectures = steps
            .Select(step => step.BestArchitecture)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (architectures.Length == 0)
        {
            return new TargetLookupResult(0, 0, 0);
        }

        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        int absent = 0;
        int withoutNumber = 0;
        foreach (ArchitectureLookup lookup in _store.Lookup(Benchmark.Name, architectures, Column))
        {
            double? value = lookup.Found ? ToNumber(lookup.Value) : null;
            absent += lookup.Found ? 0 : 1;
            withoutNumber += lookup.Found && value is null ? 1 : 0;
            values[lookup.Architecture] = value;
        }

        foreach (SearchStep step in steps)
        {
            step.BestTarget = step.BestArchitecture is { } best ? values[best] : null;
        }

        return new TargetLookupResult(architectures.Length, absent, withoutNumber);
    }

    // The cache stores numbers as Int64 or finite doubles; text in a numeric column is no number to report.
    private static double? ToNumber(object? value) => value switch
    {
        long integer => integer,
        double real when double.IsFinite(real) => real,
        _ => null,
    };
}

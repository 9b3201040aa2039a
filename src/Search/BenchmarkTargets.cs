using System;
using System.Collections.Generic;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Reading;

namespace Canopy.Search;

/// <summary>
/// One column of a stored benchmark, such as a test accuracy, read for the best architectures of search runs. Values
/// come from the cache only: an architecture the benchmark lacks gets no value, never an estimate.
/// </summary>
public sealed class BenchmarkTargets
{
    private readonly BenchmarkStore _store;

    /// <summary>The name of the column that long-format files, such as NAS-Bench-Suite-Zero's, give each row's task in.</summary>
    public const string DatasetColumnName = "dataset";

    // Enough values to name the tasks of a file in a message without flooding it.
    private const int MaxListedDatasets = 5;

    private BenchmarkTargets(BenchmarkStore store, BenchmarkInfo benchmark, string column, IReadOnlyList<string> datasets)
    {
        _store = store;
        Benchmark = benchmark;
        Column = column;
        Datasets = datasets;
    }

    public BenchmarkInfo Benchmark { get; }

    /// <summary>The target column as the benchmark spells it.</summary>
    public string Column { get; }

    /// <summary>
    /// Up to five distinct values of the benchmark's dataset column (compared ignoring case), in file order; empty
    /// when the benchmark has no such column.
    /// </summary>
    public IReadOnlyList<string> Datasets { get; }

    /// <summary>Finds the benchmark and its column, so that a wrong name fails before any search starts.</summary>
    /// <exception cref="BenchmarkNotFoundException">The cache contains no benchmark of that name.</exception>
    /// <exception cref="TargetColumnNotFoundException">The benchmark has no such column (compared ignoring case).</exception>
    /// <exception cref="TargetColumnNotNumericException">No row of the benchmark stores a number in the column.</exception>
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

        // A column without any number would leave every looked-up value empty, which a search shows only at its end.
        if (!store.HasNumbers(info.Name, info.Columns[position]))
        {
            throw new TargetColumnNotNumericException(info.Name, info.Columns[position], store.NumericColumns(info.Name));
        }

        int datasetPosition = ArchitectureColumns.Find(info.Columns, DatasetColumnName);
        IReadOnlyList<string> datasets = datasetPosition < 0
            ? Array.Empty<string>()
            : store.DistinctValues(info.Name, info.Columns[datasetPosition], MaxListedDatasets);
        return new BenchmarkTargets(store, info, info.Columns[position], datasets);
    }

    /// <summary>
    /// Looks up one architecture in the target column. Found is false when the benchmark does not contain it, and
    /// Value is null when its stored value is empty, text or not finite. Several rows of one architecture give the
    /// first row's value in file order, and ValuesDiffer is true when the other rows hold other values.
    /// </summary>
    public (bool Found, double? Value, bool ValuesDiffer) Lookup(string canonicalArchitecture)
    {
        ArgumentNullException.ThrowIfNull(canonicalArchitecture);
        ArchitectureLookup lookup = _store.Lookup(Benchmark.Name, new[] { canonicalArchitecture }, Column)[0];
        return lookup.Found ? (true, ToNumber(lookup.Value), lookup.ValuesDiffer) : (false, null, false);
    }

    /// <summary>Returns the first value of the target column that the cache stores as text, in file order, or null.</summary>
    public string? FirstText() => _store.FirstText(Benchmark.Name, Column);

    // The cache stores numbers as Int64 or finite doubles; text in a numeric column is no number to report.
    private static double? ToNumber(object? value) => value switch
    {
        long integer => integer,
        double real when double.IsFinite(real) => real,
        _ => null,
    };
}

using System;
using Canopy.Architectures;

namespace Canopy.Storage.Reading;

/// <summary>
/// Consecutive rows of one stored benchmark in file order, read ahead on a worker thread by
/// <see cref="BenchmarkReader.ReadBatches"/>. Each batch is new, so a caller may keep it.
/// </summary>
public sealed class BenchmarkRowBatch
{
    private readonly object?[] _values;
    private readonly SearchSpace[] _searchSpaces;

    internal BenchmarkRowBatch(int columnCount, int capacity)
    {
        ColumnCount = columnCount;
        _values = new object?[columnCount * capacity];
        _searchSpaces = new SearchSpace[capacity];
    }

    /// <summary>How many rows the batch contains.</summary>
    public int Count { get; private set; }

    public int ColumnCount { get; }

    internal bool IsFull => Count == _searchSpaces.Length;

    /// <summary>The values of row <paramref name="row"/> in column order: long, double, string or null.</summary>
    public ReadOnlySpan<object?> GetValues(int row) => _values.AsSpan(CheckRow(row) * ColumnCount, ColumnCount);

    /// <summary>The search space of row <paramref name="row"/>'s architecture.</summary>
    public SearchSpace GetSearchSpace(int row) => _searchSpaces[CheckRow(row)];

    internal void Add(ReadOnlySpan<object?> values, SearchSpace searchSpace)
    {
        values.CopyTo(_values.AsSpan(Count * ColumnCount, ColumnCount));
        _searchSpaces[Count] = searchSpace;
        Count++;
    }

    private int CheckRow(int row) => (uint)row < (uint)Count ? row : throw new ArgumentOutOfRangeException(nameof(row), row, $"The batch has {Count} rows.");
}

using System;
using System.Collections.Generic;
using Canopy.Architectures;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage;

/// <summary>
/// Streams the rows of one stored benchmark in file order. <see cref="Values"/> is one array reused for every row,
/// so a caller that keeps a row must copy it.
/// </summary>
public sealed class BenchmarkReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;
    private readonly SqliteDataReader _rows;
    private readonly object?[] _values;
    private string? _lastSpaceText;

    internal BenchmarkReader(SqliteConnection connection, BenchmarkInfo benchmark, IReadOnlyCollection<string>? canonicalArchitectures)
    {
        _connection = connection;
        Benchmark = benchmark;
        _values = new object?[benchmark.Columns.Count];

        var table = new BenchmarkTable(benchmark.Id, benchmark.Columns.Count, benchmark.ArchitecturePosition);
        _select = BenchmarkImporter.Command(connection, null, table.SelectSql(canonicalArchitectures is not null));
        if (canonicalArchitectures is not null)
        {
            BenchmarkTable.BindArchitectures(_select, canonicalArchitectures);
        }

        _rows = _select.ExecuteReader();
    }

    public BenchmarkInfo Benchmark { get; }

    /// <summary>The current row's values in column order: long, double, string or null.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>The search space of the current row's architecture.</summary>
    public SearchSpace SearchSpace { get; private set; }

    public bool Read()
    {
        if (!_rows.Read())
        {
            return false;
        }

        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = _rows.IsDBNull(i) ? null : _rows.GetValue(i);
        }

        string space = _rows.GetString(_values.Length);
        if (!string.Equals(space, _lastSpaceText, StringComparison.Ordinal))
        {
            SearchSpace = Enum.Parse<SearchSpace>(space);
            _lastSpaceText = space;
        }

        return true;
    }

    public void Dispose()
    {
        _rows.Dispose();
        _select.Dispose();
        _connection.Dispose();
    }
}

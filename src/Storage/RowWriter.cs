using System;
using System.Collections.Generic;
using Canopy.Architectures;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage;

/// <summary>
/// Inserts the rows of one import with a single prepared INSERT whose parameters are rebound, and counts stored
/// and rejected rows.
/// </summary>
internal sealed class RowWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly BenchmarkTable _table;
    private readonly string _path;
    private readonly Action<RowRejection>? _rejected;
    private readonly List<RowRejection> _rejections = new();
    private readonly HashSet<SearchSpace> _searchSpaces = new();
    private readonly Dictionary<SearchSpace, string> _spaceNames = new();
    private PreparedInsert _insert = null!;

    public RowWriter(SqliteConnection connection, SqliteTransaction transaction, BenchmarkTable table, string path, Action<RowRejection>? rejected)
    {
        _path = path;
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _rejected = rejected;
        PrepareInsert();
    }

    public long RowsRead => RowsStored + RowsRejected;

    public long RowsStored { get; private set; }

    public long RowsRejected { get; private set; }

    public IReadOnlyList<RowRejection> Rejections => _rejections;

    public IEnumerable<SearchSpace> SearchSpaces => _searchSpaces;

    /// <summary>Stores a row with its canonical architecture, or reports it as rejected.</summary>
    public void Write(ParsedRow row, IReadOnlyList<string> columns)
    {
        if (row.Values.Length > _table.ColumnCount)
        {
            AddColumns(columns, row);
        }

        if (row.Problem is not null)
        {
            Reject(row, columns);
            return;
        }

        // Parameters in the order of BenchmarkTable.InsertSql: line, search space, hash, then the value columns.
        _insert.Bind(1, row.LineNumber);
        _insert.Bind(2, SpaceName(row.SearchSpace));
        _insert.Bind(3, row.ArchitectureHash);
        for (int i = 0; i < _table.ColumnCount; i++)
        {
            // A JSON record that ends before later columns appeared leaves them missing.
            object? value = i < row.Values.Length ? row.Values[i] : null;
            if (i == _table.ArchitectureColumn)
            {
                value = row.Canonical;
            }

            _insert.Bind(i + 4, value);
        }

        _insert.Execute();
        _searchSpaces.Add(row.SearchSpace);
        RowsStored++;
    }

    public void Dispose() => _insert.Dispose();

    private void Reject(ParsedRow row, IReadOnlyList<string> columns)
    {
        var record = new KeyValuePair<string, object?>[row.Values.Length];
        for (int i = 0; i < record.Length; i++)
        {
            record[i] = new KeyValuePair<string, object?>(columns[i], row.Values[i]);
        }

        var rejection = new RowRejection { LineNumber = row.LineNumber, Reason = row.Problem!, Record = record };
        RowsRejected++;
        if (_rejections.Count < ImportSummary.MaxRejectionsKept)
        {
            _rejections.Add(rejection);
        }

        _rejected?.Invoke(rejection);
    }

    // A JSON record may bring a property that earlier records lacked, and earlier rows read it as missing.
    private void AddColumns(IReadOnlyList<string> columns, ParsedRow row)
    {
        if (row.Values.Length > BenchmarkTable.MaxColumns)
        {
            throw new BenchmarkFileException(_path, row.LineNumber, $"The records use {row.Values.Length} distinct properties, but the cache stores at most {BenchmarkTable.MaxColumns}.");
        }

        int firstNew = _table.ColumnCount;
        while (_table.ColumnCount < row.Values.Length)
        {
            CacheConnection.Execute(_connection, _table.AddColumnSql(), _transaction);
        }

        BenchmarkImporter.InsertColumns(_connection, _transaction, _table.Id, columns, firstNew, row.Values.Length);
        _insert.Dispose();
        PrepareInsert();
    }

    private void PrepareInsert() => _insert = new PreparedInsert(_connection, _table.InsertSql());

    // Enum.ToString allocates, and a benchmark has few search spaces, so the names are cached.
    private string SpaceName(SearchSpace space)
    {
        if (!_spaceNames.TryGetValue(space, out string? name))
        {
            name = space.ToString();
            _spaceNames[space] = name;
        }

        return name;
    }
}

using System;
using System.Collections.Generic;
using Canopy.Architectures;
using Canopy.Storage.Input;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage;

/// <summary>
/// Inserts the rows of one import with a single prepared INSERT whose parameters are rebound, and counts stored
/// and rejected rows. Holds one row at a time, so memory does not grow with the file.
/// </summary>
internal sealed class RowWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly BenchmarkTable _table;
    private readonly IRecordSource _source;
    private readonly string _path;
    private readonly Action<RowRejection>? _rejected;
    private readonly List<RowRejection> _rejections = new();
    private readonly HashSet<SearchSpace> _searchSpaces = new();
    private readonly Dictionary<SearchSpace, string> _spaceNames = new();
    private PreparedInsert _insert = null!;

    public RowWriter(SqliteConnection connection, SqliteTransaction transaction, BenchmarkTable table, IRecordSource source, string path, Action<RowRejection>? rejected)
    {
        _path = path;
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _source = source;
        _rejected = rejected;
        PrepareInsert();
    }

    public long RowsRead => RowsStored + RowsRejected;

    public long RowsStored { get; private set; }

    public long RowsRejected { get; private set; }

    public IReadOnlyList<RowRejection> Rejections => _rejections;

    public IEnumerable<SearchSpace> SearchSpaces => _searchSpaces;

    /// <summary>Stores the source's current record with the architecture replaced by its canonical form, or rejects it.</summary>
    public void Write((string? Canonical, SearchSpace Space, string? Problem) architecture)
    {
        if (_source.Columns.Count > _table.ColumnCount)
        {
            AddColumns();
        }

        if (architecture.Problem is not null)
        {
            Reject(architecture.Problem);
            return;
        }

        // Parameters in the order of BenchmarkTable.InsertSql: line, search space, hash, then the value columns.
        _insert.Bind(1, _source.LineNumber);
        _insert.Bind(2, SpaceName(architecture.Space));
        _insert.Bind(3, ArchitectureHash.Compute(architecture.Canonical!));
        for (int i = 0; i < _table.ColumnCount; i++)
        {
            _insert.Bind(i + 4, i == _table.ArchitectureColumn ? architecture.Canonical : _source.GetValue(i));
        }

        _insert.Execute();
        _searchSpaces.Add(architecture.Space);
        RowsStored++;
    }

    public void Dispose() => _insert.Dispose();

    private void Reject(string reason)
    {
        var record = new KeyValuePair<string, object?>[_source.Columns.Count];
        for (int i = 0; i < record.Length; i++)
        {
            record[i] = new KeyValuePair<string, object?>(_source.Columns[i], _source.GetValue(i));
        }

        var rejection = new RowRejection { LineNumber = _source.LineNumber, Reason = reason, Record = record };
        RowsRejected++;
        if (_rejections.Count < ImportSummary.MaxRejectionsKept)
        {
            _rejections.Add(rejection);
        }

        _rejected?.Invoke(rejection);
    }

    // A JSON record may bring a property that earlier records lacked; earlier rows read it as missing.
    private void AddColumns()
    {
        if (_source.Columns.Count > BenchmarkTable.MaxColumns)
        {
            throw new BenchmarkFileException(_path, _source.LineNumber, $"The records use {_source.Columns.Count} distinct properties, but the cache stores at most {BenchmarkTable.MaxColumns}.");
        }

        int firstNew = _table.ColumnCount;
        while (_table.ColumnCount < _source.Columns.Count)
        {
            CacheConnection.Execute(_connection, _table.AddColumnSql(), _transaction);
        }

        BenchmarkImporter.InsertColumns(_connection, _transaction, _table.Id, _source.Columns, firstNew);
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

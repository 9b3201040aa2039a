using System;
using System.Collections.Generic;
using System.Text;
using Canopy.Architectures;
using Canopy.Storage.Cache;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage.Import;

/// <summary>
/// Inserts the rows of one import with multi-row INSERT statements whose parameters are rebound, and counts stored
/// and rejected rows. Accepted rows wait until a whole statement's worth has arrived; <see cref="Flush"/> inserts
/// the rest.
/// </summary>
internal sealed class RowWriter : IDisposable
{
    /// <summary>
    /// Rows per multi-row INSERT, or fewer when a row has so many columns that one statement would exceed
    /// <see cref="MaxParameters"/>. Single-row statements took about a quarter more CPU time on the writing thread
    /// of a NATS-Bench import; between 16 and 256 rows per statement the difference was within the noise.
    /// </summary>
    public const int RowsPerStatement = 32;

    /// <summary>
    /// How many rows may be rejected before the first accepted one. When the first this many rows are all rejected,
    /// the file or the import options do not fit, and one error reports that in place of one error per row.
    /// </summary>
    public const int MaxLeadingRejections = 1000;

    /// <summary>SQLite's default limit of parameters per statement since version 3.32.</summary>
    private const int MaxParameters = 32766;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly BenchmarkTable _table;
    private readonly string _path;
    private readonly Action<RowRejection>? _rejected;
    private readonly List<RowRejection> _rejections = new();
    private readonly List<RowRejection> _leadingRejections = new();
    private readonly HashSet<SearchSpace> _searchSpaces = new();
    private readonly Dictionary<SearchSpace, byte[]> _spaceNames = new();
    private readonly ParsedRow[] _pending = new ParsedRow[RowsPerStatement];
    private int _pendingCount;
    private bool _accepted;
    private PreparedInsert _manyRows = null!;
    private PreparedInsert _oneRow = null!;

    public RowWriter(SqliteConnection connection, SqliteTransaction transaction, BenchmarkTable table, string path, Action<RowRejection>? rejected)
    {
        _path = path;
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _rejected = rejected;
        PrepareInserts();
    }

    /// <summary>Rows taken so far, stored, waiting for <see cref="Flush"/> or rejected.</summary>
    public long RowsRead => RowsStored + _pendingCount + RowsRejected;

    public long RowsStored { get; private set; }

    public long RowsRejected { get; private set; }

    public IReadOnlyList<RowRejection> Rejections => _rejections;

    public IEnumerable<SearchSpace> SearchSpaces => _searchSpaces;

    /// <summary>Queues a row with its canonical architecture for insertion, or reports it as rejected.</summary>
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

        if (!_accepted)
        {
            _accepted = true;
            ReportLeadingRejections();
        }

        _searchSpaces.Add(row.SearchSpace);
        _pending[_pendingCount++] = row;
        if (_pendingCount == _manyRows.Rows)
        {
            InsertPending(_manyRows);
        }
    }

    /// <summary>Inserts the rows still waiting for a full multi-row statement, one at a time.</summary>
    public void Flush()
    {
        for (int i = 0; i < _pendingCount; i++)
        {
            Bind(_oneRow, 1, _pending[i]);
            _oneRow.Execute();
            _pending[i] = null!;
            RowsStored++;
        }

        _pendingCount = 0;
    }

    // Reports the rejections held back while no row was accepted, at the first accepted row. An import that stores
    // no row reports them as one BenchmarkEmptyException instead.
    private void ReportLeadingRejections()
    {
        foreach (RowRejection rejection in _leadingRejections)
        {
            _rejected?.Invoke(rejection);
        }

        _leadingRejections.Clear();
    }

    public void Dispose()
    {
        _manyRows.Dispose();
        _oneRow.Dispose();
    }

    private void InsertPending(PreparedInsert insert)
    {
        int parameters = _table.ParametersPerRow;
        for (int i = 0; i < _pendingCount; i++)
        {
            Bind(insert, i * parameters + 1, _pending[i]);
            _pending[i] = null!;
        }

        insert.Execute();
        RowsStored += _pendingCount;
        _pendingCount = 0;
    }

    // Parameters in the order of BenchmarkTable.InsertSql: line, search space, hash, then the value columns.
    private void Bind(PreparedInsert insert, int first, ParsedRow row)
    {
        insert.BindInt64(first, row.LineNumber);
        insert.BindText(first + 1, SpaceName(row.SearchSpace));
        insert.BindInt64(first + 2, row.ArchitectureHash);
        for (int i = 0; i < _table.ColumnCount; i++)
        {
            // A JSON record that ends before later columns appeared leaves them missing.
            object? value = i < row.Values.Length ? row.Values[i] : null;
            if (i == _table.ArchitectureColumn)
            {
                value = row.Canonical;
            }

            insert.Bind(first + 3 + i, value);
        }
    }

    private void Reject(ParsedRow row, IReadOnlyList<string> columns)
    {
        var record = new KeyValuePair<string, object?>[row.Values.Length];
        for (int i = 0; i < record.Length; i++)
        {
            record[i] = new KeyValuePair<string, object?>(columns[i], row.Values[i]);
        }

        var rejection = new RowRejection { LineNumber = row.LineNumber, RecordNumber = RowsRead + 1, Reason = row.Problem!, Record = record };
        RowsRejected++;
        if (_rejections.Count < ImportSummary.MaxRejectionsKept)
        {
            _rejections.Add(rejection);
        }

        if (_accepted)
        {
            _rejected?.Invoke(rejection);
            return;
        }

        // Until a row is accepted, rejections wait, so an import that stops here reports one error, not a thousand.
        _leadingRejections.Add(rejection);
        if (_leadingRejections.Count == MaxLeadingRejections)
        {
            throw BenchmarkEmptyException.Stopped(_path, RowsRejected, _leadingRejections[0]);
        }
    }

    // A JSON record may bring a property that earlier records lacked, and earlier rows read it as missing. The rows
    // waiting for the old statements go in first, with the old column count.
    private void AddColumns(IReadOnlyList<string> columns, ParsedRow row)
    {
        if (row.Values.Length > BenchmarkTable.MaxColumns)
        {
            throw new BenchmarkFileException(_path, row.LineNumber, $"The records use {row.Values.Length} distinct properties, but the cache stores at most {BenchmarkTable.MaxColumns}.");
        }

        Flush();
        int firstNew = _table.ColumnCount;
        while (_table.ColumnCount < row.Values.Length)
        {
            CacheConnection.Execute(_connection, _table.AddColumnSql(), _transaction);
        }

        BenchmarkImporter.InsertColumns(_connection, _transaction, _table.Id, columns, firstNew, row.Values.Length);
        Dispose();
        PrepareInserts();
    }

    private void PrepareInserts()
    {
        int rows = Math.Clamp(MaxParameters / _table.ParametersPerRow, 1, RowsPerStatement);
        _manyRows = new PreparedInsert(_connection, _table.InsertSql(rows), rows);
        _oneRow = new PreparedInsert(_connection, _table.InsertSql(1), 1);
    }

    // A benchmark has few search spaces, so their names are encoded to UTF-8 once.
    private byte[] SpaceName(SearchSpace space)
    {
        if (!_spaceNames.TryGetValue(space, out byte[]? name))
        {
            name = Encoding.UTF8.GetBytes(space.ToString());
            _spaceNames[space] = name;
        }

        return name;
    }
}

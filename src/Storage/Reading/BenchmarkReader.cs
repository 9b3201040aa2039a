using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Canopy.Architectures;
using Canopy.Storage.Cache;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Canopy.Storage.Reading;

/// <summary>
/// Streams the rows of one stored benchmark in file order, one at a time with <see cref="Read"/> or in batches read
/// ahead on a worker thread with <see cref="ReadBatches"/>. <see cref="Values"/> is one array reused for every row,
/// so a caller that keeps a row must copy it.
/// </summary>
/// <remarks>
/// The SELECT runs through SQLitePCL's raw API. Microsoft.Data.Sqlite's GetValue queries a value's type twice and
/// converts text through an extra copy, which made reading a row cost more than building its record.
/// </remarks>
public sealed class BenchmarkReader : IDisposable
{
    /// <summary>Rows per batch of <see cref="ReadBatches"/>.</summary>
    public const int BatchSize = 1024;

    // Batches read ahead of the caller; together with BatchSize this bounds the memory of a read.
    private const int BatchesAhead = 4;

    private readonly SqliteConnection _connection;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _select;
    private readonly object?[] _values;
    private byte[] _lastSpaceName = Array.Empty<byte>();

    internal BenchmarkReader(SqliteConnection connection, BenchmarkInfo benchmark, IReadOnlyCollection<string>? canonicalArchitectures)
    {
        _connection = connection;
        Benchmark = benchmark;
        _values = new object?[benchmark.Columns.Count];
        _database = connection.Handle ?? throw new InvalidOperationException("The cache connection is not open.");

        var table = new BenchmarkTable(benchmark.Id, benchmark.Columns.Count, benchmark.ArchitecturePosition);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_database, table.SelectSql(canonicalArchitectures is not null), out _select), _database);
        if (canonicalArchitectures is not null)
        {
            BenchmarkTable.BindArchitectures(_select, canonicalArchitectures);
        }
    }

    public BenchmarkInfo Benchmark { get; }

    /// <summary>The current row's values in column order: long, double, string or null.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>The search space of the current row's architecture.</summary>
    public SearchSpace SearchSpace { get; private set; }

    /// <summary>Advances to the next row; returns false after the last one.</summary>
    public bool Read()
    {
        int result = raw.sqlite3_step(_select);
        if (result == raw.SQLITE_DONE)
        {
            return false;
        }

        if (result != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }

        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = ReadValue(i);
        }

        ReadSearchSpace(_values.Length);
        return true;
    }

    /// <summary>
    /// Reads the remaining rows on a worker thread, at most a few batches ahead, while the caller processes the
    /// batches already read. Do not call <see cref="Read"/> while the enumeration runs. Leaving the enumeration early
    /// stops the worker before the enumerator's Dispose returns.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<BenchmarkRowBatch> ReadBatches(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<BenchmarkRowBatch>(boundedCapacity: BatchesAhead);
        Task reading = DedicatedThread.Start(() => FillBatches(queue, stop.Token));
        try
        {
            foreach (BenchmarkRowBatch batch in queue.GetConsumingEnumerable(cancellationToken))
            {
                yield return batch;
            }

            reading.GetAwaiter().GetResult();
        }
        finally
        {
            // Also reached when the caller stops early or fails; the worker must not touch the statement after that.
            stop.Cancel();
            DedicatedThread.WaitAfterStop(reading);
        }
    }

    public void Dispose()
    {
        _select.Dispose();
        _connection.Dispose();
    }

    private void FillBatches(BlockingCollection<BenchmarkRowBatch> queue, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new BenchmarkRowBatch(_values.Length, BatchSize);
            while (Read())
            {
                batch.Add(_values, SearchSpace);
                if (batch.IsFull)
                {
                    queue.Add(batch, cancellationToken);
                    batch = new BenchmarkRowBatch(_values.Length, BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                queue.Add(batch, cancellationToken);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private object? ReadValue(int column) => raw.sqlite3_column_type(_select, column) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_select, column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_select, column),
        raw.SQLITE_NULL => null,

        // The bytes of a TEXT value are its UTF-8 encoding, the database's encoding, with no conversion by SQLite.
        raw.SQLITE_TEXT => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_select, column)),
        _ => raw.sqlite3_column_blob(_select, column).ToArray(),
    };

    // Rows of one search space follow each other, so the name is decoded only when it changes.
    private void ReadSearchSpace(int column)
    {
        ReadOnlySpan<byte> name = raw.sqlite3_column_blob(_select, column);
        if (!name.SequenceEqual(_lastSpaceName))
        {
            SearchSpace = Enum.Parse<SearchSpace>(Encoding.UTF8.GetString(name));
            _lastSpaceName = name.ToArray();
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Canopy.Architectures;
using Canopy.Storage.Cache;
using Canopy.Storage.Import;
using Canopy.Storage.Reading;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage;

/// <summary>
/// The SQLite benchmark cache: imports benchmark files, lists and removes them, streams their rows and looks up values
/// by canonical architecture. Each call opens its own connection, so one store may serve several threads, and other
/// processes may read while one imports.
/// </summary>
public sealed class BenchmarkStore
{
    private readonly IArchitectureCanonicalizer _canonicalizer;

    /// <summary>Uses the cache file at <paramref name="databasePath"/>, or the default one when it is null.</summary>
    public BenchmarkStore(string? databasePath = null)
        : this(databasePath, ParserCanonicalizer.Instance)
    {
    }

    internal BenchmarkStore(string? databasePath, IArchitectureCanonicalizer canonicalizer)
    {
        DatabasePath = Path.GetFullPath(databasePath ?? CacheLocation.DefaultPath);
        _canonicalizer = canonicalizer;
    }

    public string DatabasePath { get; }

    /// <summary>
    /// Imports a CSV or JSON file (optionally gzip-compressed) as one benchmark. Rows that cannot be stored go to
    /// <paramref name="rejected"/> and the rest are stored. The whole import is one transaction.
    /// </summary>
    /// <exception cref="ArgumentException">The name, given or taken from the file name, is empty or white space.</exception>
    /// <exception cref="BenchmarkExistsException">The name exists and <see cref="BenchmarkImportOptions.Replace"/> is false.</exception>
    /// <exception cref="BenchmarkFileException">The file cannot be read as a benchmark.</exception>
    /// <exception cref="CacheFormatException">The database file is no Canopy cache, or a newer one.</exception>
    /// <exception cref="CacheUnavailableException">The database file, its folder or its -wal or -shm file cannot be written.</exception>
    /// <exception cref="CacheBusyException">Another process held the write lock for the whole wait.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing was written.</exception>
    /// <param name="lockWait">Told on this thread when another process holds the write lock, and when the lock is then taken.</param>
    /// <param name="warned">
    /// Receives each warning about the file before the commit, so an exception it throws leaves the cache as it was.
    /// Without it the warnings are only in <see cref="ImportSummary.Warnings"/>.
    /// </param>
    public ImportSummary Import(
        BenchmarkImportOptions options,
        IProgress<ImportProgress>? progress = null,
        Action<RowRejection>? rejected = null,
        CancellationToken cancellationToken = default,
        Action<string>? warned = null,
        IWriteLockWait? lockWait = null)
    {
        try
        {
            var callbacks = new ImportCallbacks(progress, rejected, warned, lockWait);
            return new BenchmarkImporter(DatabasePath, _canonicalizer, callbacks).Import(options, cancellationToken);
        }
        catch (SqliteException exception) when (CacheConnection.IsUnavailable(exception))
        {
            // The import's transaction was rolled back, so the cache is as it was.
            throw CacheConnection.Unavailable(DatabasePath, exception);
        }
    }

    /// <summary>Lists the stored benchmarks by name. A cache file that does not exist lists none.</summary>
    public IReadOnlyList<BenchmarkInfo> List()
    {
        using SqliteConnection? connection = CacheConnection.OpenForRead(DatabasePath);
        return connection is null ? Array.Empty<BenchmarkInfo>() : ReadBenchmarks(connection, name: null);
    }

    /// <summary>Returns the benchmark of that name, compared by <see cref="BenchmarkNames"/>, or null.</summary>
    public BenchmarkInfo? Find(string name)
    {
        using SqliteConnection? connection = CacheConnection.OpenForRead(DatabasePath);
        return connection is null ? null : ReadBenchmarks(connection, name).FirstOrDefault();
    }

    /// <summary>
    /// Removes the benchmark of that name, compared by <see cref="BenchmarkNames"/>, in one write transaction: its
    /// rows, its architecture index, its columns and its entry. Returns the benchmark as it was just before. A cache
    /// file that does not exist is not created.
    /// </summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name, or the cache file does not exist or is empty.</exception>
    /// <exception cref="CacheFormatException">The database file is no Canopy cache, or a newer one.</exception>
    /// <exception cref="CacheUnavailableException">The database file or its -wal or -shm file cannot be written.</exception>
    /// <exception cref="CacheBusyException">Another process held the write lock for the whole wait.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting; nothing was removed.</exception>
    /// <param name="lockWait">Told on this thread when another process holds the write lock, and when the lock is then taken.</param>
    public BenchmarkInfo Remove(string name, CancellationToken cancellationToken = default, IWriteLockWait? lockWait = null)
    {
        try
        {
            using SqliteConnection connection = CacheConnection.OpenExistingForWrite(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
            using SqliteTransaction transaction = CacheConnection.BeginWrite(connection, DatabasePath, cancellationToken, lockWait);

            // Found inside the write transaction, so no other process can replace the benchmark before the delete.
            BenchmarkInfo benchmark = ReadBenchmarks(connection, name, transaction).FirstOrDefault() ?? throw new BenchmarkNotFoundException(name, DatabasePath);
            Delete(connection, transaction, benchmark.Id);
            transaction.Commit();
            return benchmark;
        }
        catch (SqliteException exception) when (CacheConnection.IsUnavailable(exception))
        {
            // The transaction was rolled back, so the cache is as it was.
            throw CacheConnection.Unavailable(DatabasePath, exception);
        }
    }

    /// <summary>
    /// Opens the rows of a benchmark in file order. With <paramref name="canonicalArchitectures"/>, only the rows
    /// whose architecture is in that list.
    /// </summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name.</exception>
    public BenchmarkReader Read(string name, IReadOnlyCollection<string>? canonicalArchitectures = null)
    {
        SqliteConnection connection = CacheConnection.OpenForRead(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        try
        {
            BenchmarkInfo benchmark = ReadBenchmarks(connection, name).FirstOrDefault() ?? throw new BenchmarkNotFoundException(name, DatabasePath);
            if (canonicalArchitectures is not null)
            {
                ArchitectureIndex.Ensure(connection, new BenchmarkTable(benchmark.Id, benchmark.Columns.Count, benchmark.ArchitecturePosition));
            }

            // The index needs a write, so the snapshot starts after it, and the benchmark is found again inside it.
            CacheConnection.BeginSnapshot(connection);
            benchmark = ReadBenchmarks(connection, name).FirstOrDefault() ?? throw new BenchmarkNotFoundException(name, DatabasePath);
            return new BenchmarkReader(connection, benchmark, canonicalArchitectures);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Returns, for each architecture in the order given, the value of <paramref name="column"/> in the first stored
    /// row with that architecture, or Found = false when no row has it.
    /// </summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name.</exception>
    /// <exception cref="ArgumentException">The benchmark has no such column.</exception>
    public IReadOnlyList<ArchitectureLookup> Lookup(string name, IEnumerable<string> canonicalArchitectures, string column)
    {
        string[] wanted = canonicalArchitectures.ToArray();
        using SqliteConnection connection = CacheConnection.OpenForRead(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        (BenchmarkTable table, int position) = FindColumn(connection, name, column);
        ArchitectureIndex.Ensure(connection, table);

        // The index needs a write, so the snapshot starts after it, and the benchmark is found again inside it.
        CacheConnection.BeginSnapshot(connection);
        (table, position) = FindColumn(connection, name, column);
        using SqliteCommand select = CacheConnection.Command(connection, null, table.LookupSql(position));
        BenchmarkTable.BindArchitectures(select, wanted);

        // A long-format file lists an architecture once per task. The first row in file order gives the value, and
        // the lookup marks an architecture whose other rows hold other values.
        var found = new Dictionary<string, ArchitectureLookup>(StringComparer.Ordinal);
        using (SqliteDataReader rows = select.ExecuteReader())
        {
            while (rows.Read())
            {
                string architecture = rows.GetString(0);
                object? value = rows.IsDBNull(1) ? null : rows.GetValue(1);
                found[architecture] = found.TryGetValue(architecture, out ArchitectureLookup first)
                    ? first with { Rows = first.Rows + 1, ValuesDiffer = first.ValuesDiffer || !Equals(first.Value, value) }
                    : new ArchitectureLookup(architecture, true, value, Rows: 1);
            }
        }

        return wanted.Select(architecture => found.TryGetValue(architecture, out ArchitectureLookup lookup)
            ? lookup
            : new ArchitectureLookup(architecture, false, null)).ToArray();
    }

    /// <summary>Returns whether any row of the benchmark stores a number in <paramref name="column"/>.</summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name.</exception>
    /// <exception cref="ArgumentException">The benchmark has no such column.</exception>
    public bool HasNumbers(string name, string column)
    {
        using SqliteConnection connection = CacheConnection.OpenForRead(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        CacheConnection.BeginSnapshot(connection);
        (BenchmarkTable table, int position) = FindColumn(connection, name, column);
        return ColumnHasNumbers(connection, table, position);
    }

    /// <summary>
    /// Returns up to <paramref name="limit"/> distinct non-empty values of <paramref name="column"/> as text, in order
    /// of first appearance.
    /// </summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name.</exception>
    /// <exception cref="ArgumentException">The benchmark has no such column.</exception>
    public IReadOnlyList<string> DistinctValues(string name, string column, int limit)
    {
        using SqliteConnection connection = CacheConnection.OpenForRead(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        CacheConnection.BeginSnapshot(connection);
        (BenchmarkTable table, int position) = FindColumn(connection, name, column);
        using SqliteCommand select = CacheConnection.Command(connection, null, table.DistinctValuesSql(position));
        select.Parameters.AddWithValue("$limit", limit);

        var values = new List<string>();
        using SqliteDataReader rows = select.ExecuteReader();
        while (rows.Read())
        {
            values.Add(Convert.ToString(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    /// <summary>Returns the first value of <paramref name="column"/> that the cache stores as text, in file order, or null.</summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name.</exception>
    /// <exception cref="ArgumentException">The benchmark has no such column.</exception>
    public string? FirstText(string name, string column)
    {
        using SqliteConnection connection = CacheConnection.OpenForRead(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        CacheConnection.BeginSnapshot(connection);
        (BenchmarkTable table, int position) = FindColumn(connection, name, column);
        using SqliteCommand select = CacheConnection.Command(connection, null, table.FirstTextSql(position));
        return select.ExecuteScalar() as string;
    }

    /// <summary>Returns the columns of the benchmark in which at least one row stores a number, in column order.</summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name.</exception>
    public IReadOnlyList<string> NumericColumns(string name)
    {
        using SqliteConnection connection = CacheConnection.OpenForRead(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        CacheConnection.BeginSnapshot(connection);
        BenchmarkInfo benchmark = ReadBenchmarks(connection, name).FirstOrDefault() ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        var table = new BenchmarkTable(benchmark.Id, benchmark.Columns.Count, benchmark.ArchitecturePosition);

        var numeric = new List<string>();
        for (int position = 0; position < benchmark.Columns.Count; position++)
        {
            if (ColumnHasNumbers(connection, table, position))
            {
                numeric.Add(benchmark.Columns[position]);
            }
        }

        return numeric;
    }

    /// <summary>
    /// Returns up to <paramref name="limit"/> distinct canonical architectures of the benchmark that start with
    /// <paramref name="prefix"/> (case-sensitive), in file order, for tab completion.
    /// </summary>
    /// <exception cref="BenchmarkNotFoundException">No benchmark has that name.</exception>
    public IReadOnlyList<string> Architectures(string name, string prefix, int limit)
    {
        using SqliteConnection connection = CacheConnection.OpenForRead(DatabasePath) ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        CacheConnection.BeginSnapshot(connection);
        BenchmarkInfo benchmark = ReadBenchmarks(connection, name).FirstOrDefault() ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        var table = new BenchmarkTable(benchmark.Id, benchmark.Columns.Count, benchmark.ArchitecturePosition);

        using SqliteCommand select = CacheConnection.Command(connection, null, table.ArchitecturesSql());
        select.Parameters.AddWithValue("$prefix", prefix);
        select.Parameters.AddWithValue("$limit", limit);
        var architectures = new List<string>();
        using SqliteDataReader rows = select.ExecuteReader();
        while (rows.Read())
        {
            architectures.Add(rows.GetString(0));
        }

        return architectures;
    }

    private static bool ColumnHasNumbers(SqliteConnection connection, BenchmarkTable table, int position)
    {
        using SqliteCommand select = CacheConnection.Command(connection, null, table.HasNumbersSql(position));
        return Convert.ToInt64(select.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private (BenchmarkTable Table, int Position) FindColumn(SqliteConnection connection, string name, string column)
    {
        BenchmarkInfo benchmark = ReadBenchmarks(connection, name).FirstOrDefault() ?? throw new BenchmarkNotFoundException(name, DatabasePath);
        int position = ArchitectureColumns.Find(benchmark.Columns, column);
        if (position < 0)
        {
            throw new ArgumentException($"The benchmark '{benchmark.Name}' has no column '{column}'. Its columns are {string.Join(", ", benchmark.Columns)}.", nameof(column));
        }

        return (new BenchmarkTable(benchmark.Id, benchmark.Columns.Count, benchmark.ArchitecturePosition), position);
    }

    /// <summary>
    /// Canonicalises an architecture given in any accepted encoding, trying each search space in turn (null detects
    /// it), for lookups in the cache.
    /// </summary>
    public bool TryCanonicalize(string text, IEnumerable<SearchSpace?> searchSpaces, out string canonical, out string? error)
    {
        canonical = string.Empty;
        error = "no search space to parse it in";
        foreach (SearchSpace? searchSpace in searchSpaces)
        {
            if (_canonicalizer.TryCanonicalize(text, searchSpace, out canonical, out _, out error))
            {
                return true;
            }
        }

        return false;
    }

    // Reads every benchmark when name is null, else the one that FindId selects. A connection inside a write
    // transaction must pass it, because Microsoft.Data.Sqlite rejects a command without it.
    private List<BenchmarkInfo> ReadBenchmarks(SqliteConnection connection, string? name, SqliteTransaction? transaction = null)
    {
        long? id = null;
        if (name is not null)
        {
            id = FindId(connection, transaction, name);
            if (id is null)
            {
                return new List<BenchmarkInfo>();
            }
        }

        using SqliteCommand select = CacheConnection.Command(connection, transaction, """
            SELECT b.id, b.name, b.source, b.format, b.imported_at, b.row_count, b.architecture_column, b.search_spaces,
                   (SELECT json_group_array(name) FROM (SELECT name FROM benchmark_columns WHERE benchmark_id = b.id ORDER BY position))
            FROM benchmarks AS b
            WHERE $id IS NULL OR b.id = $id
            ORDER BY b.name;
            """);
        select.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);

        var benchmarks = new List<BenchmarkInfo>();
        using SqliteDataReader rows = select.ExecuteReader();
        while (rows.Read())
        {
            string[] columns = JsonSerializer.Deserialize<string[]>(rows.GetString(8)) ?? Array.Empty<string>();
            int architecturePosition = rows.GetInt32(6);
            benchmarks.Add(new BenchmarkInfo
            {
                Id = rows.GetInt64(0),
                Name = rows.GetString(1),
                Source = rows.GetString(2),
                Format = rows.GetString(3),
                ImportedAt = DateTimeOffset.Parse(rows.GetString(4), System.Globalization.CultureInfo.InvariantCulture),
                Rows = rows.GetInt64(5),
                ArchitecturePosition = architecturePosition,
                ArchitectureColumn = columns[architecturePosition],
                SearchSpaces = rows.GetString(7).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => Enum.Parse<SearchSpace>(name).ToString()).ToArray(),
                Columns = columns,
                Database = DatabasePath,
            });
        }

        return benchmarks;
    }

    /// <summary>
    /// Returns the id of the benchmark that <paramref name="name"/> selects by <see cref="BenchmarkNames.Find"/>, or
    /// null. A cache contains few benchmarks, so all names are read and compared here rather than in SQL.
    /// </summary>
    internal static long? FindId(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        using (SqliteCommand select = CacheConnection.Command(connection, transaction, "SELECT id, name FROM benchmarks;"))
        using (SqliteDataReader rows = select.ExecuteReader())
        {
            while (rows.Read())
            {
                ids[rows.GetString(1)] = rows.GetInt64(0);
            }
        }

        return BenchmarkNames.Find(ids.Keys, name) is { } stored ? ids[stored] : null;
    }

    /// <summary>
    /// Deletes everything the cache stores for one benchmark: its rows table, which takes the architecture index with
    /// it, its column names and its entry in benchmarks. A replace with -Force and a removal both delete through here.
    /// </summary>
    internal static void Delete(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        CacheConnection.Execute(connection, new BenchmarkTable(id, 0, 0).DropSql(), transaction);

        // ON DELETE CASCADE runs only when foreign keys are on, which the cache leaves to how SQLite was built.
        using SqliteCommand delete = CacheConnection.Command(connection, transaction, "DELETE FROM benchmark_columns WHERE benchmark_id = $id; DELETE FROM benchmarks WHERE id = $id;");
        delete.Parameters.AddWithValue("$id", id);
        delete.ExecuteNonQuery();
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Canopy.Storage.Cache;

/// <summary>Opens the cache file with the settings every reader and writer shares.</summary>
internal static class CacheConnection
{
    /// <summary>How long a statement waits for another process's write lock before it fails, in seconds.</summary>
    public const int BusyTimeoutSeconds = 30;

    /// <summary>
    /// The page size of a new cache file, in bytes. Four times SQLite's default of 4,096 means a quarter as many
    /// pages to write, log and checkpoint per imported row. That cut the writing thread's CPU time for NATS-Bench
    /// from about 28 to 22 ms in one measurement on a 2-core machine.
    /// </summary>
    public const int PageSize = 16384;

    // SQLite's busy timeout while a writer waits for the write lock, below the one second that Microsoft.Data.Sqlite
    // retries for, so each attempt ends within about a second.
    private const int WriteWaitMilliseconds = 200;

    /// <summary>Opens the file for writing, creating it, its folder and the schema when they are missing.</summary>
    /// <exception cref="CacheUnavailableException">The path is a folder, or the file, its folder or its -wal or -shm
    /// file cannot be created or written.</exception>
    public static SqliteConnection OpenForWrite(string databasePath)
    {
        RejectFolder(databasePath);
        RejectFileAsFolder(databasePath);
        CreateFolder(databasePath);
        RejectReadOnlySideFiles(databasePath);

        return Prepare(Open(databasePath, databasePath, SqliteOpenMode.ReadWriteCreate), databasePath, connection =>
        {
            // When this process may not write the file, SQLite opens it read-only without an error, and the first
            // write of the import would fail.
            if (IsReadOnly(connection))
            {
                throw new CacheUnavailableException(databasePath, $"The cache file {databasePath} is read-only, so the import cannot write it. Make the file writable, or choose another -Database.");
            }

            CacheSchema.CheckReadable(connection, databasePath);

            // WAL lets other processes read the last committed content while an import writes. With WAL,
            // synchronous=NORMAL cannot corrupt the file, though a power cut may lose the last commits.
            // The page size takes effect only in a new, empty file, before WAL is switched on; elsewhere it is ignored.
            Execute(connection, $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            CacheSchema.EnsureCurrent(connection, databasePath);
        });
    }

    /// <summary>
    /// Opens an existing cache file for a removal, or returns null when the file does not exist or contains no
    /// schema yet. Unlike <see cref="OpenForWrite"/>, it creates no file, folder or schema.
    /// </summary>
    /// <exception cref="CacheUnavailableException">The path is a folder or passes through a file, or the file or its
    /// -wal or -shm file cannot be written.</exception>
    public static SqliteConnection? OpenExistingForWrite(string databasePath)
    {
        RejectFolder(databasePath);
        if (!File.Exists(databasePath))
        {
            RejectFileAsFolder(databasePath);
            return null;
        }

        RejectReadOnlySideFiles(databasePath);
        long version = 0;
        SqliteConnection connection = Prepare(Open(databasePath, databasePath, SqliteOpenMode.ReadWrite), databasePath, opened =>
        {
            if (IsReadOnly(opened))
            {
                throw new CacheUnavailableException(databasePath, $"The cache file {databasePath} is read-only, so no benchmark can be removed from it. Make the file writable, or choose another -Database.");
            }

            // An empty file is left as it is, because switching it to WAL writes its first page.
            version = CacheSchema.CheckReadable(opened, databasePath);
            if (version > 0)
            {
                Execute(opened, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            }
        });

        if (version == 0)
        {
            connection.Dispose();
            return null;
        }

        return connection;
    }

    /// <summary>
    /// Opens an existing file for reading, or returns null when the file does not exist yet or contains no schema, such
    /// as an empty file made by touch or by a first import that has not committed.
    /// </summary>
    /// <exception cref="CacheUnavailableException">The path is a folder, part of it is a file, or SQLite cannot open
    /// the file.</exception>
    public static SqliteConnection? OpenForRead(string databasePath)
    {
        RejectFolder(databasePath);
        if (!File.Exists(databasePath))
        {
            RejectFileAsFolder(databasePath);
            return null;
        }

        SqliteConnection connection;
        try
        {
            connection = OpenFile(databasePath);
        }
        catch (CacheUnavailableException exception) when (exception.InnerException is SqliteException cause)
        {
            // WAL needs the -shm file beside the cache, which a reader without write access to the folder cannot create.
            connection = OpenUnchanging(databasePath, cause);
        }

        if (CacheSchema.CheckReadable(connection, databasePath) == 0)
        {
            connection.Dispose();
            return null;
        }

        return connection;
    }

    /// <summary>
    /// Starts a write transaction. While another process writes the cache, it tries again about once a second, so
    /// that a cancellation ends the wait, and gives up after <see cref="BusyTimeoutSeconds"/>.
    /// </summary>
    /// <param name="lockWait">Told on this thread when another process holds the write lock, and when the lock is then taken.</param>
    /// <param name="limit">How long to wait for the write lock; <see cref="BusyTimeoutSeconds"/> when null.</param>
    /// <exception cref="CacheBusyException">Another process held the write lock for the whole time.</exception>
    /// <exception cref="CacheUnavailableException">SQLite may read the file but not write it.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    public static SqliteTransaction BeginWrite(SqliteConnection connection, string databasePath, CancellationToken cancellationToken = default, IWriteLockWait? lockWait = null, TimeSpan? limit = null)
    {
        TimeSpan longest = limit ?? TimeSpan.FromSeconds(BusyTimeoutSeconds);
        var waited = Stopwatch.StartNew();
        bool reported = false;

        // Microsoft.Data.Sqlite retries a busy statement until the command timeout, which counts whole seconds, so
        // the shortest is one second and SQLite's busy handler must wait less than that.
        connection.DefaultTimeout = 1;
        raw.sqlite3_busy_timeout(connection.Handle, WriteWaitMilliseconds);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    SqliteTransaction transaction = connection.BeginTransaction();
                    if (reported)
                    {
                        lockWait?.Acquired(waited.Elapsed);
                    }

                    return transaction;
                }
                catch (SqliteException exception) when (IsBusy(exception) && waited.Elapsed < longest)
                {
                    if (!reported)
                    {
                        reported = true;
                        lockWait?.Started(waited.Elapsed);
                    }
                }
            }
        }
        catch (SqliteException exception) when (IsBusy(exception))
        {
            throw new CacheBusyException(databasePath, $"Another connection held the write lock of the cache {databasePath} for {longest.TotalSeconds:0.#} s, so nothing was changed. Run the command again when the other import or removal has finished, or choose another -Database.", exception);
        }
        catch (SqliteException exception) when (IsUnavailable(exception))
        {
            throw Unavailable(databasePath, exception);
        }
        finally
        {
            connection.DefaultTimeout = BusyTimeoutSeconds;
            raw.sqlite3_busy_timeout(connection.Handle, BusyTimeoutSeconds * 1000);
        }
    }

    /// <summary>
    /// Starts a read transaction, so that every later read on the connection reads the cache as it was at the first
    /// one. Another process may replace a benchmark with -Force in between, which drops the table that a name lookup
    /// found before the rows are read. The transaction ends when the connection is closed.
    /// </summary>
    public static void BeginSnapshot(SqliteConnection connection) => Execute(connection, "BEGIN DEFERRED;");

    /// <summary>
    /// Creates the exception for an SQLite error on a cache that opened, naming the file. A damaged file
    /// (SQLITE_CORRUPT or SQLITE_NOTADB) gets the advice to rebuild it, since no command of Canopy can repair it.
    /// </summary>
    public static CacheUnavailableException Failed(string databasePath, SqliteException exception)
    {
        string reported = exception.Message.TrimEnd('.');
        return new CacheUnavailableException(
            databasePath,
            exception.SqliteErrorCode is 11 or 26
                ? $"The cache file {databasePath} is damaged ({reported}). Delete it, with any -wal and -shm files beside it, and import the benchmarks again, or restore a copy."
                : $"SQLite failed on the cache {databasePath} ({reported}).",
            exception);
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Creates a command for <paramref name="sql"/>. A connection inside a write transaction must pass it, because
    /// Microsoft.Data.Sqlite rejects a command without it.
    /// </summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    // SQLITE_BUSY and SQLITE_LOCKED: another connection has taken the lock.
    private static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is 5 or 6;

    /// <summary>Whether SQLite may not write <paramref name="exception"/>'s file: SQLITE_PERM, SQLITE_READONLY,
    /// SQLITE_IOERR, SQLITE_CANTOPEN or SQLITE_AUTH.</summary>
    internal static bool IsUnavailable(SqliteException exception) => exception.SqliteErrorCode is 3 or 8 or 10 or 14 or 23;

    internal static CacheUnavailableException Unavailable(string databasePath, SqliteException exception) =>
        new(databasePath, $"SQLite cannot open or write the cache {databasePath} ({exception.Message}). Check that you may read and write the file and its folder, or choose another -Database.", exception);

    // Opens the cache file itself for reading. A read through SQLite's read-only fallback would leave -wal and -shm
    // files with the cache's read-only mode, which block every later import, so such a file is read immutable.
    private static SqliteConnection OpenFile(string databasePath)
    {
        SqliteConnection connection = Open(databasePath, databasePath, SqliteOpenMode.ReadWrite);
        if (IsReadOnly(connection) && !HasLoggedChanges(databasePath))
        {
            connection.Dispose();
            return OpenImmutable(databasePath);
        }

        return Prepare(connection, databasePath, opened => CacheSchema.CheckReadable(opened, databasePath));
    }

    // Opens a connection and checks that the file is a Canopy cache that this release reads.
    private static SqliteConnection OpenReadable(string dataSource, string databasePath, SqliteOpenMode mode) =>
        Prepare(Open(dataSource, databasePath, mode), databasePath, connection => CacheSchema.CheckReadable(connection, databasePath));

    // Opens a cache that this process may not write as immutable: SQLite then reads the main file without locks and
    // without the -shm file. That is safe only when no -wal file contains committed rows that the main file lacks.
    // NOTE: a process that may write the file and checkpoints while this one reads could show it a mix of pages.
    private static SqliteConnection OpenUnchanging(string databasePath, SqliteException cause)
    {
        if (HasLoggedChanges(databasePath))
        {
            throw new CacheUnavailableException(databasePath, $"SQLite cannot open the cache {databasePath} for reading ({cause.Message}), and its write-ahead log {databasePath}-wal contains changes that only a process with write access can read. Open the cache once with write access, or choose another -Database.", cause);
        }

        try
        {
            return OpenImmutable(databasePath);
        }
        catch (CacheUnavailableException)
        {
            throw Unavailable(databasePath, cause);
        }
    }

    private static SqliteConnection OpenImmutable(string databasePath)
    {
        string uri = new Uri(Path.GetFullPath(databasePath)).AbsoluteUri + "?immutable=1";
        return OpenReadable(uri, databasePath, SqliteOpenMode.ReadOnly);
    }

    // A non-empty -wal file may contain committed rows that the main file lacks, which an immutable read would miss.
    private static bool HasLoggedChanges(string databasePath)
    {
        var log = new FileInfo(databasePath + "-wal");
        return log.Exists && log.Length > 0;
    }

    // SQLite reports whether it fell back to opening the file read-only. Opening reads nothing yet, so this check
    // comes before any -wal or -shm file is created.
    private static bool IsReadOnly(SqliteConnection connection) => raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

    // SQLite opens a -shm file that it may not write read-only, and then fails on the first write with a message
    // that names only the cache. A leftover read-only -wal file stops the import in the same way.
    private static void RejectReadOnlySideFiles(string databasePath)
    {
        foreach ((string suffix, string kind) in new[] { ("-wal", "write-ahead log"), ("-shm", "shared-memory file") })
        {
            string sideFile = databasePath + suffix;
            if (FilePermissions.IsReadOnly(sideFile))
            {
                throw new CacheUnavailableException(databasePath, $"The cache {databasePath} cannot be written, because its {kind} {sideFile} is read-only. Make {sideFile} writable as well as the cache file, or choose another -Database.");
            }
        }
    }

    private static SqliteConnection Open(string dataSource, string databasePath, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = mode,
            DefaultTimeout = BusyTimeoutSeconds,

            // A pooled connection would keep the file open after the cmdlet ends, and a replaced file stale.
            Pooling = false,
        };

        return Prepare(new SqliteConnection(builder.ToString()), databasePath, connection =>
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
        });
    }

    // Runs the first statements on a new connection, and disposes of the connection when they fail. An SQLite error
    // that means the file cannot be opened or written becomes CacheUnavailableException.
    private static SqliteConnection Prepare(SqliteConnection connection, string databasePath, Action<SqliteConnection> prepare)
    {
        try
        {
            prepare(connection);
            return connection;
        }
        catch (SqliteException exception) when (IsUnavailable(exception))
        {
            connection.Dispose();
            throw Unavailable(databasePath, exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // File.Exists is false for a folder, so a read would list no benchmarks, and SQLite's error on a write does not
    // name the path.
    private static void RejectFolder(string databasePath)
    {
        if (Directory.Exists(databasePath))
        {
            throw new CacheUnavailableException(databasePath, $"The cache path {databasePath} is a folder. Give -Database, or CANOPY_DATABASE, the path of a file, such as {Path.Combine(databasePath, "benchmarks.db")}.");
        }
    }

    // No import can ever create a cache under a file, so a read reports it rather than an empty cache.
    private static void RejectFileAsFolder(string databasePath)
    {
        for (string? folder = Path.GetDirectoryName(databasePath); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                throw new CacheUnavailableException(databasePath, $"The cache path {databasePath} cannot be used, because {folder} is a file, not a folder. Choose another -Database.");
            }

            if (Directory.Exists(folder))
            {
                return;
            }
        }
    }

    private static void CreateFolder(string databasePath)
    {
        string? folder = Path.GetDirectoryName(databasePath);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CacheUnavailableException(databasePath, $"The folder {folder} for the cache {databasePath} cannot be created. {exception.Message} Choose another -Database.", exception);
        }
    }
}

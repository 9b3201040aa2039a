using System.IO;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage;

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

    /// <summary>Opens the file for writing, creating it, its folder and the schema when they are missing.</summary>
    public static SqliteConnection OpenForWrite(string databasePath)
    {
        string? folder = Path.GetDirectoryName(databasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        SqliteConnection connection = Open(databasePath, SqliteOpenMode.ReadWriteCreate);
        try
        {
            CacheSchema.CheckReadable(connection, databasePath);

            // WAL lets other processes read the last committed content while an import writes. With WAL,
            // synchronous=NORMAL cannot corrupt the file, though a power cut may lose the last commits.
            // The page size takes effect only in a new, empty file, before WAL is switched on; elsewhere it is ignored.
            Execute(connection, $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            CacheSchema.EnsureCurrent(connection, databasePath);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing file for reading, or returns null when the file does not exist yet.</summary>
    public static SqliteConnection? OpenForRead(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        SqliteConnection connection = Open(databasePath, SqliteOpenMode.ReadWrite);
        try
        {
            CacheSchema.CheckReadable(connection, databasePath);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string databasePath, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = mode,
            DefaultTimeout = BusyTimeoutSeconds,

            // A pooled connection would keep the file open after the cmdlet ends, and a replaced file stale.
            Pooling = false,
        };

        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}

using System;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage.Cache;

/// <summary>
/// Creates and checks the cache schema. PRAGMA user_version stores the schema version, so a later release can
/// migrate an older file, and PRAGMA application_id marks the file as a Canopy cache.
/// </summary>
internal static class CacheSchema
{
    /// <summary>The schema version this release writes and reads.</summary>
    public const long CurrentVersion = 1;

    /// <summary>"CNPY" in ASCII, stored in the SQLite header to tell a Canopy cache from other SQLite files.</summary>
    public const long ApplicationId = 0x434E5059;

    private const string CreateVersion1 = """
        CREATE TABLE benchmarks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            architecture_column INTEGER NOT NULL,
            search_spaces TEXT NOT NULL
        );
        CREATE TABLE benchmark_columns (
            benchmark_id INTEGER NOT NULL REFERENCES benchmarks (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (benchmark_id, position)
        ) WITHOUT ROWID;
        """;

    /// <summary>Creates the schema in an empty file, migrates an older one, and rejects anything else.</summary>
    public static void EnsureCurrent(SqliteConnection connection, string databasePath)
    {
        long version = CheckReadable(connection, databasePath);
        if (version == CurrentVersion)
        {
            return;
        }

        using SqliteTransaction transaction = connection.BeginTransaction();

        // Another process may have created the schema between the check and the write lock.
        if (ReadVersion(connection, transaction) == CurrentVersion)
        {
            return;
        }

        CacheConnection.Execute(connection, CreateVersion1, transaction);
        CacheConnection.Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {CurrentVersion};", transaction);
        transaction.Commit();
    }

    /// <summary>
    /// Returns the file's schema version (0 for an empty file), or throws CacheFormatException for a file of
    /// another program or of a newer release.
    /// </summary>
    public static long CheckReadable(SqliteConnection connection, string databasePath)
    {
        long version;
        long applicationId;
        long tableCount;
        try
        {
            version = ReadVersion(connection, null);
            applicationId = Scalar(connection, "PRAGMA application_id;");
            tableCount = Scalar(connection, "SELECT count(*) FROM sqlite_master;");
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 26)
        {
            // SQLITE_NOTADB: the file exists but is not an SQLite database.
            throw new CacheFormatException(databasePath, $"The file {databasePath} is not an SQLite database, so it cannot be a Canopy benchmark cache. Choose another -Database.", exception);
        }

        if (version == 0 && tableCount == 0)
        {
            return 0;
        }

        if (applicationId != ApplicationId)
        {
            throw new CacheFormatException(databasePath, $"The file {databasePath} is an SQLite database of another program, not a Canopy benchmark cache. Choose another -Database.");
        }

        if (version > CurrentVersion)
        {
            throw new CacheFormatException(databasePath, $"The cache {databasePath} has schema version {version}, newer than version {CurrentVersion} that this release of Canopy reads. Update Canopy, or choose another -Database.")
            {
                NewerVersion = version,
            };
        }

        // Version 1 is the first schema, so no older file needs migrating yet; a version 2 adds its steps here.
        return version;
    }

    private static long ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}

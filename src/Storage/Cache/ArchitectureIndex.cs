using Microsoft.Data.Sqlite;

namespace Canopy.Storage.Cache;

/// <summary>
/// The index on a benchmark's architecture hashes, built by the first lookup by architecture rather than by the
/// import. An import then stores rows and nothing else, and a benchmark that is only read back never pays for it.
/// </summary>
/// <remarks>
/// A lookup that cannot build the index reads the whole table instead, with the same result: the file may be
/// read-only, or another process may be importing. It waits at most about a second for another writer.
/// </remarks>
internal static class ArchitectureIndex
{
    /// <summary>
    /// SQLite's busy timeout while the index is built. With the command's one-second timeout on top, a lookup waits
    /// about a second at most for another writer before it reads the table without the index.
    /// </summary>
    private const int WriteWaitMilliseconds = 200;

    /// <summary>Builds the index unless it exists, and returns false when the lookup has to read the whole table.</summary>
    public static bool Ensure(SqliteConnection connection, BenchmarkTable table)
    {
        if (Exists(connection, table))
        {
            return true;
        }

        // SQLite's own busy handler would wait the connection's full timeout for an import to finish.
        CacheConnection.Execute(connection, $"PRAGMA busy_timeout = {WriteWaitMilliseconds};");
        try
        {
            using SqliteCommand create = connection.CreateCommand();
            create.CommandText = table.CreateIndexSql();
            create.CommandTimeout = 1;
            create.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException exception) when (CannotWrite(exception) || IsMissingTable(exception))
        {
            return false;
        }
        finally
        {
            CacheConnection.Execute(connection, $"PRAGMA busy_timeout = {CacheConnection.BusyTimeoutSeconds * 1000};");
        }
    }

    /// <summary>Returns whether the index of <paramref name="table"/> exists.</summary>
    public static bool Exists(SqliteConnection connection, BenchmarkTable table)
    {
        using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = $name;";
        select.Parameters.AddWithValue("$name", table.IndexName);
        return (long)select.ExecuteScalar()! > 0;
    }

    // A replace with -Force may drop the table after the lookup found it, and the lookup then reads the new table.
    private static bool IsMissingTable(SqliteException exception) =>
        exception.SqliteErrorCode == 1 && exception.Message.Contains("no such table", System.StringComparison.Ordinal);

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY and SQLITE_PERM: another process writes, or this one may not.
    private static bool CannotWrite(SqliteException exception) => exception.SqliteErrorCode is 5 or 6 or 8 or 3;
}

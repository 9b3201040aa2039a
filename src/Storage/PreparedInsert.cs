using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Canopy.Storage;

/// <summary>
/// One prepared INSERT executed through SQLitePCL's raw API with positional parameters. Microsoft.Data.Sqlite looks
/// every parameter up by name on each execution, a native call per parameter and row that this avoids.
/// Text is bound as UTF-16, which SQLite converts without a managed UTF-8 copy per value. The statement runs
/// inside whatever transaction the connection has open.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public PreparedInsert(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The cache connection is not open.");
        int result = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(result, _database);
    }

    /// <summary>Binds the 1-based parameter <paramref name="index"/> to a long, double, string or null.</summary>
    public void Bind(int index, object? value)
    {
        int result = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            long whole => raw.sqlite3_bind_int64(_statement, index, whole),
            int whole => raw.sqlite3_bind_int64(_statement, index, whole),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            string text => raw.sqlite3_bind_text16(_statement, index, text),
            _ => throw new ArgumentException($"The cache stores long, double, string or null, not {value.GetType().Name}.", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(result, _database);
    }

    /// <summary>Inserts the bound row and resets the statement for the next one.</summary>
    public void Execute()
    {
        int result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    public void Dispose() => _statement.Dispose();
}

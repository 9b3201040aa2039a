using System;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Canopy.Storage.Import;

/// <summary>
/// One prepared INSERT of a fixed number of rows, executed through SQLitePCL's raw API with positional parameters.
/// Microsoft.Data.Sqlite looks every parameter up by name on each execution, a native call per parameter and row
/// that this avoids. The statement runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[256];

    public PreparedInsert(SqliteConnection connection, string sql, int rows)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The cache connection is not open.");
        int result = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(result, _database);
        Rows = rows;
    }

    /// <summary>How many rows one execution inserts.</summary>
    public int Rows { get; }

    /// <summary>Binds the 1-based parameter <paramref name="index"/> to a long, double, string or null.</summary>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                Check(raw.sqlite3_bind_null(_statement, index));
                break;
            case long whole:
                Check(raw.sqlite3_bind_int64(_statement, index, whole));
                break;
            case double real:
                Check(raw.sqlite3_bind_double(_statement, index, real));
                break;
            case string text:
                BindText(index, text);
                break;
            default:
                throw new ArgumentException($"The cache stores long, double, string or null, not {value.GetType().Name}.", nameof(value));
        }
    }

    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>
    /// Binds text as UTF-8, the database's encoding. .NET's vectorised encoder is cheaper than SQLite's conversion
    /// of UTF-16 text, which was the largest single cost of inserting a row. SQLite copies the bytes.
    /// </summary>
    public void BindText(int index, string text)
    {
        int maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (maxBytes > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(maxBytes, _utf8.Length * 2)];
        }

        int length = Encoding.UTF8.GetBytes(text, _utf8);
        BindText(index, _utf8.AsSpan(0, length));
    }

    /// <summary>Binds UTF-8 text; SQLite copies the bytes. An empty span binds NULL, as an empty string always did.</summary>
    public void BindText(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    /// <summary>Inserts the bound rows and resets the statement for the next ones.</summary>
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

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}

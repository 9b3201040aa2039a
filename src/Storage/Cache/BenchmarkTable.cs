using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Canopy.Storage.Cache;

/// <summary>
/// SQL text for the table that stores one benchmark's rows. Table and column identifiers are built from the
/// benchmark's integer id and column positions only, so no benchmark or column name ever reaches SQL text.
/// </summary>
/// <remarks>
/// Columns: ordinal (the row's position in the file, also the rowid), line (its 1-based line in the file),
/// search_space (the architecture's search space), architecture_hash (<see cref="ArchitectureHash"/> of the
/// canonical architecture, indexed), then c0, c1, ... in file order. The architecture column contains the canonical
/// architecture. The value columns have no declared type, so SQLite stores each value with the storage class it was
/// given: INTEGER, REAL, TEXT or NULL.
/// </remarks>
internal sealed class BenchmarkTable
{
    /// <summary>The most file columns one benchmark may have: SQLite's default limit of 2000 columns per table,
    /// less ordinal, line, search_space and architecture_hash.</summary>
    public const int MaxColumns = 1996;

    public BenchmarkTable(long benchmarkId, int columnCount, int architectureColumn)
    {
        Id = benchmarkId;
        Name = "benchmark_" + benchmarkId.ToString(CultureInfo.InvariantCulture);
        ColumnCount = columnCount;
        ArchitectureColumn = architectureColumn;
    }

    public long Id { get; }

    public string Name { get; }

    public int ColumnCount { get; private set; }

    public int ArchitectureColumn { get; }

    public static string ValueColumn(int position) => "c" + position.ToString(CultureInfo.InvariantCulture);

    public string CreateSql() =>
        $"CREATE TABLE {Name} (ordinal INTEGER PRIMARY KEY, line INTEGER NOT NULL, search_space TEXT NOT NULL, architecture_hash INTEGER NOT NULL{string.Concat(ValueColumns().Select(column => ", " + column))});";

    /// <summary>SQL that adds one more value column, for a JSON property that first appears after the first record.</summary>
    public string AddColumnSql()
    {
        string sql = $"ALTER TABLE {Name} ADD COLUMN {ValueColumn(ColumnCount)};";
        ColumnCount++;
        return sql;
    }

    /// <summary>How many parameters one row of <see cref="InsertSql"/> binds: line, search space, hash and the values.</summary>
    public int ParametersPerRow => 3 + ColumnCount;

    /// <summary>
    /// An INSERT of <paramref name="rows"/> rows, each with the parameters line, search space, architecture hash and
    /// c0..cN in that order, so row r's first parameter is r * <see cref="ParametersPerRow"/> + 1.
    /// </summary>
    public string InsertSql(int rows)
    {
        string row = "(?, ?, ?" + string.Concat(Enumerable.Repeat(", ?", ColumnCount)) + ")";
        return $"INSERT INTO {Name} (line, search_space, architecture_hash{string.Concat(ValueColumns().Select(column => ", " + column))}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))};";
    }

    /// <summary>The name of the index that <see cref="ArchitectureIndex"/> builds on the architecture hashes.</summary>
    public string IndexName => Name + "_architecture";

    // An index of 8-byte hashes is a fraction of the size of one on the architecture strings, and quicker to build.
    public string CreateIndexSql() => $"CREATE INDEX IF NOT EXISTS {IndexName} ON {Name} (architecture_hash);";

    public string DropSql() => $"DROP TABLE IF EXISTS {Name};";

    /// <summary>A SELECT of the value columns and the search space in stored order, optionally only the rows whose
    /// architecture is in the JSON array $architectures, with their hashes in the JSON array $hashes.</summary>
    public string SelectSql(bool filterByArchitecture) =>
        $"SELECT {string.Join(", ", ValueColumns())}, search_space FROM {Name}"
        + (filterByArchitecture ? " WHERE " + ArchitectureFilter : string.Empty)
        + " ORDER BY ordinal;";

    /// <summary>A SELECT of architecture and one value column for the architectures in $architectures and $hashes.</summary>
    public string LookupSql(int column) =>
        $"SELECT {ValueColumn(ArchitectureColumn)}, {ValueColumn(column)} FROM {Name} WHERE {ArchitectureFilter} ORDER BY ordinal;";

    /// <summary>A SELECT of the distinct architectures that start with $prefix, in order of first appearance, at most
    /// $limit of them.</summary>
    public string ArchitecturesSql()
    {
        string architecture = ValueColumn(ArchitectureColumn);
        return $"SELECT {architecture} FROM {Name} WHERE substr({architecture}, 1, length($prefix)) = $prefix GROUP BY {architecture} ORDER BY min(ordinal) LIMIT $limit;";
    }

    /// <summary>A SELECT of the distinct non-empty values of a value column, in order of first appearance, at most
    /// $limit of them.</summary>
    public string DistinctValuesSql(int column)
    {
        string value = ValueColumn(column);
        return $"SELECT {value} FROM {Name} WHERE {value} IS NOT NULL AND trim({value}) <> '' GROUP BY {value} ORDER BY min(ordinal) LIMIT $limit;";
    }

    /// <summary>A SELECT that gives 1 when any row stores a number in the value column, and 0 otherwise.</summary>
    public string HasNumbersSql(int column) =>
        $"SELECT EXISTS (SELECT 1 FROM {Name} WHERE typeof({ValueColumn(column)}) IN ('integer', 'real'));";

    /// <summary>A SELECT of the first text value of the value column in file order, for a message that quotes it.</summary>
    public string FirstTextSql(int column) =>
        $"SELECT {ValueColumn(column)} FROM {Name} WHERE typeof({ValueColumn(column)}) = 'text' ORDER BY ordinal LIMIT 1;";

    /// <summary>Binds $architectures and $hashes of <see cref="SelectSql"/> and <see cref="LookupSql"/>.</summary>
    public static void BindArchitectures(SqliteCommand command, IReadOnlyCollection<string> canonicalArchitectures)
    {
        command.Parameters.AddWithValue("$architectures", JsonSerializer.Serialize(canonicalArchitectures));
        command.Parameters.AddWithValue("$hashes", JsonSerializer.Serialize(canonicalArchitectures.Select(ArchitectureHash.Compute)));
    }

    /// <summary>Binds $architectures and $hashes of <see cref="SelectSql"/> in a statement prepared with SQLitePCL.</summary>
    public static void BindArchitectures(sqlite3_stmt statement, IReadOnlyCollection<string> canonicalArchitectures)
    {
        BindText(statement, "$architectures", JsonSerializer.Serialize(canonicalArchitectures));
        BindText(statement, "$hashes", JsonSerializer.Serialize(canonicalArchitectures.Select(ArchitectureHash.Compute)));
    }

    // The hash finds the candidate rows through the index, and the string comparison removes hash collisions.
    private string ArchitectureFilter =>
        $"architecture_hash IN (SELECT value FROM json_each($hashes)) AND {ValueColumn(ArchitectureColumn)} IN (SELECT value FROM json_each($architectures))";

    private static void BindText(sqlite3_stmt statement, string parameter, string value)
    {
        int index = raw.sqlite3_bind_parameter_index(statement, parameter);
        sqlite3 database = raw.sqlite3_db_handle(statement);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(statement, index, value), database);
    }

    private IEnumerable<string> ValueColumns() => Enumerable.Range(0, ColumnCount).Select(ValueColumn);
}

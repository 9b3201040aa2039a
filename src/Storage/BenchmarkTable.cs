using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Canopy.Storage;

/// <summary>
/// SQL text for the table that holds one benchmark's rows. Table and column identifiers are built from the
/// benchmark's integer id and column positions only, so no benchmark or column name ever reaches SQL text.
/// </summary>
/// <remarks>
/// Columns: ordinal (the row's position in the file, also the rowid), line (its 1-based line in the file),
/// search_space (the architecture's search space), then c0, c1, ... in file order. The architecture column holds
/// the canonical architecture and carries an index. The value columns have no declared type, so SQLite stores each
/// value with the storage class it was given: INTEGER, REAL, TEXT or NULL.
/// </remarks>
internal sealed class BenchmarkTable
{
    /// <summary>The most file columns one benchmark may have: SQLite's default limit of 2000 columns per table,
    /// less ordinal, line and search_space.</summary>
    public const int MaxColumns = 1997;

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
        $"CREATE TABLE {Name} (ordinal INTEGER PRIMARY KEY, line INTEGER NOT NULL, search_space TEXT NOT NULL{string.Concat(ValueColumns().Select(column => ", " + column))});";

    /// <summary>SQL that adds one more value column, for a JSON property that first appears after the first record.</summary>
    public string AddColumnSql()
    {
        string sql = $"ALTER TABLE {Name} ADD COLUMN {ValueColumn(ColumnCount)};";
        ColumnCount++;
        return sql;
    }

    /// <summary>An INSERT with parameters $line, $space and $c0..$cN.</summary>
    public string InsertSql() =>
        $"INSERT INTO {Name} (line, search_space{string.Concat(ValueColumns().Select(column => ", " + column))}) VALUES ($line, $space{string.Concat(ValueColumns().Select(column => ", $" + column))});";

    public string CreateIndexSql() => $"CREATE INDEX {Name}_architecture ON {Name} ({ValueColumn(ArchitectureColumn)});";

    public string DropSql() => $"DROP TABLE IF EXISTS {Name};";

    /// <summary>A SELECT of the value columns and the search space in stored order, optionally only the rows whose
    /// architecture is in the JSON array bound to $architectures.</summary>
    public string SelectSql(bool filterByArchitecture) =>
        $"SELECT {string.Join(", ", ValueColumns())}, search_space FROM {Name}"
        + (filterByArchitecture ? $" WHERE {ValueColumn(ArchitectureColumn)} IN (SELECT value FROM json_each($architectures))" : string.Empty)
        + " ORDER BY ordinal;";

    /// <summary>A SELECT of architecture and one value column for the architectures in the JSON array $architectures.</summary>
    public string LookupSql(int column) =>
        $"SELECT {ValueColumn(ArchitectureColumn)}, {ValueColumn(column)} FROM {Name} WHERE {ValueColumn(ArchitectureColumn)} IN (SELECT value FROM json_each($architectures)) ORDER BY ordinal;";

    private IEnumerable<string> ValueColumns() => Enumerable.Range(0, ColumnCount).Select(ValueColumn);
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Canopy.Storage;
using Canopy.Storage.Reading;
using Microsoft.Data.Sqlite;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.ImportTransactionTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class RemoveTests
{
    [Fact]
    public void RemoveDeletesRowsIndexAndColumns()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n{Nb201ResNet},3\n"));
        long id = BenchmarkId(cache, "sweep");

        // A lookup by architecture builds the index, so the removal has to drop it too.
        cache.Store.Lookup("sweep", new[] { Canonical(cache, Nb201Best) }, "acc");
        Assert.Contains($"benchmark_{id}_architecture", SchemaObjects(cache));

        BenchmarkInfo removed = cache.Store.Remove("sweep");

        Assert.Equal("sweep", removed.Name);
        Assert.Equal(3, removed.Rows);
        Assert.Equal(cache.DatabasePath, removed.Database);
        Assert.Empty(cache.Store.List());
        Assert.Null(cache.Store.Find("sweep"));
        Assert.DoesNotContain($"benchmark_{id}", SchemaObjects(cache));
        Assert.DoesNotContain($"benchmark_{id}_architecture", SchemaObjects(cache));
        Assert.Equal(0, Scalar(cache, $"SELECT count(*) FROM benchmark_columns WHERE benchmark_id = {id};"));
        Assert.Equal(0, Scalar(cache, $"SELECT count(*) FROM benchmarks WHERE id = {id};"));
    }

    [Fact]
    public void RemoveLeavesOtherBenchmarksWhole()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("first.csv", $"arch,acc\n{Nb201First},1\n"));
        cache.Import(cache.WriteText("second.csv", $"arch,acc,epochs\n{Nb201Best},2.5,200\n{Nb201ResNet},3,12\n"));
        cache.Import(cache.WriteText("third.csv", $"arch,loss\n{Nb201ResNet},0.25\n"));

        cache.Store.Remove("second");

        Assert.Equal(new[] { "first", "third" }, cache.Store.List().Select(benchmark => benchmark.Name));
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "first", out BenchmarkInfo first).Single());
        Assert.Equal(new object?[] { Canonical(cache, Nb201ResNet), 0.25 }, ReadAll(cache.Store, "third", out BenchmarkInfo third).Single());
        Assert.Equal(new[] { "arch", "acc" }, first.Columns);
        Assert.Equal(new[] { "arch", "loss" }, third.Columns);
        Assert.Equal(2, CountTables(cache));
    }

    [Fact]
    public void RemoveComparesNamesIgnoringCase()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"), name: "résultats");

        BenchmarkInfo removed = cache.Store.Remove("RÉSULTATS");

        Assert.Equal("résultats", removed.Name);
        Assert.Empty(cache.Store.List());
    }

    [Fact]
    public void ImportAfterRemoveIsAFirstImport()
    {
        using var fresh = new TemporaryCache();
        fresh.Import(fresh.WriteText("sweep.csv", $"arch,acc\n{Nb201Best},2\n"));
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc,old\n{Nb201First},1,x\n{Nb201ResNet},3,y\n"));
        cache.Store.Lookup("sweep", new[] { Canonical(cache, Nb201First) }, "acc");

        cache.Store.Remove("sweep");
        ImportSummary summary = cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201Best},2\n"));

        Assert.False(summary.Replaced);
        Assert.Equal(1, summary.RowsStored);
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 2L }, ReadAll(cache.Store, "sweep", out BenchmarkInfo info).Single());
        Assert.Equal(new[] { "arch", "acc" }, info.Columns);
        Assert.Equal(SchemaObjects(fresh), SchemaObjects(cache));
        Assert.Equal(Scalar(fresh, "SELECT count(*) FROM benchmark_columns;"), Scalar(cache, "SELECT count(*) FROM benchmark_columns;"));
    }

    [Fact]
    public void UnknownNameRaisesNotFound()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));

        var exception = Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Remove("sweeps"));

        Assert.Equal("sweeps", exception.Name);
        Assert.Equal($"The cache {cache.DatabasePath} contains no benchmark named 'sweeps'. Run Get-CanopyBenchmark without -Name to list the stored benchmarks.", exception.Message);
        Assert.Equal(1, cache.Store.Find("sweep")!.Rows);
    }

    [Theory]
    [InlineData("swe\u200Bep", "U+200B at position 4")]
    [InlineData("sweep\U000E0001", "U+E0001 at position 6")]
    public void NotFoundNamesInvisibleCharacter(string name, string located)
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));

        var exception = Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Remove(name));

        Assert.Equal($"The cache {cache.DatabasePath} contains no benchmark named '{name}'. The name given contains the invisible character {located}. Run Get-CanopyBenchmark without -Name to list the stored benchmarks.", exception.Message);
    }

    [Fact]
    public void MissingCacheIsNotCreated()
    {
        using var cache = new TemporaryCache();
        string folder = Path.Combine(cache.Folder, "missing");
        var store = new BenchmarkStore(Path.Combine(folder, "benchmarks.db"));

        var exception = Assert.Throws<BenchmarkNotFoundException>(() => store.Remove("sweep"));

        Assert.StartsWith($"The cache file {store.DatabasePath} does not exist", exception.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void EmptyFileStaysEmpty()
    {
        using var cache = new TemporaryCache();
        File.WriteAllBytes(cache.DatabasePath, System.Array.Empty<byte>());

        Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Remove("sweep"));

        Assert.Equal(0, new FileInfo(cache.DatabasePath).Length);
        Assert.False(File.Exists(cache.DatabasePath + "-wal"));
    }

    [Fact]
    public void RemoveLeavesNoLogFile()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));

        cache.Store.Remove("sweep");

        // Closing the last connection checkpoints the log into the cache file and deletes it, as after an import.
        Assert.False(File.Exists(cache.DatabasePath + "-wal"));
        Assert.Empty(new BenchmarkStore(cache.DatabasePath).List());
    }

    [Fact]
    public void ReaderKeepsTheWholeBenchmark()
    {
        const int rowCount = 3000;
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("large.json", LargeJson(rowCount) + "]"), name: "large");

        // The reader has found the benchmark and read one row when another store removes it.
        using BenchmarkReader reader = cache.Store.Read("large");
        Assert.True(reader.Read());
        new BenchmarkStore(cache.DatabasePath).Remove("large");
        var indexes = new List<object?> { reader.Values[2] };
        while (reader.Read())
        {
            indexes.Add(reader.Values[2]);
        }

        Assert.Equal(Enumerable.Range(0, rowCount).Select(index => (object?)(long)index), indexes);
        Assert.Null(cache.Store.Find("large"));
        Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Read("large"));
    }

    // A folder in place of the -shm file stops SQLite from writing the cache, as a folder without write access does,
    // and it binds a test that runs as root too.
    [Fact]
    public void CacheThatCannotBeWrittenKeepsTheBenchmark()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));
        Directory.CreateDirectory(cache.DatabasePath + "-shm");

        var exception = Assert.Throws<CacheUnavailableException>(() => cache.Store.Remove("sweep"));

        Assert.Equal(cache.DatabasePath, exception.DatabasePath);
        Assert.StartsWith($"SQLite cannot open or write the cache {cache.DatabasePath} (", exception.Message);
        Assert.Equal("sweep", Assert.Single(cache.Store.List()).Name);
    }

    [Fact]
    public void OtherProgramsDatabaseIsRejected()
    {
        using var cache = new TemporaryCache();
        using (var connection = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE benchmarks (id INTEGER PRIMARY KEY, name TEXT);";
            create.ExecuteNonQuery();
        }

        var exception = Assert.Throws<CacheFormatException>(() => cache.Store.Remove("sweep"));

        Assert.Contains("another program", exception.Message);
        Assert.Equal(1, Scalar(cache, "SELECT count(*) FROM sqlite_master WHERE name = 'benchmarks';"));
    }

    private static long BenchmarkId(TemporaryCache cache, string name) =>
        Scalar(cache, $"SELECT id FROM benchmarks WHERE name = '{name}';");

    // The names of the tables and indexes in the cache file, sorted.
    private static List<string> SchemaObjects(TemporaryCache cache)
    {
        using var connection = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT name FROM sqlite_master ORDER BY name;";
        var names = new List<string>();
        using SqliteDataReader rows = select.ExecuteReader();
        while (rows.Read())
        {
            names.Add(rows.GetString(0));
        }

        return names;
    }

    private static long Scalar(TemporaryCache cache, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand select = connection.CreateCommand();
        select.CommandText = sql;
        return (long)select.ExecuteScalar()!;
    }
}

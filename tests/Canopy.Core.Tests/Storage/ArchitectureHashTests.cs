using System.Linq;
using Canopy.Storage.Cache;
using Microsoft.Data.Sqlite;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class ArchitectureHashTests
{
    // Published FNV-1a 64 test vectors; for ASCII text the UTF-16 code units equal the bytes.
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void HashMatchesFnv1aVectors(string text, ulong expected)
    {
        Assert.Equal(unchecked((long)expected), ArchitectureHash.Compute(text));
    }

    [Fact]
    public void FirstLookupBuildsIndex()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("indexed.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n"));
        var table = new BenchmarkTable(cache.Store.Find("indexed")!.Id, 2, 0);
        Assert.False(IndexExists(cache, table));

        var found = cache.Store.Lookup("indexed", new[] { Canonical(cache, Nb201Best) }, "acc");

        Assert.Equal(2L, found[0].Value);
        Assert.True(IndexExists(cache, table));
        Assert.Contains($"USING INDEX {table.IndexName}", QueryPlan(cache, table));
    }

    [Fact]
    public void ReadByArchitectureBuildsIndex()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("indexed.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n"));
        var table = new BenchmarkTable(cache.Store.Find("indexed")!.Id, 2, 0);

        ReadAll(cache.Store, "indexed", out _);
        Assert.False(IndexExists(cache, table));
        var rows = ReadAll(cache.Store, "indexed", out _, new[] { Canonical(cache, Nb201First) });

        Assert.Equal(new object?[] { 1L }, rows.Select(row => row[1]));
        Assert.True(IndexExists(cache, table));
    }

    [Fact]
    public void LookupDuringWriteScansTable()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("indexed.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n{Nb201First},3\n"));
        var table = new BenchmarkTable(cache.Store.Find("indexed")!.Id, 2, 0);
        string first = Canonical(cache, Nb201First);
        string resnet = Canonical(cache, Nb201ResNet);

        using var writer = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False");
        writer.Open();
        using SqliteTransaction holdsTheWriteLock = writer.BeginTransaction(deferred: false);
        var found = cache.Store.Lookup("indexed", new[] { resnet, first }, "acc");
        var rows = ReadAll(cache.Store, "indexed", out _, new[] { first });
        holdsTheWriteLock.Rollback();

        Assert.Equal(new[] { false, true }, found.Select(lookup => lookup.Found));
        Assert.Equal(1L, found[1].Value);
        Assert.Equal(new object?[] { 1L, 3L }, rows.Select(row => row[1]));
        Assert.False(IndexExists(cache, table));
    }

    private static bool IndexExists(TemporaryCache cache, BenchmarkTable table)
    {
        using var connection = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False");
        connection.Open();
        return ArchitectureIndex.Exists(connection, table);
    }

    private static string QueryPlan(TemporaryCache cache, BenchmarkTable table)
    {
        using var connection = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + table.LookupSql(1);
        BenchmarkTable.BindArchitectures(explain, new[] { Nb201Best });
        string plan = string.Empty;
        using (SqliteDataReader rows = explain.ExecuteReader())
        {
            while (rows.Read())
            {
                plan += rows.GetString(3) + "\n";
            }
        }

        return plan;
    }
}

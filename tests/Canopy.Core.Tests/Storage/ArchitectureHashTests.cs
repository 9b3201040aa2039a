using Canopy.Storage;
using Microsoft.Data.Sqlite;
using Xunit;
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
    public void ArchitectureLookupUsesTheHashIndex()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("indexed.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n"));
        var table = new BenchmarkTable(cache.Store.Find("indexed")!.Id, 2, 0);

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

        Assert.Contains($"USING INDEX {table.Name}_architecture", plan);
    }
}

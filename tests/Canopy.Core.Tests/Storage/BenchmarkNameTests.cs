using System.Linq;
using Canopy.Storage;
using Microsoft.Data.Sqlite;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class BenchmarkNameTests
{
    [Theory]
    [InlineData("émotion", "ÉMOTION")]
    [InlineData("résultats", "RÉSULTATS")]
    [InlineData("ΑΡΧΙΤΕΚΤΟΝΙΚΗ", "αρχιτεκτονικη")]
    [InlineData("nats-TSS", "NATS-tss")]
    public void NamesDifferingInCaseAreSame(string first, string second)
    {
        Assert.True(BenchmarkNames.AreSame(first, second));
    }

    [Fact]
    public void DifferentNamesAreNotSame()
    {
        Assert.False(BenchmarkNames.AreSame("emotion", "émotion"));
        Assert.True(BenchmarkNames.StartsWith("Résultats", "rÉ"));
        Assert.False(BenchmarkNames.StartsWith("Resultats", "rÉ"));
    }

    [Fact]
    public void FindPrefersExactSpelling()
    {
        string[] stored = { "émotion", "ÉMOTION" };

        Assert.Equal("émotion", BenchmarkNames.Find(stored, "émotion"));
        Assert.Equal("ÉMOTION", BenchmarkNames.Find(stored, "ÉMOTION"));
        Assert.Equal("ÉMOTION", BenchmarkNames.Find(stored, "Émotion"));
        Assert.Null(BenchmarkNames.Find(stored, "emotion"));
    }

    [Fact]
    public void StoreFindsNameInAnyCase()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("r.csv", $"arch,acc\n{Nb201First},1\n"), name: "résultats");

        Assert.Equal("résultats", cache.Store.Find("RÉSULTATS")?.Name);
        Assert.Single(ReadAll(cache.Store, "RÉSULTATS", out BenchmarkInfo info));
        Assert.Equal("résultats", info.Name);
        Assert.Equal(1L, cache.Store.Lookup("Résultats", new[] { Canonical(cache, Nb201First) }, "acc").Single().Value);
    }

    [Fact]
    public void ImportRejectsNameInOtherCase()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("e.csv", $"arch,acc\n{Nb201First},1\n");
        cache.Import(path, name: "émotion");

        var exception = Assert.Throws<BenchmarkExistsException>(() => cache.Import(path, name: "ÉMOTION"));

        Assert.Contains("ÉMOTION", exception.Message);
        Assert.Equal(new[] { "émotion" }, cache.Store.List().Select(benchmark => benchmark.Name));
    }

    [Fact]
    public void ReplaceTakesNameInOtherCase()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("e.csv", $"arch,acc\n{Nb201First},1\n");
        cache.Import(path, name: "émotion");

        ImportSummary summary = cache.Import(path, name: "ÉMOTION", replace: true);

        Assert.True(summary.Replaced);
        Assert.Equal(new[] { "ÉMOTION" }, cache.Store.List().Select(benchmark => benchmark.Name));
    }

    [Fact]
    public void EarlierDuplicatesStayReachable()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("e.csv", $"arch,acc\n{Nb201First},1\n");
        cache.Import(path, name: "émotion");
        cache.Import(path, name: "other");

        // Earlier builds, which compared names with SQLite's NOCASE alone, stored such pairs.
        using (var connection = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand rename = connection.CreateCommand();
            rename.CommandText = "UPDATE benchmarks SET name = 'ÉMOTION' WHERE name = 'other';";
            Assert.Equal(1, rename.ExecuteNonQuery());
        }

        Assert.Equal("émotion", cache.Store.Find("émotion")?.Name);
        Assert.Equal("ÉMOTION", cache.Store.Find("ÉMOTION")?.Name);
        Assert.Equal("ÉMOTION", cache.Store.Find("Émotion")?.Name);
        Assert.Throws<BenchmarkExistsException>(() => cache.Import(path, name: "Émotion"));
    }
}

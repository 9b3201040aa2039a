using System.Linq;
using Canopy.Storage;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;
using static Canopy.Tests.Storage.CsvImportTests;

namespace Canopy.Tests.Storage;

public class HostileNameTests
{
    [Theory]
    [InlineData("x'; DROP TABLE benchmarks; --")]
    [InlineData("a \"quoted\" name")]
    [InlineData("semi;colon")]
    [InlineData("]bracket[")]
    [InlineData("benchmark_1")]
    public void BenchmarkNamesAreDataNotSql(string name)
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("plain.csv", $"arch,acc\n{Nb201Best},5\n"), name: "plain");

        cache.Import(cache.WriteText("hostile.csv", $"arch,acc\n{Nb201First},1\n"), name: name);

        Assert.Equal(new[] { "plain", name }.Order(System.StringComparer.OrdinalIgnoreCase), cache.Store.List().Select(b => b.Name).Order(System.StringComparer.OrdinalIgnoreCase));
        Assert.Equal(1L, ReadAll(cache.Store, name, out _).Single()[1]);
        Assert.Equal(5L, ReadAll(cache.Store, "plain", out _).Single()[1]);
    }

    [Fact]
    public void ColumnNamesAreDataNotSql()
    {
        using var cache = new TemporaryCache();
        string header = "arch,\"a \"\"quoted\"\" column\",\"c'd; DROP TABLE benchmarks;--\",with space,c0,ordinal";
        cache.Import(cache.WriteText("columns.csv", $"{header}\n{Nb201First},1,2,3,4,5\n"), name: "columns");

        var rows = ReadAll(cache.Store, "columns", out BenchmarkInfo info);

        Assert.Equal(new[] { "arch", "a \"quoted\" column", "c'd; DROP TABLE benchmarks;--", "with space", "c0", "ordinal" }, info.Columns);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L, 2L, 3L, 4L, 5L }, rows.Single());
        Assert.Equal(2L, cache.Store.Lookup("columns", new[] { Canonical(cache, Nb201First) }, "c'd; DROP TABLE benchmarks;--").Single().Value);
    }
}

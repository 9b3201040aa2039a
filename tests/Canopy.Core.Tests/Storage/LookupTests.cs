using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Storage;
using Canopy.Storage.Reading;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;
using static Canopy.Tests.Storage.CsvImportTests;

namespace Canopy.Tests.Storage;

public class LookupTests
{
    [Fact]
    public void LookupReturnsValuesInRequestOrderAndMarksAbsentOnes()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("accs.csv", $"arch,acc\n{Nb201First},85.5\n{Nb201Best},94.37\n{Nb201First},11\n"));
        string first = Canonical(cache, Nb201First);
        string best = Canonical(cache, Nb201Best);
        string resnet = Canonical(cache, Nb201ResNet);

        var found = cache.Store.Lookup("accs", new[] { best, resnet, first }, "ACC");

        Assert.Equal(new[] { best, resnet, first }, found.Select(lookup => lookup.Architecture));
        Assert.Equal(new[] { true, false, true }, found.Select(lookup => lookup.Found));
        Assert.Equal(94.37, found[0].Value);
        Assert.Null(found[1].Value);
        Assert.Equal(85.5, found[2].Value);
        Assert.Equal(new[] { 1, 0, 2 }, found.Select(lookup => lookup.Rows));
        Assert.Equal(new[] { false, false, true }, found.Select(lookup => lookup.ValuesDiffer));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReaderKeepsTheBenchmarkThatAReplaceDrops(bool byArchitecture)
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n"), name: "accs");
        string[]? architectures = byArchitecture ? new[] { Canonical(cache, Nb201First), Canonical(cache, Nb201Best) } : null;

        // The reader has found the benchmark's table, and -Force then drops it before the first row is read.
        using BenchmarkReader reader = cache.Store.Read("accs", architectures);
        cache.Import(cache.WriteText("new.csv", $"arch,acc\n{Nb201ResNet},3\n"), name: "accs", replace: true);
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.Values[1]);
        }

        Assert.Equal(new object?[] { 1L, 2L }, values);
        Assert.Equal(new object?[] { 3L }, ReadAll(cache.Store, "accs", out _).Select(row => row[1]));
    }

    [Fact]
    public void ArchitecturesAreDistinctPrefixedAndLimited()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("accs.csv", $"arch,acc\n{Nb201ResNet},1\n{Nb201First},2\n{Nb201ResNet},3\n{Nb201Best},4\n"));
        string first = Canonical(cache, Nb201First);
        string best = Canonical(cache, Nb201Best);
        string resnet = Canonical(cache, Nb201ResNet);

        Assert.Equal(new[] { resnet, first, best }, cache.Store.Architectures("accs", string.Empty, 10));
        Assert.Equal(new[] { resnet, first }, cache.Store.Architectures("accs", string.Empty, 2));
        Assert.Equal(new[] { best }, cache.Store.Architectures("accs", best[..25], 10));
        Assert.Empty(cache.Store.Architectures("accs", "no such prefix", 10));
        Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Architectures("missing", string.Empty, 10));
    }

    [Fact]
    public void RepeatedRowsWithEqualValuesAgree()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("accs.csv", $"arch,acc,task\n{Nb201First},85.5,a\n{Nb201First},85.5,b\n{Nb201First},85.5,c\n"));

        var found = cache.Store.Lookup("accs", new[] { Canonical(cache, Nb201First) }, "acc").Single();

        Assert.Equal(85.5, found.Value);
        Assert.Equal(3, found.Rows);
        Assert.False(found.ValuesDiffer);
    }

    [Fact]
    public void LookupOfUnknownColumnOrBenchmarkFails()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("accs.csv", $"arch,acc\n{Nb201First},85.5\n"));

        Assert.Throws<ArgumentException>(() => cache.Store.Lookup("accs", new[] { Nb201First }, "loss"));
        Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Lookup("other", new[] { Nb201First }, "acc"));
    }

    [Fact]
    public void ReadFiltersByCanonicalArchitectureInFileOrder()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("accs.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n{Nb201ResNet},3\n{Nb201First},4\n"));

        var rows = ReadAll(cache.Store, "accs", out _, new[] { Canonical(cache, Nb201ResNet), Canonical(cache, Nb201First) });

        Assert.Equal(new object?[] { 1L, 3L, 4L }, rows.Select(row => row[1]));
    }

    [Fact]
    public void ListingShowsEveryBenchmarkWithItsShape()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("b.csv", $"acc,arch\n1,{Nb201First}\n2,{Nb201Best}\n");
        cache.Import(path);
        cache.Import(cache.WriteText("a.json", $"[{{\"arch\": \"{Nb201First}\"}}]"));

        var benchmarks = cache.Store.List();

        Assert.Equal(new[] { "a", "b" }, benchmarks.Select(benchmark => benchmark.Name));
        Assert.Equal(2, benchmarks[1].Rows);
        Assert.Equal(new[] { "acc", "arch" }, benchmarks[1].Columns);
        Assert.Equal("arch", benchmarks[1].ArchitectureColumn);
        Assert.Equal(path, benchmarks[1].Source);
        Assert.Equal("CSV", benchmarks[1].Format);
        Assert.Equal(cache.DatabasePath, benchmarks[1].Database);
        Assert.InRange(benchmarks[1].ImportedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}

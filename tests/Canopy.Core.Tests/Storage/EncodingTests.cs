using System.Linq;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Storage.Import;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class EncodingTests
{
    [Fact]
    public void EncodingsOfOneGenotypeShareTheCanonicalForm()
    {
        using var cache = new TemporaryCache();
        string rangeForm = Nb301Genotype.Replace("normal_concat=[2, 3, 4, 5]", "normal_concat=range(2, 6)");
        string path = cache.WriteText("encodings.csv", $"genotype,acc\n\"{Nb301Genotype}\",1\n\"{rangeForm}\",2\n\"{Nb301Compact}\",3\n");

        cache.Import(path);
        var rows = ReadAll(cache.Store, "encodings", out _);

        Assert.All(rows, row => Assert.Equal(Nb301Genotype, row[0]));
        Assert.Equal(new object?[] { 1L, 2L, 3L }, rows.Select(row => row[1]));
        Assert.Equal(1L, cache.Store.Lookup("encodings", new[] { Nb301Genotype }, "acc").Single().Value);
    }

    [Fact]
    public void SearchSpaceOptionRejectsOtherSpaces()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("mixed.csv", $"arch,acc\n{Nb201First},1\n\"{Nb301Genotype}\",2\n");

        ImportSummary summary = cache.Store.Import(new BenchmarkImportOptions { Path = path, SearchSpace = SearchSpace.Darts });

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal(2, summary.Rejections.Single().LineNumber);
        Assert.Equal(new[] { "Darts" }, cache.Store.Find("mixed")!.SearchSpaces);
    }

    [Fact]
    public void LookupAcceptsAnyEncodingAfterCanonicalising()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("darts.csv", $"genotype,acc\n\"{Nb301Genotype}\",97.5\n"));

        Assert.True(cache.Store.TryCanonicalize(Nb301Compact, new SearchSpace?[] { SearchSpace.Darts }, out string canonical, out _));
        Assert.False(cache.Store.TryCanonicalize("|bogus~0|", new SearchSpace?[] { SearchSpace.Darts, null }, out _, out string? error));

        Assert.Equal(97.5, cache.Store.Lookup("darts", new[] { canonical }, "acc").Single().Value);
        Assert.Contains("bogus", error);
    }
}

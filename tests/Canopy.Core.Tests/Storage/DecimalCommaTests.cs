using System;
using System.Collections.Generic;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Input;
using Canopy.Storage.Reading;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class DecimalCommaTests
{
    [Theory]
    [InlineData("93,5", true)]
    [InlineData(" -0,25 ", true)]
    [InlineData("+1,5", true)]
    [InlineData("1,234", true)]
    [InlineData("1.234,5", false)]
    [InlineData("1,2,3", false)]
    [InlineData(",5", false)]
    [InlineData("5,", false)]
    [InlineData("8,16 ", true)]
    [InlineData("a,b", false)]
    [InlineData("1,78293E-03", true)]
    [InlineData("-4,5e+12", true)]
    [InlineData("1,5E", false)]
    [InlineData("1,5E-", false)]
    [InlineData("1,5E3,2", false)]
    [InlineData("15E3", false)]
    [InlineData("٩,٥", false)]
    public void RecognisesDigitsCommaDigits(string text, bool expected)
    {
        Assert.Equal(expected, DecimalCommaColumns.IsDecimalComma(text));
    }

    [Fact]
    public void ImportWarnsOnceNamingEachColumn()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText(
            "excel.csv",
            $"arch;acc;loss;note;params\n{Nb201First};\"93,5\";\"0,25\";x;1200\n{Nb201Best};94;;\"1,5\";1300\n");

        ImportSummary summary = cache.Import(path);
        using BenchmarkReader reader = cache.Store.Read("excel");

        string warning = Assert.Single(summary.Warnings);
        Assert.True(reader.Read());
        Assert.Equal("93,5", reader.Values[1]);
        Assert.StartsWith("The columns 'acc' (for example '93,5'), 'loss' (for example '0,25') contain values that look like numbers written with a comma, so they are stored as text.", warning);
        Assert.Contains("Canopy reads numbers with a decimal point and without thousands separators", warning);
        Assert.DoesNotContain("'note'", warning);
    }

    [Fact]
    public void WarningCallbackRunsBeforeCommit()
    {
        using var cache = new TemporaryCache();
        string original = cache.WriteText("kept.csv", $"arch,acc\n{Nb201First},1\n");
        string commas = cache.WriteText("commas.csv", $"arch;acc\n{Nb201First};\"93,5\"\n");
        cache.Import(original, name: "bench");
        var options = new BenchmarkImportOptions { Path = commas, Name = "bench", Replace = true };
        var received = new List<string>();

        Assert.Throws<InvalidOperationException>(() => cache.Store.Import(options, warned: warning =>
        {
            received.Add(warning);
            throw new InvalidOperationException("stop on a warning");
        }));
        using BenchmarkReader reader = cache.Store.Read("bench");

        Assert.StartsWith("The column 'acc' (for example '93,5')", Assert.Single(received));
        Assert.True(reader.Read());
        Assert.Equal(1L, reader.Values[1]);
        Assert.False(reader.Read());
    }

    [Fact]
    public void ImportOfOneColumnUsesTheSingular()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("one.csv", $"arch;acc\n{Nb201First};\"93,5\"\n{Nb201Best};94.25\n");

        ImportSummary summary = cache.Import(path);

        Assert.StartsWith("The column 'acc' (for example '93,5') contains values", Assert.Single(summary.Warnings));
    }

    [Fact]
    public void MlpWidthsColumnDoesNotWarn()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("mlp.csv", "LayerWidths,InputDimension,acc\n\"64,128\",784,90\n\"32,32\",784,80\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(2, summary.RowsStored);
        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public void ImportWithDecimalPointsDoesNotWarn()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("points.csv", $"arch,acc,note\n{Nb201First},93.5,\"a,b\"\n{Nb201Best},94,\"1,5\"\n");

        ImportSummary summary = cache.Import(path);

        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public void DecimalCommaOptionReadsNumbers()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText(
            "excel.csv",
            $"arch;acc;loss;note;params\n{Nb201First};\"93,5\";\"-0,25\";\"1.234,5\";1200\n{Nb201Best};\"94,0\";;x;\"1,000\"\n");
        var options = new BenchmarkImportOptions { Path = path, Name = "excel", DecimalComma = true };

        ImportSummary summary = cache.Store.Import(options);
        using BenchmarkReader reader = cache.Store.Read("excel");

        Assert.Empty(summary.Warnings);
        Assert.True(reader.Read());
        Assert.Equal(93.5, reader.Values[1]);
        Assert.Equal(-0.25, reader.Values[2]);
        Assert.Equal("1.234,5", reader.Values[3]);
        Assert.Equal(1200L, reader.Values[4]);
        Assert.True(reader.Read());
        Assert.Equal(94.0, reader.Values[1]);
        Assert.Null(reader.Values[2]);
        Assert.Equal("x", reader.Values[3]);

        // With a decimal comma, 1,000 is one, not a thousand.
        Assert.Equal(1.0, reader.Values[4]);
    }

    [Fact]
    public void DecimalCommaOptionKeepsMlpWidths()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("mlp.csv", "LayerWidths;InputDimension;acc\n\"64,128\";784;\"90,5\"\n");
        var options = new BenchmarkImportOptions { Path = path, Name = "mlp", DecimalComma = true };

        ImportSummary summary = cache.Store.Import(options);
        using BenchmarkReader reader = cache.Store.Read("mlp");

        Assert.Equal(1, summary.RowsStored);
        Assert.True(reader.Read());
        Assert.Equal("mlp:784:64-128", reader.Values[0]);
        Assert.Equal(90.5, reader.Values[2]);
    }

    [Fact]
    public void DecimalCommaOptionReadsExponents()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("small.csv", $"arch;fisher\n{Nb201First};\"1,78293E-03\"\n{Nb201Best};\"0,0187\"\n");
        var options = new BenchmarkImportOptions { Path = path, Name = "small", DecimalComma = true };

        ImportSummary plain = cache.Import(path, name: "plain");
        cache.Store.Import(options);
        using BenchmarkReader reader = cache.Store.Read("small");

        Assert.StartsWith("The column 'fisher' (for example '1,78293E-03')", Assert.Single(plain.Warnings));
        Assert.True(reader.Read());
        Assert.Equal(1.78293e-3, reader.Values[1]);
        Assert.True(reader.Read());
        Assert.Equal(0.0187, reader.Values[1]);
    }
}

using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Reading;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class MlpImportTests
{
    [Fact]
    public void LayerWidthsColumnStoresMlpStrings()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("mlp.csv", "LayerWidths,InputDimension,Val Acc (%)\n\"64,128,64\",784,91.5\n64-128-64,,88\n\"32, 32\",10,70.25\n");

        ImportSummary summary = cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "mlp", out BenchmarkInfo info);

        Assert.Equal(3, summary.RowsStored);
        Assert.Equal("LayerWidths", summary.ArchitectureColumn);
        Assert.Equal(new[] { "LayerWidths", "InputDimension", "Val Acc (%)" }, info.Columns);
        Assert.Equal(new[] { "Mlp" }, info.SearchSpaces);
        Assert.Equal(new object?[] { "mlp:784:64-128-64", 784L, 91.5 }, rows[0]);
        Assert.Equal(new object?[] { "mlp:3072:64-128-64", null, 88L }, rows[1]);
        Assert.Equal(new object?[] { "mlp:10:32-32", 10L, 70.25 }, rows[2]);
    }

    [Fact]
    public void MlpRowsAreFoundByArchitecture()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("sweep.csv", "LayerWidths,InputDimension,acc\n\"64,128,64\",784,91.5\n\"64,128,64\",,88\n");
        cache.Import(path);

        IReadOnlyList<ArchitectureLookup> found = cache.Store.Lookup("sweep", new[] { "mlp:3072:64-128-64", "mlp:784:64-128-64", "mlp:784:64" }, "acc");

        Assert.Equal(88L, found[0].Value);
        Assert.Equal(91.5, found[1].Value);
        Assert.False(found[2].Found);
    }

    [Fact]
    public void MissingInputDimensionColumnTakesDefault()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("widths.csv", "acc;widths\n1;16 8\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal("widths", summary.ArchitectureColumn);
        Assert.Equal("mlp:3072:16-8", ReadAll(cache.Store, "widths", out _).Single()[1]);
    }

    [Fact]
    public void SingleWidthStoredAsNumberParses()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("one.csv", "LayerWidths,inputdimension\n512,3\n512.0,4\n");

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "one", out _);

        Assert.Equal("mlp:3:512", rows[0][0]);
        Assert.Equal("mlp:4:512", rows[1][0]);
    }

    [Fact]
    public void InvalidWidthOrDimensionRejectsItsRow()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("bad.csv", "LayerWidths,InputDimension,acc\n\"64,128\",784,1\n\"64,x\",784,2\n64,0,3\n64,wide,4\n,784,5\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal(new long[] { 3, 4, 5, 6 }, summary.Rejections.Select(rejection => rejection.LineNumber));
        Assert.Equal("the widths '64,x' in column 'LayerWidths' are invalid: The layer width 'x' is not a whole number.", summary.Rejections[0].Reason);
        Assert.Equal("InputDimension '0' is invalid; it must be a whole number from 1 to 1099511627776.", summary.Rejections[1].Reason);
        Assert.Equal("InputDimension 'wide' is invalid; it must be a whole number from 1 to 1099511627776.", summary.Rejections[2].Reason);
        Assert.Equal("the architecture column 'LayerWidths' is empty", summary.Rejections[3].Reason);
    }

    [Fact]
    public void ArchitectureStringColumnWinsOverWidths()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("both.csv", "LayerWidths,arch,acc\n\"1,2\",mlp:5:7,1\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal("arch", summary.ArchitectureColumn);
        Assert.Equal(new object?[] { "1,2", "mlp:5:7", 1L }, ReadAll(cache.Store, "both", out _).Single());
    }

    [Fact]
    public void EmptyArchitectureFallsBackToWidths()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("mixed.csv", "run,arch,Widths,InputDimension\nr1,mlp:2:3,,\nr2,,3,2\nr3,  ,\"3, 3\",\nr4,,,\n");

        ImportSummary summary = cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "mixed", out BenchmarkInfo info);

        Assert.Equal("arch", summary.ArchitectureColumn);
        Assert.Equal(3, summary.RowsStored);
        Assert.Equal(new[] { "mlp:2:3", "mlp:2:3", "mlp:3072:3-3" }, rows.Select(row => (string?)row[1]));
        Assert.Equal("the architecture column 'arch' is empty, and so is the column 'Widths'", Assert.Single(summary.Rejections).Reason);
        Assert.Equal(
            "1 MLP row had no InputDimension value, so the default of 3072 inputs, a 32 × 32 RGB image, was used. Give -InputDimension, or name the column InputDimension.",
            Assert.Single(summary.Warnings));
        Assert.Equal(new[] { "Mlp" }, info.SearchSpaces);
    }

    [Fact]
    public void LateJsonWidthsColumnIsRead()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("late.json", $$"""
            [
              {"arch": "{{KnownArchitectures.Nb201First}}", "acc": 1},
              {"arch": "", "Widths": ["64", "128"], "InputDimension": 2, "acc": 2},
              {"arch": null, "Widths": [3, 3], "InputDimension": 2, "acc": 3}
            ]
            """);

        ImportSummary summary = cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "late", out _);

        Assert.Equal(3, summary.RowsStored);
        Assert.Equal("mlp:2:64-128", rows[1][0]);
        Assert.Equal("mlp:2:3-3", rows[2][0]);
        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public void FallbackWidthsColumnKeepsItsCommas()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("commas.csv", $"arch,Widths,acc\n{KnownArchitectures.Nb201First},,\"93,5\"\n,\"64,128\",\"50,1\"\n");

        ImportSummary plain = cache.Import(path, name: "plain");
        ImportSummary converted = cache.Store.Import(new BenchmarkImportOptions { Path = path, Name = "converted", DecimalComma = true });
        List<object?[]> rows = ReadAll(cache.Store, "converted", out _);

        Assert.Equal(2, plain.Warnings.Count);
        Assert.StartsWith("1 MLP row had no InputDimension value", plain.Warnings[0]);
        Assert.StartsWith("The column 'acc' (for example '93,5') contains values", plain.Warnings[1]);
        Assert.Equal(new object?[] { "mlp:3072:64-128", "64,128", 50.1 }, rows[1]);
        Assert.StartsWith("1 MLP row had no InputDimension value", Assert.Single(converted.Warnings));
    }

    [Fact]
    public void InputDimensionReachesFallbackWidths()
    {
        // The MLP rows of a mixed sweep take -InputDimension, so the warning that it was not used must not appear.
        using var cache = new TemporaryCache();
        string path = cache.WriteText("mixed.csv", $"arch,Widths\n{Nb201First},\n,3\n");

        ImportSummary summary = cache.Store.Import(new BenchmarkImportOptions { Path = path, InputDimension = 2 });
        List<object?[]> rows = ReadAll(cache.Store, "mixed", out _);

        Assert.Equal("mlp:2:3", rows[1][0]);
        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public void EmptyRowNamesFirstWidthsColumn()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("first.csv", "Widths,arch\n3,\n,\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal("arch", summary.ArchitectureColumn);
        Assert.Equal("the architecture column 'arch' is empty, and so is the column 'Widths'", Assert.Single(summary.Rejections).Reason);
    }

    [Fact]
    public void NamedArchitectureColumnHasNoFallback()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("named.csv", "arch,Widths\nmlp:2:3,\n,3\n");

        ImportSummary summary = cache.Import(path, architectureColumn: "arch");

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal("the architecture column 'arch' is empty", Assert.Single(summary.Rejections).Reason);
    }

    [Fact]
    public void NamedWidthsColumnReadsWidths()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("named.csv", "LayerWidths,InputDimension,acc\n\"64,128,64\",784,91.5\n");

        ImportSummary summary = cache.Store.Import(new BenchmarkImportOptions { Path = path, ArchitectureColumn = "layerwidths", SearchSpace = SearchSpace.Mlp });

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal("mlp:784:64-128-64", ReadAll(cache.Store, "named", out _).Single()[0]);
    }

    [Fact]
    public void SweepColumnReadsWidthsWithMlpSpace()
    {
        // A column named hidden is no widths column by name, so only the Mlp search space makes it one.
        using var cache = new TemporaryCache();
        string path = cache.WriteText("sweep.csv", "hidden,acc\n\"64,128\",0.5\n");

        ImportSummary summary = cache.Store.Import(new BenchmarkImportOptions { Path = path, ArchitectureColumn = "hidden", SearchSpace = SearchSpace.Mlp, InputDimension = 10 });

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal("mlp:10:64-128", ReadAll(cache.Store, "sweep", out _).Single()[0]);
    }

    [Fact]
    public void OtherSearchSpaceRejectsWidths()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("space.csv", "LayerWidths,acc\n64,1\n");

        var exception = Assert.Throws<BenchmarkEmptyException>(() =>
            cache.Store.Import(new BenchmarkImportOptions { Path = path, SearchSpace = SearchSpace.NatsTopology }));

        Assert.Contains("the column 'LayerWidths' contains MLP widths, so its architectures are Mlp architectures, not NatsTopology", exception.Message);
    }

    [Fact]
    public void StoredMlpStringImportsAgain()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("exported.csv", "LayerWidths,InputDimension,acc\nmlp:784:64-128-64,784,1\nmlp:784:64-x,784,2\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal("mlp:784:64-128-64", ReadAll(cache.Store, "exported", out _).Single()[0]);
        Assert.StartsWith("the architecture 'mlp:784:64-x' is invalid: ", Assert.Single(summary.Rejections).Reason);
    }

    [Fact]
    public void JsonWidthsArrayAndLateDimensionParse()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("sweep.json", """[{"LayerWidths": [64, 128], "acc": 1}, {"LayerWidths": "32-16", "InputDimension": 100, "acc": 2}]""");

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "sweep", out BenchmarkInfo info);

        Assert.Equal(new[] { "LayerWidths", "acc", "InputDimension" }, info.Columns);
        Assert.Equal("mlp:3072:64-128", rows[0][0]);
        Assert.Equal("mlp:100:32-16", rows[1][0]);
    }

    [Fact]
    public void FindArchitectureFallsBackToWidths()
    {
        Assert.Equal(2, ArchitectureColumns.FindArchitecture(new[] { "acc", "WIDTHS", "LayerWidths" }, null));
        Assert.Equal(1, ArchitectureColumns.FindArchitecture(new[] { "acc", "WIDTHS" }, null));
        Assert.Equal(2, ArchitectureColumns.FindArchitecture(new[] { "LayerWidths", "x", "genotype" }, null));
        Assert.Equal(-1, ArchitectureColumns.FindArchitecture(new[] { "acc", "LayerWidths" }, "arch"));
        Assert.Equal(-1, ArchitectureColumns.FindArchitecture(new[] { "acc", "InputDimension" }, null));
    }
}

using System.IO;
using System.Linq;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Tests.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace Canopy.Tests.Storage;

/// <summary>
/// Imports the real benchmark files from $CANOPY_DATA or ../shared/data. Each test returns early with a message when
/// neither has the file.
/// </summary>
public class RealDataTests
{
    private readonly ITestOutputHelper _output;

    public RealDataTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void NatsBenchImportsEveryCell()
    {
        if (DataFile("nats-tss", "nats_bench.csv") is not { } file)
        {
            return;
        }

        using var cache = new TemporaryCache();
        ImportSummary summary = cache.Import(file, name: "nats-tss");
        var rows = CsvImportTests.ReadAll(cache.Store, "nats-tss", out BenchmarkInfo info);

        Assert.Equal(15625, summary.RowsStored);
        Assert.Equal(0, summary.RowsRejected);
        Assert.Equal("ArchitectureString", info.ArchitectureColumn);
        Assert.Equal(new[] { SearchSpace.NatsTopology }, info.SearchSpaces);
        Assert.Equal(15625, rows.Select(row => row[3]).Distinct().Count());
        Assert.Equal(94.37333333333333, rows[6111][0]);
        Assert.Equal(KnownArchitectures.Nb201Best, rows[6111][3]);
        Assert.Equal(73.51333326009114, rows[9930][1]);
        Assert.Equal(new object?[] { 93.91 }, cache.Store.Lookup("nats-tss", new[] { KnownArchitectures.Nb201ResNet }, "CIFAR10TestAccuracy200Epochs").Select(found => (object?)System.Math.Round((double)found.Value!, 2)));
    }

    [Fact]
    public void NasBench301FileImportsAsDarts()
    {
        if (DataFile("darts-other-tasks", "nb301_9x_zc13.csv") is not { } file)
        {
            return;
        }

        using var cache = new TemporaryCache();
        ImportSummary summary = cache.Import(file);
        BenchmarkInfo info = cache.Store.Find("nb301_9x_zc13")!;

        Assert.Equal(597, summary.RowsStored);
        Assert.Equal("arch_repr", summary.ArchitectureColumn);
        Assert.Equal(new[] { SearchSpace.Darts }, info.SearchSpaces);
        Assert.Equal(18, info.Columns.Count);
        var tasks = CsvImportTests.ReadAll(cache.Store, "nb301_9x_zc13", out _, new[] { KnownArchitectures.Nb301Genotype }).Select(row => row[0]);
        Assert.Equal(new object?[] { "ninapro", "scifar100", "svhn" }, tasks.Order());
    }

    // Returns the file's path, or null after logging why the test checks nothing.
    private string? DataFile(string folder, string name)
    {
        string? found = TestData.Find(folder);
        string? file = found is null ? null : Path.Combine(found, name);
        if (file is not null && File.Exists(file))
        {
            return file;
        }

        _output.WriteLine($"Skipped: the benchmark file {folder}/{name} was not found (set CANOPY_DATA or place the data at ../shared/data).");
        return null;
    }
}

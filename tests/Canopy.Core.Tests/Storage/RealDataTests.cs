using System.IO;
using System.Linq;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Tests.Statistics;
using Xunit;

namespace Canopy.Tests.Storage;

/// <summary>
/// Imports the real benchmark files from $CANOPY_DATA or ../shared/data. A test is reported as skipped, with the
/// reason, when neither has its data folder, and fails when the folder is there but lacks the file.
/// </summary>
public class RealDataTests
{
    [BenchmarkDataFact("nats-tss")]
    public void NatsBenchImportsEveryCell()
    {
        string file = DataFile("nats-tss", "nats_bench.csv");

        using var cache = new TemporaryCache();
        ImportSummary summary = cache.Import(file, name: "nats-tss");
        var rows = CsvImportTests.ReadAll(cache.Store, "nats-tss", out BenchmarkInfo info);

        Assert.Equal(15625, summary.RowsStored);
        Assert.Equal(0, summary.RowsRejected);
        Assert.Equal("ArchitectureString", info.ArchitectureColumn);
        Assert.Equal(new[] { "NatsTopology" }, info.SearchSpaces);
        Assert.Equal(15625, rows.Select(row => row[3]).Distinct().Count());
        Assert.Equal(94.37333333333333, rows[6111][0]);
        Assert.Equal(KnownArchitectures.Nb201Best, rows[6111][3]);
        Assert.Equal(73.51333326009114, rows[9930][1]);
        Assert.Equal(new object?[] { 93.91 }, cache.Store.Lookup("nats-tss", new[] { KnownArchitectures.Nb201ResNet }, "CIFAR10TestAccuracy200Epochs").Select(found => (object?)System.Math.Round((double)found.Value!, 2)));
    }

    [BenchmarkDataFact("darts-other-tasks")]
    public void NasBench301FileImportsAsDarts()
    {
        string file = DataFile("darts-other-tasks", "nb301_9x_zc13.csv");

        using var cache = new TemporaryCache();
        ImportSummary summary = cache.Import(file);
        BenchmarkInfo info = cache.Store.Find("nb301_9x_zc13")!;

        Assert.Equal(597, summary.RowsStored);
        Assert.Equal("arch_repr", summary.ArchitectureColumn);
        Assert.Equal(new[] { "Darts" }, info.SearchSpaces);
        Assert.Equal(18, info.Columns.Count);
        var tasks = CsvImportTests.ReadAll(cache.Store, "nb301_9x_zc13", out _, new[] { KnownArchitectures.Nb301Genotype }).Select(row => row[0]);
        Assert.Equal(new object?[] { "ninapro", "scifar100", "svhn" }, tasks.Order());
    }

    // Returns the file's path; the test's attribute has already skipped it when the data folder is absent.
    private static string DataFile(string folder, string name)
    {
        string file = Path.Combine(TestData.Find(folder)!, name);
        Assert.True(File.Exists(file), $"The benchmark file {file} is missing from its data folder.");
        return file;
    }
}

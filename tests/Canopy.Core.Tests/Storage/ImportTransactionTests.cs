using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Canopy.Storage;
using Canopy.Storage.Import;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;
using static Canopy.Tests.Storage.CsvImportTests;

namespace Canopy.Tests.Storage;

public class ImportTransactionTests
{
    private const int LargeRowCount = 20_000;

    [Fact]
    public void ExistingNameIsRejectedWithoutReplace()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("first.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");

        var exception = Assert.Throws<BenchmarkExistsException>(() => cache.Import(cache.WriteText("second.csv", $"arch,acc\n{Nb201Best},2\n"), name: "BENCH"));

        Assert.Equal("BENCH", exception.Name);
        Assert.Contains("-Force", exception.Message);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "bench", out _).Single());
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void BlankNameIsRejected(string name)
    {
        using var cache = new TemporaryCache();

        var exception = Assert.Throws<ArgumentException>(() => cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"), name: name));

        Assert.Equal(nameof(BenchmarkImportOptions.Name), exception.ParamName);
        Assert.StartsWith($"The benchmark name '{name}' is blank.", exception.Message);
        Assert.Empty(cache.Store.List());
    }

    [Fact]
    public void ReplaceSwapsTheWholeBenchmark()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("first.csv", $"arch,acc,old\n{Nb201First},1,x\n{Nb201ResNet},3,y\n"), name: "bench");

        ImportSummary summary = cache.Import(cache.WriteText("second.csv", $"acc,arch\n2,{Nb201Best}\n"), name: "bench", replace: true);

        Assert.True(summary.Replaced);
        Assert.Equal(new object?[] { 2L, Canonical(cache, Nb201Best) }, ReadAll(cache.Store, "bench", out BenchmarkInfo info).Single());
        Assert.Equal(new[] { "acc", "arch" }, info.Columns);
        Assert.Single(cache.Store.List());
        Assert.Equal(1, CountTables(cache));
    }

    [Fact]
    public void FailureAtTheEndKeepsTheOldBenchmark()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");
        string truncated = LargeJson(LargeRowCount) + ", {\"arch\": ";

        Assert.ThrowsAny<BenchmarkFileException>(() => cache.Import(cache.WriteText("new.json", truncated), name: "bench", replace: true));

        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "bench", out BenchmarkInfo info).Single());
        Assert.Equal(1, info.Rows);
        Assert.Equal(1, CountTables(cache));
    }

    [Fact]
    public void CancellationKeepsTheOldBenchmark()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");
        string path = cache.WriteText("new.json", LargeJson(LargeRowCount) + "]");
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            cache.Store.Import(new BenchmarkImportOptions { Path = path, Name = "bench", Replace = true }, progress, cancellationToken: cancellation.Token));

        Assert.Equal(1, cache.Store.Find("bench")!.Rows);
        Assert.Equal(1, CountTables(cache));
    }

    [Fact]
    public async Task ReaderSeesOldContentDuringAWrite()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");
        string path = cache.WriteText("new.json", LargeJson(LargeRowCount) + "]");
        using var halfway = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();
        var progress = new SynchronousProgress(_ =>
        {
            halfway.Set();
            resume.Wait(TimeSpan.FromSeconds(30));
        });

        Task<ImportSummary> writer = Task.Run(() => cache.Store.Import(new BenchmarkImportOptions { Path = path, Name = "bench", Replace = true }, progress));
        Assert.True(halfway.Wait(TimeSpan.FromSeconds(30)), "the import never reported progress");
        var reader = new BenchmarkStore(cache.DatabasePath);
        long rowsDuringWrite = reader.Find("bench")!.Rows;
        object?[] rowDuringWrite = ReadAll(reader, "bench", out _).Single();
        resume.Set();
        ImportSummary summary = await writer;

        Assert.Equal(1, rowsDuringWrite);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, rowDuringWrite);
        Assert.Equal(LargeRowCount, summary.RowsStored);
        Assert.Equal(LargeRowCount, reader.Find("bench")!.Rows);
    }

    [Fact]
    public void CancelDuringWarningStoresNothing()
    {
        // -InputDimension with a column of architecture strings warns after the last row and before the commit.
        using var cache = new TemporaryCache();
        string path = cache.WriteText("late.csv", $"arch,acc\n{Nb201First},1\n");
        using var cancellation = new CancellationTokenSource();
        int warnings = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => cache.Store.Import(
            new BenchmarkImportOptions { Path = path, InputDimension = 784 },
            cancellationToken: cancellation.Token,
            warned: _ =>
            {
                warnings++;
                cancellation.Cancel();
            }));

        Assert.Equal(1, warnings);
        Assert.Null(cache.Store.Find("late"));
    }

    [Fact]
    public void ProgressCountsBytesUpToTheFileSize()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("large.json", LargeJson(LargeRowCount) + "]");
        var reports = new System.Collections.Generic.List<ImportProgress>();

        cache.Store.Import(new BenchmarkImportOptions { Path = path }, new SynchronousProgress(reports.Add));

        Assert.True(reports.Count >= LargeRowCount / 4096, $"only {reports.Count} reports");
        Assert.Equal(new System.IO.FileInfo(path).Length, reports[^1].TotalBytes);
        Assert.Equal(reports[^1].TotalBytes, reports[^1].BytesRead);
        Assert.Equal(LargeRowCount, reports[^1].RowsRead);
        Assert.True(reports.Zip(reports.Skip(1)).All(pair => pair.First.BytesRead <= pair.Second.BytesRead));

        // Only the last report announces the commit.
        Assert.True(reports[^1].Committing);
        Assert.DoesNotContain(reports.SkipLast(1), report => report.Committing);
    }

    internal static string LargeJson(int rows)
    {
        string[] cells = { Nb201First, Nb201Best, Nb201ResNet };
        var text = new StringBuilder("[");
        for (int i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append($"{{\"arch\": \"{cells[i % 3]}\", \"acc\": {i}.5, \"index\": {i}}}");
        }

        return text.ToString();
    }

    internal static long CountTables(TemporaryCache cache)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'benchmark\\_%' ESCAPE '\\' AND name <> 'benchmark_columns';";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Calls the handler on the reporting thread, unlike Progress&lt;T&gt;, which posts to the thread pool.</summary>
    internal sealed class SynchronousProgress : IProgress<ImportProgress>
    {
        private readonly Action<ImportProgress> _handler;

        public SynchronousProgress(Action<ImportProgress> handler) => _handler = handler;

        public void Report(ImportProgress value) => _handler(value);
    }
}

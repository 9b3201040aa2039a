using System.Collections.Generic;
using System.Linq;
using System.Text;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Storage.Import;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class EmptyImportTests
{
    [Fact]
    public void HeaderOnlyFileKeepsTheOldBenchmark()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");

        Assert.Throws<BenchmarkEmptyException>(() => cache.Import(cache.WriteText("header.csv", "arch,acc\n"), name: "bench", replace: true));

        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "bench", out _).Single());
    }

    [Fact]
    public void OnlyRejectedRowIsNamedInSingular()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("bad.csv", "arch,acc\nnot-a-cell,1\n");

        var exception = Assert.Throws<BenchmarkEmptyException>(() => cache.Import(path));

        Assert.StartsWith($"The only record of {path} was rejected, so nothing was imported and the cache is unchanged. It was line 2: the architecture 'not-a-cell' is invalid", exception.Message);
    }

    [Fact]
    public void AllRejectedRowsGiveOneError()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");
        string path = cache.WriteText("bad.csv", "arch,acc\nnot-a-cell,1\n,2\n");
        var reported = new List<RowRejection>();

        var exception = Assert.Throws<BenchmarkEmptyException>(() =>
            cache.Store.Import(new BenchmarkImportOptions { Path = path, Name = "bench", Replace = true }, rejected: reported.Add));

        Assert.Empty(reported);
        Assert.Equal(2, exception.RowsRejected);
        Assert.Equal(2, exception.FirstRejection!.LineNumber);
        Assert.StartsWith($"All 2 records of {path} were rejected, so nothing was imported and the cache is unchanged. The first was line 2: the architecture 'not-a-cell' is invalid", exception.Message);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "bench", out BenchmarkInfo info).Single());
        Assert.Equal(1, info.Rows);
        Assert.Equal(1, ImportTransactionTests.CountTables(cache));
    }

    [Fact]
    public void WrongSearchSpaceStopsAtTheRejectionLimit()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("nats.csv", TruncatedGzipTests.Csv(RowWriter.MaxLeadingRejections + 500));
        var reported = new List<RowRejection>();
        var options = new BenchmarkImportOptions { Path = path, SearchSpace = SearchSpace.Darts };

        var exception = Assert.Throws<BenchmarkEmptyException>(() => cache.Store.Import(options, rejected: reported.Add));

        Assert.Empty(reported);
        Assert.Equal(RowWriter.MaxLeadingRejections, exception.RowsRejected);
        Assert.Equal(2, exception.FirstRejection!.LineNumber);
        Assert.StartsWith($"The first 1,000 records of {path} were all rejected, so the import stopped and the cache is unchanged. The first was line 2: the architecture '{Nb201First}' is invalid", exception.Message);
        Assert.EndsWith("Check that -ArchitectureProperty and -SearchSpace fit the file.", exception.Message);
        Assert.Empty(cache.Store.List());
    }

    [Fact]
    public void HeldRejectionsReportedInFileOrder()
    {
        using var cache = new TemporaryCache();
        var text = new StringBuilder("arch,acc\n");
        for (int i = 0; i < RowWriter.MaxLeadingRejections - 1; i++)
        {
            text.Append($"bad{i},{i}\n");
        }

        text.Append($"{Nb201Best},1\nlate-bad,2\n");
        string path = cache.WriteText("late.csv", text.ToString());
        var reported = new List<RowRejection>();

        ImportSummary summary = cache.Store.Import(new BenchmarkImportOptions { Path = path }, rejected: reported.Add);

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal(RowWriter.MaxLeadingRejections, summary.RowsRejected);
        Assert.Equal(Enumerable.Range(2, RowWriter.MaxLeadingRejections - 1).Append(RowWriter.MaxLeadingRejections + 2).Select(line => (long)line), reported.Select(rejection => rejection.LineNumber));
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 1L }, ReadAll(cache.Store, "late", out _).Single());
    }

    [Fact]
    public void LimitIgnoresRejectionsAfterAcceptedRow()
    {
        using var cache = new TemporaryCache();
        var text = new StringBuilder($"arch,acc\n{Nb201First},0\n");
        for (int i = 0; i < RowWriter.MaxLeadingRejections + 10; i++)
        {
            text.Append($"bad{i},{i}\n");
        }

        string path = cache.WriteText("tail.csv", text.ToString());

        ImportSummary summary = cache.Import(path);

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal(RowWriter.MaxLeadingRejections + 10, summary.RowsRejected);
    }
}

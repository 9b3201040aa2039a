using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Storage.Cache;
using Canopy.Storage.Import;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

/// <summary>Imports larger than one multi-row INSERT or one batch, where the reading, parsing and writing threads meet.</summary>
public class BulkImportTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void RejectionsBetweenStatementsKeepFileOrder()
    {
        using var cache = new TemporaryCache();
        const int rows = 250;
        var text = new StringBuilder("arch,acc\n");
        for (int i = 0; i < rows; i++)
        {
            text.Append(IsBroken(i) ? "not a cell" : Nb201Cell(i)).Append(',').Append(i).Append('\n');
        }

        ImportSummary summary = cache.Import(cache.WriteText("order.csv", text.ToString()));
        List<object?[]> stored = ReadAll(cache.Store, "order", out _);

        int[] storedCells = Enumerable.Range(0, rows).Where(i => !IsBroken(i)).ToArray();
        Assert.Equal(storedCells.Length, summary.RowsStored);
        Assert.Equal(rows - storedCells.Length, summary.RowsRejected);
        Assert.Equal(Enumerable.Range(0, rows).Where(IsBroken).Select(i => (long)i + 2), summary.Rejections.Select(rejection => rejection.LineNumber));
        Assert.Equal(storedCells.Select(i => (object?)(long)i), stored.Select(row => row[1]));
        Assert.Equal(storedCells.Select(i => Canonical(cache, Nb201Cell(i))), stored.Select(row => (string)row[0]!));
        Assert.Equal(storedCells.Select(i => (long)i + 2), ReadLines(cache, "order"));

        static bool IsBroken(int i) => i % 7 == 3;
    }

    [Fact]
    public void WidestRowsStayWithinTheParameterLimit()
    {
        using var cache = new TemporaryCache();
        const int rows = 40;
        int columns = BenchmarkTable.MaxColumns;
        var text = new StringBuilder("arch");
        for (int j = 1; j < columns; j++)
        {
            text.Append(",v").Append(j);
        }

        for (int i = 0; i < rows; i++)
        {
            text.Append('\n').Append(Nb201Cell(i));
            for (int j = 1; j < columns; j++)
            {
                text.Append(',').Append(i * 10_000 + j);
            }
        }

        ImportSummary summary = cache.Import(cache.WriteText("wide.csv", text.Append('\n').ToString()));
        List<object?[]> stored = ReadAll(cache.Store, "wide", out BenchmarkInfo info);

        Assert.Equal(rows, summary.RowsStored);
        Assert.Equal(columns, info.Columns.Count);
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(Enumerable.Range(1, columns - 1).Select(j => (object?)(long)(i * 10_000 + j)), stored[i].Skip(1));
        }
    }

    [Fact]
    public void PropertyAppearingMidStatementLeavesEarlierRowsMissing()
    {
        using var cache = new TemporaryCache();
        const int records = 70;
        const int firstWithLate = 45;
        var text = new StringBuilder("[");
        for (int i = 0; i < records; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append($"{{\"arch\": \"{Nb201Cell(i)}\", \"acc\": {i}");
            text.Append(i >= firstWithLate ? $", \"late\": {i}.5}}" : "}");
        }

        cache.Import(cache.WriteText("late.json", text.Append("\n]").ToString()));
        List<object?[]> stored = ReadAll(cache.Store, "late", out BenchmarkInfo info);

        Assert.Equal(new[] { "arch", "acc", "late" }, info.Columns);
        Assert.Equal(Enumerable.Range(0, records).Select(i => (object?)(long)i), stored.Select(row => row[1]));
        Assert.All(stored.Take(firstWithLate), row => Assert.Null(row[2]));
        Assert.Equal(Enumerable.Range(firstWithLate, records - firstWithLate).Select(i => (object?)(i + 0.5)), stored.Skip(firstWithLate).Select(row => row[2]));
    }

    [Fact]
    public void RepeatedArchitecturesAreParsedOnce()
    {
        using var cache = new TemporaryCache();
        const int cells = 300;
        var text = new StringBuilder("task,arch,acc\n");
        foreach (string task in new[] { "cifar10", "cifar100", "imagenet" })
        {
            for (int i = 0; i < cells; i++)
            {
                text.Append($"{task},{Nb201Cell(i)},{i}\n");
            }
        }

        var canonicalizer = new CountingCanonicalizer();
        var store = new BenchmarkStore(cache.DatabasePath, canonicalizer);
        ImportSummary summary = store.Import(new BenchmarkImportOptions { Path = cache.WriteText("tasks.csv", text.ToString()) });
        List<object?[]> stored = ReadAll(cache.Store, "tasks", out _);

        Assert.Equal(3 * cells, summary.RowsStored);
        Assert.Equal(cells, canonicalizer.Calls);
        Assert.Equal(Enumerable.Repeat(Enumerable.Range(0, cells), 3).SelectMany(i => i).Select(i => Canonical(cache, Nb201Cell(i))), stored.Select(row => (string)row[1]!));
    }

    [Fact]
    public void FileOfDistinctArchitecturesStopsRemembering()
    {
        using var cache = new TemporaryCache();
        int distinct = RowParser.MaxRemembered + 500;
        int[] cells = Enumerable.Range(0, distinct).Concat(Enumerable.Range(0, 10)).ToArray();

        var canonicalizer = new CountingCanonicalizer();
        ImportSummary summary = ImportCells(cache, canonicalizer, "distinct", cells);

        Assert.Equal(cells.Length, summary.RowsStored);
        Assert.Equal(cells.Length, canonicalizer.Calls);
        Assert.Equal(cells.Select(i => Canonical(cache, Nb201Cell(i))), ReadAll(cache.Store, "distinct", out _).Select(row => (string)row[0]!));
    }

    [Fact]
    public void FullMemoryIsClearedAndStaysCorrect()
    {
        using var cache = new TemporaryCache();
        int distinct = 2 * RowParser.MaxRemembered + 100;
        int[] cells = Enumerable.Range(0, distinct).SelectMany(i => new[] { i, i }).ToArray();

        var canonicalizer = new CountingCanonicalizer();
        ImportSummary summary = ImportCells(cache, canonicalizer, "pairs", cells);

        Assert.Equal(cells.Length, summary.RowsStored);
        Assert.Equal(distinct, canonicalizer.Calls);
        Assert.Equal(cells.Select(i => Canonical(cache, Nb201Cell(i))), ReadAll(cache.Store, "pairs", out _).Select(row => (string)row[0]!));
    }

    [Fact]
    public async Task ParserFailureKeepsTheOldBenchmark()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");
        string path = cache.WriteText("new.csv", CellsCsv(Enumerable.Range(0, 20_000)));
        var store = new BenchmarkStore(cache.DatabasePath, new CountingCanonicalizer { FailAtCall = 5_000 });

        Task<ImportSummary> import = Task.Run(() => store.Import(new BenchmarkImportOptions { Path = path, Name = "bench", Replace = true }));

        Assert.Same(import, await Task.WhenAny(import, Task.Delay(Deadline)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => import);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "bench", out _).Single());
    }

    [Fact]
    public async Task WriterFailureStopsReadingAndParsing()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");
        string csv = CellsCsv(Enumerable.Range(0, 20_000)).Replace($"\n{Nb201Cell(3_000)},", "\nnot a cell,");
        string path = cache.WriteText("new.csv", csv);
        Action<RowRejection> failOnRejection = _ => throw new InvalidOperationException("the caller stopped at the first rejection");

        Task<ImportSummary> import = Task.Run(() => cache.Store.Import(new BenchmarkImportOptions { Path = path, Name = "bench", Replace = true }, rejected: failOnRejection));

        Assert.Same(import, await Task.WhenAny(import, Task.Delay(Deadline)));
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => import);
        Assert.Equal("the caller stopped at the first rejection", exception.Message);
        Assert.Equal(1, cache.Store.Find("bench")!.Rows);
    }

    /// <summary>The NAS-Bench-201 cell with this index in base 5, edge by edge in cell-string order.</summary>
    internal static string Nb201Cell(int index)
    {
        string[] operations = { "none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3" };
        var edges = new string[6];
        for (int edge = 0; edge < edges.Length; edge++)
        {
            edges[edge] = operations[index % 5];
            index /= 5;
        }

        return $"|{edges[0]}~0|+|{edges[1]}~0|{edges[2]}~1|+|{edges[3]}~0|{edges[4]}~1|{edges[5]}~2|";
    }

    internal static string CellsCsv(IEnumerable<int> cells)
    {
        var text = new StringBuilder("arch,acc\n");
        foreach (int cell in cells)
        {
            text.Append(Nb201Cell(cell)).Append(',').Append(cell).Append('\n');
        }

        return text.ToString();
    }

    private static ImportSummary ImportCells(TemporaryCache cache, CountingCanonicalizer canonicalizer, string name, IEnumerable<int> cells)
    {
        var store = new BenchmarkStore(cache.DatabasePath, canonicalizer);
        return store.Import(new BenchmarkImportOptions { Path = cache.WriteText(name + ".csv", CellsCsv(cells)) });
    }

    /// <summary>Canonicalises with the real parser, counts the calls, and fails on request.</summary>
    private sealed class CountingCanonicalizer : IArchitectureCanonicalizer
    {
        private int _calls;

        public int Calls => _calls;

        public int FailAtCall { get; init; } = int.MaxValue;

        public bool TryCanonicalize(string text, SearchSpace? searchSpace, out string canonical, out SearchSpace detected, out string? error)
        {
            if (Interlocked.Increment(ref _calls) == FailAtCall)
            {
                throw new InvalidOperationException($"The canonicaliser failed on request at call {FailAtCall}.");
            }

            return ParserCanonicalizer.Instance.TryCanonicalize(text, searchSpace, out canonical, out detected, out error);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Canopy.Architectures;
using Canopy.Storage.Reading;
using Xunit;
using static Canopy.Tests.Storage.BulkImportTests;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

/// <summary>BenchmarkReader.ReadBatches, which reads ahead on a worker thread.</summary>
public class BatchReadTests
{
    private const int Rows = 2 * BenchmarkReader.BatchSize + 452;

    [Fact]
    public void BatchesMatchRowByRowReading()
    {
        using var cache = ImportMixed();

        List<object?[]> expected = ReadAll(cache.Store, "mixed", out _);
        var expectedSpaces = new List<SearchSpace>();
        using (BenchmarkReader reader = cache.Store.Read("mixed"))
        {
            while (reader.Read())
            {
                expectedSpaces.Add(reader.SearchSpace);
            }
        }

        var rows = new List<object?[]>();
        var spaces = new List<SearchSpace>();
        var counts = new List<int>();
        using (BenchmarkReader reader = cache.Store.Read("mixed"))
        {
            foreach (BenchmarkRowBatch batch in reader.ReadBatches())
            {
                counts.Add(batch.Count);
                for (int row = 0; row < batch.Count; row++)
                {
                    rows.Add(batch.GetValues(row).ToArray());
                    spaces.Add(batch.GetSearchSpace(row));
                }
            }
        }

        Assert.Equal(new[] { BenchmarkReader.BatchSize, BenchmarkReader.BatchSize, 452 }, counts);
        Assert.Equal(expected, rows);
        Assert.Equal(expectedSpaces, spaces);
        Assert.Equal(SearchSpace.Darts, spaces[5]);
        Assert.Equal(SearchSpace.NatsTopology, spaces[6]);
    }

    [Fact]
    public void BatchesKeepTypesAndMissingValues()
    {
        using var cache = ImportMixed();

        using BenchmarkReader reader = cache.Store.Read("mixed");
        BenchmarkRowBatch first = reader.ReadBatches().First();

        Assert.Equal(new object?[] { Canonical(cache, Nb201Cell(0)), 0L, 0.25, "even" }, first.GetValues(0).ToArray());
        Assert.Equal(new object?[] { Canonical(cache, Nb201Cell(1)), 1L, 1.25, null }, first.GetValues(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => first.GetSearchSpace(first.Count));
    }

    [Fact]
    public void FilteredBatchesHoldOnlyTheRequestedArchitectures()
    {
        using var cache = ImportMixed();
        string[] wanted = { Canonical(cache, Nb201Cell(2_000)), Canonical(cache, Nb201Cell(7)) };

        using BenchmarkReader reader = cache.Store.Read("mixed", wanted);
        BenchmarkRowBatch[] batches = reader.ReadBatches().ToArray();

        BenchmarkRowBatch batch = Assert.Single(batches);
        Assert.Equal(2, batch.Count);
        Assert.Equal(7L, batch.GetValues(0)[1]);
        Assert.Equal(2_000L, batch.GetValues(1)[1]);
    }

    [Fact]
    public void LeavingEarlyStopsTheWorkerBeforeDisposal()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("large.csv", CellsCsv(Enumerable.Range(0, 15_000))), name: "large");

        int seen = 0;
        using (BenchmarkReader reader = cache.Store.Read("large"))
        {
            foreach (BenchmarkRowBatch batch in reader.ReadBatches())
            {
                seen += batch.Count;
                break;
            }

            // The worker has stopped, so this thread may use the statement again; it continues after the rows read ahead.
            Assert.True(reader.Read());
            Assert.True((long)reader.Values[1]! >= seen);
        }

        cache.Import(cache.WriteText("small.csv", $"arch,acc\n{Nb201First},1\n"), name: "large", replace: true);
        Assert.Equal(BenchmarkReader.BatchSize, seen);
        Assert.Equal(1, cache.Store.Find("large")!.Rows);
    }

    [Fact]
    public void CancellationStopsTheBatches()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("large.csv", CellsCsv(Enumerable.Range(0, 15_000))), name: "large");
        using var cancellation = new CancellationTokenSource();

        using BenchmarkReader reader = cache.Store.Read("large");
        int batches = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (BenchmarkRowBatch batch in reader.ReadBatches(cancellation.Token))
            {
                batches++;
                cancellation.Cancel();
            }
        });

        Assert.Equal(1, batches);
    }

    // Rows of every type, with a DARTS genotype among NAS-Bench-201 cells so the search space changes twice.
    private static TemporaryCache ImportMixed()
    {
        var cache = new TemporaryCache();
        var text = new StringBuilder("arch,index,acc,note\n");
        for (int i = 0; i < Rows; i++)
        {
            string architecture = i == 5 ? $"\"{Nb301Genotype}\"" : Nb201Cell(i);
            text.Append($"{architecture},{i},{i}.25,{(i % 2 == 0 ? "even" : string.Empty)}\n");
        }

        cache.Import(cache.WriteText("mixed.csv", text.ToString()));
        return cache;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;
using Canopy.Tests.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace Canopy.Tests.Architectures;

public class NatsTopologyCellTests(ITestOutputHelper output)
{
    private const string Cell9930 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    [Fact]
    public void CellStringRoundTrips()
    {
        const string text = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

        NatsTopologyCell cell = NatsTopologyCell.Parse(text);

        Assert.Equal(text, cell.Canonical);
        Assert.Equal(cell, ArchitectureParser.Parse(cell.Canonical));
        Assert.Equal(SearchSpace.NatsTopology, cell.SearchSpace);
    }

    [Fact]
    public void EdgesFollowCellStringOrder()
    {
        NatsTopologyCell cell = NatsTopologyCell.Parse("|none~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_3x3~0|avg_pool_3x3~1|none~2|");

        Assert.Equal(new[] { (0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3) }, NatsTopologyCell.Edges);
        Assert.Equal(
            new[] { NatsOperation.None, NatsOperation.SkipConnect, NatsOperation.NorConv1x1, NatsOperation.NorConv3x3, NatsOperation.AvgPool3x3, NatsOperation.None },
            cell.Operations);
        Assert.Equal(NatsOperation.NorConv1x1, cell.Operation(1, 2));
        Assert.Equal(NatsOperation.NorConv3x3, cell.Operation(0, 3));
        Assert.Equal(NatsOperation.AvgPool3x3, cell.Operation(1, 3));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(0, 4)]
    [InlineData(1, 1)]
    public void OperationRejectsNonEdges(int from, int to)
    {
        NatsTopologyCell cell = NatsTopologyCell.Parse(Cell9930);

        Assert.Throws<ArgumentOutOfRangeException>(() => cell.Operation(from, to));
    }

    [Fact]
    public void SourcesMayComeInAnyOrder()
    {
        NatsTopologyCell cell = NatsTopologyCell.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~1|nor_conv_3x3~0|+|nor_conv_3x3~2|skip_connect~0|nor_conv_3x3~1|");

        Assert.Equal(Cell9930, cell.Canonical);
    }

    [Theory]
    [InlineData("  |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|  ")]
    [InlineData("|NorConv3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|")]
    [InlineData("|nor_conv_3x3~00|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|")]
    [InlineData("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~2|nor_conv_3x3~1|")]
    public void OtherSpellingsPrintCanonically(string text)
    {
        // The parser reuses its input as the canonical form only when the input is written exactly that way.
        Assert.Equal(Cell9930, NatsTopologyCell.Parse(text).Canonical);
    }

    [Fact]
    public void CreateCountsEdges()
    {
        var exception = Assert.Throws<ArgumentException>(() => NatsTopologyCell.Create(new[] { NatsOperation.None }));
        Assert.StartsWith("A NATS-Bench topology cell has 6 edges, but 1 operation was given.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(Cell9930, NatsTopologyCell.Create(NatsTopologyCell.Parse(Cell9930).Operations).Canonical);
    }

    [Fact]
    public void IndexIsBase5ReadingOfOperations()
    {
        Assert.Equal("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", NatsTopologyCell.FromIndex(0).Canonical);
        Assert.Equal("|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|", NatsTopologyCell.FromIndex(15_624).Canonical);

        // 9930 cell: digits 3 3 3 1 3 3 → 3·3125 + 3·625 + 3·125 + 1·25 + 3·5 + 3.
        Assert.Equal((3 * 3125) + (3 * 625) + (3 * 125) + 25 + 15 + 3, NatsTopologyCell.Parse(Cell9930).Index);
        Assert.Throws<ArgumentOutOfRangeException>(() => NatsTopologyCell.FromIndex(15_625));
    }

    [Fact]
    public void EnumerationCoversSpaceOnce()
    {
        List<NatsTopologyCell> cells = NatsTopologyCell.EnumerateAll().ToList();

        Assert.Equal(15_625, cells.Count);
        Assert.Equal(15_625, cells.Select(cell => cell.Canonical).Distinct().Count());
        for (int i = 0; i < cells.Count; i++)
        {
            Assert.Equal(i, cells[i].Index);
            Assert.Equal(cells[i], NatsTopologyCell.Parse(cells[i].Canonical));
        }
    }

    [Fact]
    public void NasLibOpIndicesParse()
    {
        // NASLib's first NB201 record: (4, 3, 3, 0, 0, 0) is NATS-Bench index 0.
        NatsTopologyCell cell = NatsTopologyCell.Parse("(4, 3, 3, 0, 0, 0)");

        Assert.Equal("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", cell.Canonical);
        Assert.Equal(cell, ArchitectureParser.Parse("[4,3,3,0,0,0]"));
    }

    [BenchmarkDataFact("nats-tss")]
    public void BenchmarkCellsAllParse()
    {
        List<Dictionary<string, string>>? rows = BenchmarkFiles.Read("nats-tss", "nats_bench.csv");
        Assert.NotNull(rows);

        var canonical = new HashSet<string>(StringComparer.Ordinal);
        foreach (Dictionary<string, string> row in rows)
        {
            NatsTopologyCell cell = NatsTopologyCell.Parse(row["ArchitectureString"]);
            Assert.Equal(row["ArchitectureString"], cell.Canonical);
            canonical.Add(cell.Canonical);
        }

        Assert.Equal(15_625, rows.Count);
        Assert.True(canonical.SetEquals(NatsTopologyCell.EnumerateAll().Select(cell => cell.Canonical)));

        // NATS-Bench numbers the cells in an order no rule of the cell explains; Canopy's index differs.
        int samePosition = rows.Select((row, index) => NatsTopologyCell.Parse(row["ArchitectureString"]).Index == index).Count(same => same);
        output.WriteLine($"Cells whose NATS-Bench index equals Canopy's index: {samePosition} of 15,625.");
        Assert.Equal(1, samePosition);
    }

    [BenchmarkDataTheory("nb201-zero-cost-proxies")]
    [InlineData("nb201_zc13_cifar10_reachable9445.csv")]
    [InlineData("nb201_zc13_ImageNet16-120_reachable9445.csv")]
    public void NasLibOpIndicesMatchCellStrings(string file)
    {
        List<Dictionary<string, string>>? rows = BenchmarkFiles.Read("nb201-zero-cost-proxies", file);
        Assert.NotNull(rows);

        Assert.Equal(9_445, rows.Count);
        foreach (Dictionary<string, string> row in rows)
        {
            Assert.Equal(row["arch_str"], NatsTopologyCell.Parse(row["op_indices"]).Canonical);
        }
    }
}

using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class CellMemoTests
{
    [Fact]
    public void KeepsFirstValuePerKeyAndCell()
    {
        var memo = new CellMemo<string>(keyCount: 2);
        int lastCell = NatsTopologyCell.CellCount - 1;

        Assert.False(memo.TryGet(0, lastCell, out _));
        Assert.Equal("first", memo.Add(0, lastCell, "first"));

        // A second value for the same slot, as from a thread that computed the cell at the same time, is dropped.
        Assert.Equal("first", memo.Add(0, lastCell, "second"));
        Assert.True(memo.TryGet(0, lastCell, out string? kept));
        Assert.Equal("first", kept);

        Assert.False(memo.TryGet(1, lastCell, out _));
        Assert.False(memo.TryGet(0, 0, out _));
    }

    [Fact]
    public void CifarDatasetsShareMemoisedCounts()
    {
        // CIFAR-10 and CIFAR-100 share the 32-pixel input, so a count made for one is memoised for the other.
        NatsTopologyCell cell = NatsTopologyCell.FromIndex(4_321);

        (double log10, string formula) = CellScoring.NatsTopology(cell, Dataset.Cifar10, RegionMode.BottleneckBound);

        Assert.True(CellScoring.IsMemoised(cell, Dataset.Cifar100, RegionMode.BottleneckBound));
        Assert.Equal((log10, formula), CellScoring.NatsTopology(cell, Dataset.Cifar100, RegionMode.BottleneckBound));
    }
}

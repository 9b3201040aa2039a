using System;
using System.Linq;
using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class DartsLivenessTests
{
    private const DartsOperation None = DartsOperation.None;
    private const DartsOperation Sep3 = DartsOperation.SepConv3x3;
    private const DartsOperation Skip = DartsOperation.SkipConnect;
    private const DartsOperation Max = DartsOperation.MaxPool3x3;

    // Every intermediate node reads both cell inputs, so the cell uses both.
    private static readonly DartsCell Reduce = DartsCell.FromPairs(new[]
    {
        (Max, 0), (Max, 1), (Skip, 2), (Max, 1), (Max, 0), (Skip, 2), (Skip, 2), (Max, 1),
    });

    // Candidate edges: node 2 from 0, 1; node 3 from 0, 1, 2; node 4 from 0 to 3; node 5 from 0 to 4. Only input 0
    // feeds this cell, through node 2.
    private static readonly DartsCell NormalWithoutInputOne = DartsCell.FromCandidateEdges(new[]
    {
        Sep3, None,
        None, None, Skip,
        None, None, None, Skip,
        None, None, None, None, Skip,
    });

    private static double Score(DartsCell normal, DartsCell reduce, RegionMode mode = RegionMode.Generic) =>
        CellScoring.Darts(DartsGenotype.Create(normal, reduce), DartsNetwork.NasBench301, Dataset.Cifar10, mode).Log10;

    [Theory]
    [InlineData(RegionMode.Generic)]
    [InlineData(RegionMode.BottleneckBound)]
    [InlineData(RegionMode.TropicalBound)]
    [InlineData(RegionMode.GlobalBound)]
    public void DeadNormalCellGivesOneRegion(RegionMode mode)
    {
        // Normal cells 0 and 1 output zero, so reduction cell 2 reads only zeros and every later cell does too.
        DartsCell dead = DartsCell.FromCandidateEdges(Enumerable.Repeat(None, DartsCell.CandidateEdgeCount));

        Assert.Equal(0.0, Score(dead, Reduce, mode));
    }

    [Fact]
    public void NodeOutsideConcatDoesNotCount()
    {
        // Node 5 is left out of the concatenation, so its edges cannot change the output, however wide they read.
        (DartsOperation, int)[] pairs = { (Sep3, 0), (Sep3, 1), (Sep3, 0), (Skip, 2), (Skip, 1), (Skip, 3), (Skip, 0), (Skip, 1) };
        DartsCell narrow = DartsCell.FromPairs(pairs, concat: new[] { 2, 3, 4 });
        pairs[6] = (DartsOperation.SepConv5x5, 0);
        pairs[7] = (DartsOperation.DilConv5x5, 1);
        DartsCell wide = DartsCell.FromPairs(pairs, concat: new[] { 2, 3, 4 });

        Assert.Equal(Score(narrow, Reduce), Score(wide, Reduce));
    }

    [Fact]
    public void NodesReachingOutputFollowLiveEdges()
    {
        Span<bool> reaches = stackalloc bool[6];

        DartsTracing.MarkNodesReachingOutput(NormalWithoutInputOne, reaches);

        Assert.Equal(new[] { true, false, true, true, true, true }, reaches.ToArray());
    }

    [Fact]
    public void UnreadCellIsNotNeeded()
    {
        // NAS-Bench-301 has 8 cells with reductions at 2 and 5. Cell 7 reads only cell 5; cell 5 reads 3 and 4; cell 4
        // reads 2; cell 3 reads 1; cell 2 reads 0 and 1. Nothing reads cell 6.
        Span<bool> normal = stackalloc bool[6];
        Span<bool> reduce = stackalloc bool[6];
        DartsTracing.MarkNodesReachingOutput(NormalWithoutInputOne, normal);
        DartsTracing.MarkNodesReachingOutput(Reduce, reduce);
        Span<bool> needed = stackalloc bool[8];

        DartsTracing.MarkNeededCells(8, normal, reduce, needed);

        Assert.Equal(new[] { true, true, true, true, true, true, false, true }, needed.ToArray());
    }

    [Fact]
    public void DeadReductionOnOnlyPathGivesZero()
    {
        // Cell 7 reads only its input 0, reduction cell 5, which is all none and outputs zero. So the network output
        // is constant.
        DartsCell deadReduce = DartsCell.FromCandidateEdges(Enumerable.Repeat(None, DartsCell.CandidateEdgeCount));

        Assert.Equal(0.0, Score(NormalWithoutInputOne, deadReduce));
    }
}

using System;
using System.Linq;
using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class CellScoringTests
{
    private const NatsOperation None = NatsOperation.None;
    private const NatsOperation Skip = NatsOperation.SkipConnect;
    private const NatsOperation Conv1 = NatsOperation.NorConv1x1;
    private const NatsOperation Conv3 = NatsOperation.NorConv3x3;
    private const NatsOperation Pool = NatsOperation.AvgPool3x3;

    private static double Score(params NatsOperation[] cell) => Count(cell, Dataset.Cifar10, RegionMode.Generic);

    private static double Count(NatsOperation[] cell, Dataset dataset, RegionMode mode) =>
        CellScoring.NatsTopology(NatsTopologyCell.Create(cell), dataset, mode).Log10;

    [Fact]
    public void SkipOnlyCellCountsOnlyTheFixedSkeleton()
    {
        // Edges (0→1), (0→2), (1→2), (0→3), (1→3), (2→3): only 0→3 is an identity.
        double expected =
            256 * ExactZaslavsky.Ln(144, 64)      // ReLU of the stem output, read at stride 2: 4 input positions of 16 dimensions each
            + 256 * ExactZaslavsky.Ln(288, 32)    // ReLU inside the first reduction block
            + 64 * ExactZaslavsky.Ln(288, 128)    // ReLU of the stage-2 output, read at stride 2 by the second reduction
            + 64 * ExactZaslavsky.Ln(576, 64)     // ReLU inside the second reduction block
            + ExactZaslavsky.Ln(4096, 3072);      // global pooling reads all 64 × 64 units, which span at most the 3,072 input dimensions

        Assert.Equal(expected / Math.Log(10), Score(None, None, None, Skip, None, None), 9);
    }

    [Fact]
    public void MemoKeepsDatasetsAndModesApart()
    {
        // The amortized rank of the skip-only cell is 3 dimensions per position after the stem, 12 after the first
        // reduction and 48 after the second. A stride-2 reading owns 4 positions' worth.
        double cifarBottleneck =
            256 * ExactZaslavsky.Ln(144, 12)
            + 256 * ExactZaslavsky.Ln(288, 12)
            + 64 * ExactZaslavsky.Ln(288, 48)
            + 64 * ExactZaslavsky.Ln(576, 48)
            + ExactZaslavsky.Ln(4096, 3072);

        // ImageNet16-120 has a quarter of the positions at every stage and 3 · 16² = 768 input dimensions.
        double imageNetGeneric =
            64 * ExactZaslavsky.Ln(144, 64)
            + 64 * ExactZaslavsky.Ln(288, 32)
            + 16 * ExactZaslavsky.Ln(288, 128)
            + 16 * ExactZaslavsky.Ln(576, 64)
            + ExactZaslavsky.Ln(1024, 768);

        // Both are counted in one test, in this order, because the memo lives as long as the process.
        NatsOperation[] cell = { None, None, None, Skip, None, None };
        Assert.Equal(cifarBottleneck / Math.Log(10), Count(cell, Dataset.Cifar10, RegionMode.BottleneckBound), 9);
        Assert.Equal(imageNetGeneric / Math.Log(10), Count(cell, Dataset.ImageNet16, RegionMode.Generic), 9);
    }

    [Fact]
    public void SingleConvolutionCellAddsOneArrangementPerCell()
    {
        double stage1 = 5 * 1024 * ExactZaslavsky.Ln(144, 16);
        double reduction1 = 256 * ExactZaslavsky.Ln(144, 64) + 256 * ExactZaslavsky.Ln(288, 32);
        double stage2 = 5 * 256 * ExactZaslavsky.Ln(288, 32);
        double reduction2 = 64 * ExactZaslavsky.Ln(288, 128) + 64 * ExactZaslavsky.Ln(576, 64);
        double stage3 = 5 * 64 * ExactZaslavsky.Ln(576, 64);
        double classifier = ExactZaslavsky.Ln(4096, 3072);
        double expected = stage1 + reduction1 + stage2 + reduction2 + stage3 + classifier;

        Assert.Equal(expected / Math.Log(10), Score(None, None, None, Conv3, None, None), 9);
    }

    [Fact]
    public void ResidualCellScoresAsWorkedByHand()
    {
        // The cell input and node 1 are ReLU'd in every cell, and node 3 adds the input back to node 1's convolution.
        double stage1 = 10 * 1024 * ExactZaslavsky.Ln(144, 16);
        double reduction1 = 256 * ExactZaslavsky.Ln(144, 64) + 256 * ExactZaslavsky.Ln(288, 32);
        double stage2 = 10 * 256 * ExactZaslavsky.Ln(288, 32);
        double reduction2 = 64 * ExactZaslavsky.Ln(288, 128) + 64 * ExactZaslavsky.Ln(576, 64);
        double stage3 = 10 * 64 * ExactZaslavsky.Ln(576, 64);
        double classifier = ExactZaslavsky.Ln(4096, 3072);
        double expected = stage1 + reduction1 + stage2 + reduction2 + stage3 + classifier;

        Assert.Equal(411_919.3640, expected / Math.Log(10), 4);
        Assert.Equal(expected / Math.Log(10), Score(Conv3, None, None, Skip, Conv3, None), 9);
    }

    [Fact]
    public void NodeOfOneIdentityIsItsSourceTensor()
    {
        // Node 2 is the cell input passed on by an identity, so ReLU(node 2) is ReLU(node 0): one 1×1 reading per cell.
        double stage1 = 5 * 1024 * ExactZaslavsky.Ln(16, 16);
        double reduction1 = 256 * ExactZaslavsky.Ln(144, 64) + 256 * ExactZaslavsky.Ln(288, 32);
        double stage2 = 5 * 256 * ExactZaslavsky.Ln(32, 32);
        double reduction2 = 64 * ExactZaslavsky.Ln(288, 128) + 64 * ExactZaslavsky.Ln(576, 64);
        double stage3 = 5 * 64 * ExactZaslavsky.Ln(64, 64);
        double classifier = ExactZaslavsky.Ln(4096, 3072);
        double expected = stage1 + reduction1 + stage2 + reduction2 + stage3 + classifier;

        Assert.Equal(expected / Math.Log(10), Score(None, Skip, None, Conv1, None, Conv1), 9);
        Assert.Equal(Score(None, None, None, Conv1, None, None), Score(None, Skip, None, Conv1, None, Conv1), 9);
    }

    [Fact]
    public void SumOfCopiesIsTheSameTensor()
    {
        // Node 1 is the input, node 2 the input added to itself, so every convolution reads ReLU(node 0).
        double withCopies = Score(Skip, Skip, Skip, Conv3, Conv3, Conv3);
        double single = Score(None, None, None, Conv3, None, None);

        Assert.Equal(single, withCopies, 9);
    }

    [Fact]
    public void IdenticalPoolingsAreOneTensor()
    {
        // Average pooling has no weights, so 0→1 and 0→2 give one tensor, and node 2 is twice node 1. The 1×1
        // convolutions into node 3 then read ReLU(node 0) and ReLU(node 1) only, as in the cell without node 2.
        double twice = Score(Pool, Pool, None, Conv1, Conv1, Conv1);
        double once = Score(Pool, None, None, Conv1, Conv1, None);

        Assert.Equal(once, twice, 9);
    }

    [Theory]
    [InlineData(RegionMode.Generic)]
    [InlineData(RegionMode.BottleneckBound)]
    [InlineData(RegionMode.TropicalBound)]
    [InlineData(RegionMode.GlobalBound)]
    public void ConvolutionOfZerosShiftsTheSum(RegionMode mode)
    {
        // Node 1 is zero, but its 3×3 convolution adds batch norm's shift β, so node 2 is the input plus a constant: a
        // new tensor with the input's ranks. Node 3 reads the input and node 2 through 3×3 windows, as the residual
        // cell reads the input and node 1.
        NatsOperation[] shifted = { None, Skip, Conv3, Conv3, None, Conv3 };
        NatsOperation[] residual = { Conv3, None, None, Skip, Conv3, None };

        Assert.Equal(Count(residual, Dataset.Cifar10, mode), Count(shifted, Dataset.Cifar10, mode), 9);
    }

    [Fact]
    public void IdentityOfZerosAddsNothing()
    {
        // Node 1 is zero and reaches node 2 through an identity, so node 2 is the input itself, and both convolutions
        // into node 3 read ReLU(node 0).
        Assert.Equal(Score(None, None, None, Conv3, None, None), Score(None, Skip, Skip, Conv3, None, Conv3), 9);
    }

    [Fact]
    public void NatsSizeNetworkScoresAsDerivedByHand()
    {
        // Cell 9930 in every stage: ReLU(node 0), ReLU(node 1) and ReLU(node 2) are read through 3×3 windows. Channels
        // 8:16:24:32:64 give the stem and cell 1 8 channels, reduction 1 16, cell 2 16 to 24, reduction 2 32 and cell 3
        // 32 to 64. Each local rank is the channel count, because every window contains at least that many dimensions.
        double cell1 = 1024 * 3 * ExactZaslavsky.Ln(72, 8);
        double reduction1 = 256 * ExactZaslavsky.Ln(72, 32) + 256 * ExactZaslavsky.Ln(144, 16);
        double cell2 = 256 * (ExactZaslavsky.Ln(144, 16) + 2 * ExactZaslavsky.Ln(216, 24));
        double reduction2 = 64 * ExactZaslavsky.Ln(216, 96) + 64 * ExactZaslavsky.Ln(288, 32);
        double cell3 = 64 * (ExactZaslavsky.Ln(288, 32) + 2 * ExactZaslavsky.Ln(576, 64));
        double classifier = ExactZaslavsky.Ln(4096, 3072);
        double expected = cell1 + reduction1 + cell2 + reduction2 + cell3 + classifier;

        var architecture = NatsSizeArchitecture.Parse("8:16:24:32:64");

        Assert.Equal(expected / Math.Log(10), CellScoring.NatsSize(architecture, Dataset.Cifar10, RegionMode.Generic).Log10, 9);
    }

    [Fact]
    public void ChannelChangingSkipHasNoRelu()
    {
        // A skip_connect that changes the channel count is xautodl's FactorizedReduce at stride 1: conv1×1-BN without a
        // ReLU. A cell of that edge alone therefore reads no ReLU'd tensor.
        NatsOperation[] skipOnly = { None, None, None, Skip, None, None };
        double naturalLog = NetworkTracer.Count(LocalBudget.ReceptiveField, 3072, tracer =>
        {
            int image = tracer.Input(16, 1024);
            _ = NatsTopologyTracing.TraceCell(tracer, image, skipOnly, inChannels: 16, outChannels: 32);
        });

        Assert.Equal(0.0, naturalLog);
    }

    [Fact]
    public void DisconnectedCellHasOneRegion()
    {
        // Node 3 has no path from node 0, so the network output does not depend on the input.
        Assert.Equal(0.0, Score(Conv3, Conv3, Conv3, None, None, None));
    }

    [Fact]
    public void ParallelConvolutionsOfOneTensorCountOnce()
    {
        // 0→1 and 0→3 both read ReLU(node 0) through 3×3 windows; node 1 reaches the output by an identity.
        double single = Score(None, None, None, Conv3, None, None);
        double parallel = Score(Conv3, None, None, Conv3, Skip, None);

        Assert.Equal(single, parallel, 12);
    }

    [Fact]
    public void DeadBranchesAddNothing()
    {
        // Node 2 receives a convolution but reaches nothing: the 0→2 edge is dead.
        Assert.Equal(Score(None, None, None, Conv3, None, None), Score(None, Conv3, None, Conv3, None, None), 12);
    }

    [Fact]
    public void AveragePoolingIsAffine()
    {
        Assert.Equal(Score(None, None, None, Skip, None, None), Score(None, None, None, Pool, None, None), 12);
    }

    [Fact]
    public void WiderWindowsAndDeeperChainsCountMore()
    {
        double skip = Score(None, None, None, Skip, None, None);
        double pointwise = Score(None, None, None, Conv1, None, None);
        double spatial = Score(None, None, None, Conv3, None, None);
        double chain = Score(Conv3, None, Conv3, None, None, Conv3);

        Assert.True(skip < pointwise, "a 1×1 convolution adds an arrangement");
        Assert.True(pointwise < spatial, "a 3×3 window reads nine positions of hyperplanes");
        Assert.True(spatial < chain, "composition multiplies");
    }

    [Fact]
    public void AmortizedBudgetSharesTheImageDimension()
    {
        // 3 colour dimensions per pixel; each stride 2 leaves 4 times fewer positions to share them: 3, 12, 48.
        // A stride-2 read owns 4 positions' worth, and global pooling owns all 64 positions' worth: 48 × 64 = 3,072.
        double expected =
            256 * ExactZaslavsky.Ln(144, 12)
            + 256 * ExactZaslavsky.Ln(288, 12)
            + 64 * ExactZaslavsky.Ln(288, 48)
            + 64 * ExactZaslavsky.Ln(576, 48)
            + ExactZaslavsky.Ln(4096, 3072);

        NatsOperation[] skipOnly = { None, None, None, Skip, None, None };
        Assert.Equal(expected / Math.Log(10), Count(skipOnly, Dataset.Cifar10, RegionMode.BottleneckBound), 9);
    }

    [Fact]
    public void ModesOfCellNetworksAreOrdered()
    {
        NatsOperation[] cell = { Conv3, Conv1, Skip, Conv3, Pool, Conv1 };

        double generic = Count(cell, Dataset.Cifar10, RegionMode.Generic);
        double amortized = Count(cell, Dataset.Cifar10, RegionMode.BottleneckBound);
        double unbudgeted = Count(cell, Dataset.Cifar10, RegionMode.TropicalBound);
        double global = Count(cell, Dataset.Cifar10, RegionMode.GlobalBound);

        Assert.True(amortized < generic, "the amortized budget is the tighter one");
        Assert.True(generic < unbudgeted, "a budget can only lower the count");
        Assert.True(double.IsFinite(global), "the global count is finite");
        Assert.True(global > 0, "the global count has more than one region");
        Assert.Throws<NotSupportedException>(() => Count(cell, Dataset.Cifar10, RegionMode.SerraBound));
        Assert.Throws<NotSupportedException>(() => Count(cell, Dataset.Cifar10, RegionMode.LowerBound));
    }

    [Fact]
    public void EqualCountsAreBitIdentical()
    {
        // Cells with the same region sources in a different layer order must tie exactly, or the last bits decide ties.
        double[] scores = ArchitectureSource.Enumerate(SearchSpace.NatsTopology)
            .Select(cell => CellScoring.NatsTopology((NatsTopologyCell)cell, Dataset.Cifar10, RegionMode.Generic).Log10)
            .ToArray();

        int exact = scores.Distinct().Count();
        int rounded = scores.Select(score => Math.Round(score, 6)).Distinct().Count();
        Assert.Equal(rounded, exact);
    }

    [Fact]
    public void SmallerImagesGiveSmallerCounts()
    {
        NatsOperation[] cell = { Conv3, Conv3, Conv3, Skip, Conv3, Conv3 };

        Assert.True(Count(cell, Dataset.ImageNet16, RegionMode.Generic) <
                    Count(cell, Dataset.Cifar10, RegionMode.Generic));
        Assert.Equal(Count(cell, Dataset.Cifar100, RegionMode.Generic),
                     Count(cell, Dataset.Cifar10, RegionMode.Generic), 12);
    }
}

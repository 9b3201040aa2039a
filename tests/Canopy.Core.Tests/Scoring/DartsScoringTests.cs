using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class DartsScoringTests
{
    private static DartsCell Cell(params (DartsOperation Operation, int Input)[] pairs) => DartsCell.FromPairs(pairs);

    private static double Score(DartsCell normal, DartsNetwork network = DartsNetwork.NasBench301) =>
        CellScoring.Darts(DartsGenotype.Create(normal, Reduce), network, Dataset.Cifar10, RegionMode.Generic).Log10;

    private static readonly DartsCell Reduce = Cell(
        (DartsOperation.MaxPool3x3, 0), (DartsOperation.MaxPool3x3, 1), (DartsOperation.SkipConnect, 2), (DartsOperation.MaxPool3x3, 1),
        (DartsOperation.MaxPool3x3, 0), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.MaxPool3x3, 1));

    private static double Count(DartsGenotype genotype, RegionMode mode) =>
        CellScoring.Darts(genotype, DartsNetwork.NasBench301, Dataset.Cifar10, mode).Log10;

    // Node 2 sums a sep_conv_5x5 of input 0 and a dil_conv_5x5 of input 1. Nodes 3 to 5 each sum two identities of
    // node 2, so their output is node 2's tensor. The cell output concatenates four copies of it: 4C channels whose
    // local rank is the sum of the parts' ranks, but a ReLU of them has only node 2's C hyperplanes per position.
    private static readonly DartsCell SeparableAndDilated = Cell(
        (DartsOperation.SepConv5x5, 0), (DartsOperation.DilConv5x5, 1), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2),
        (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2));

    // Node 2 sums a max pooling and a skip_connect of input 0, both at stride 2, so the skip_connect is a factorized
    // reduction. No edge reads input 1, so the cell never preprocesses the previous cell's output.
    private static readonly DartsCell PoolAndReduceInputZero = Cell(
        (DartsOperation.MaxPool3x3, 0), (DartsOperation.SkipConnect, 0), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2),
        (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2));

    private static DartsCell NormalWith(DartsOperation lastOperation) => Cell(
        (DartsOperation.SepConv3x3, 0), (DartsOperation.SepConv3x3, 1), (DartsOperation.SepConv3x3, 0), (DartsOperation.SepConv3x3, 1),
        (DartsOperation.SepConv3x3, 1), (DartsOperation.SkipConnect, 0), (DartsOperation.SkipConnect, 0), (lastOperation, 2));

    [Fact]
    public void MaxPoolingAddsOneMaxoutRegionFactorPerUnit()
    {
        double withMax = Score(NormalWith(DartsOperation.MaxPool3x3));
        double withAverage = Score(NormalWith(DartsOperation.AvgPool3x3));

        // Normal cells sit at layers 0, 1 (32 channels, 32×32), 3, 4 (64, 16×16) and 6, 7 (128, 8×8).
        // Each max-pooled unit is a rank-9 maxout unit with 9 regions.
        double units = 2 * (32 * 1024 + 64 * 256 + 128 * 64);
        Assert.Equal(units * Math.Log10(9), withMax - withAverage, 6);
    }

    [Fact]
    public void EvaluationNetworkCountsMoreThanNasBench301()
    {
        DartsCell normal = NormalWith(DartsOperation.DilConv5x5);

        double small = Score(normal, DartsNetwork.NasBench301);
        double large = Score(normal, DartsNetwork.Evaluation);

        Assert.True(large > small);
        Assert.True(double.IsFinite(large));
    }

    [Fact]
    public void SeparableConvolutionHasTwoArrangements()
    {
        // A separable convolution applies ReLU-depthwise-pointwise-BN twice; a dilated one once. Each ReLU'd tensor has
        // C channels of full local rank and is read through 3 × 3 taps in the normal cells: 1,024 positions at C = 32,
        // 256 at 64 and 64 at 128, two cells each.
        double separable = Score(NormalWith(DartsOperation.SepConv3x3));
        double dilated = Score(NormalWith(DartsOperation.DilConv3x3));
        double skip = Score(NormalWith(DartsOperation.SkipConnect));
        double oneArrangement = 2 * (1024 * ExactZaslavsky.Ln(9 * 32, 32) + 256 * ExactZaslavsky.Ln(9 * 64, 64) + 64 * ExactZaslavsky.Ln(9 * 128, 128));

        // Read by a convolution in its own cell, node 2 no longer adds its C hyperplanes when the next cells' 1 × 1
        // preprocessing reads the cell output. Normal cells 0, 1, 3, 4 and 6 have outputs that later cells read.
        double nodeTwoInOutputs = (2 * 1024 * 32 + 2 * 256 * 64 + 64 * 128) * Math.Log(2);

        Assert.Equal(oneArrangement / Math.Log(10), separable - dilated, 6);
        Assert.Equal((oneArrangement - nodeTwoInOutputs) / Math.Log(10), dilated - skip, 6);
    }

    [Fact]
    public void NasBench301ScoreAsWorkedByHand()
    {
        // Cells 0 to 7 have C = 32, 32, 64, 64, 64, 128, 128, 128, and their outputs 1,024, 1,024, 256, 256, 256, 64, 64
        // and 64 positions. Cells 2 and 5 reduce. s0 and s1 are a cell's two preprocessed inputs. The 3 × 3 stem reads
        // 27 values of the image, so its 96 channels, and a 1 × 1 preprocessing of them, have local rank ρ = 27. Every
        // other tensor spans all its channels per position, and every budget D stays below the global rank of 3,072.
        // The max poolings take 9^C, the smaller of their two bounds. No ReLU precedes the classifier, so the last
        // cell's output adds nothing.
        double stage1 =
            1024 * ExactZaslavsky.Ln(1 * 96, 27)              // stem output: 1 × 1 preprocessing in cells 0 and 1
            + 2 * 1024 * ExactZaslavsky.Ln(25 * 32, 27)       // s0 of cells 0 and 1 (ρ 27): first ReLU of sep_conv_5x5
            + 2 * 1024 * ExactZaslavsky.Ln(25 * 32, 32)       // middle tensor of sep_conv_5x5 in cells 0 and 1: second ReLU
            + 1024 * ExactZaslavsky.Ln(25 * 32, 27)           // s1 of cell 0, preprocessed from the stem (ρ 27): dil_conv_5x5
            + 1024 * ExactZaslavsky.Ln(25 * 32, 32)           // s1 of cell 1, preprocessed from cell 0's output: dil_conv_5x5
            + 1024 * ExactZaslavsky.Ln(1 * 32, 32)            // cell 0 output (node 2 four times): 1 × 1 preprocessing in cells 1 and 2
            + 256 * ExactZaslavsky.Ln(2 * 32, 2 * 32);        // cell 1 output: only the factorized reduction of cell 3, σ = 2
        double reduction1 =
            // s0 of cell 2 (64 channels at 1,024 positions): max pooling at stride 2
            256 * Math.Min(64 * Math.Log(9), ExactZaslavsky.Ln(64 * 36, 4 * 64))
            + 256 * ExactZaslavsky.Ln(2 * 64, 2 * 64)         // s0 of cell 2: skip_connect at stride 2, a factorized reduction
            + 256 * ExactZaslavsky.Ln(1 * 64, 64);            // cell 2 output (node 2 four times): 1 × 1 preprocessing in cells 3 and 4
        double stage2 =
            2 * 256 * ExactZaslavsky.Ln(25 * 64, 64)          // s0 of cells 3 and 4: first ReLU of sep_conv_5x5
            + 2 * 256 * ExactZaslavsky.Ln(25 * 64, 64)        // middle tensor of sep_conv_5x5 in cells 3 and 4: second ReLU
            + 2 * 256 * ExactZaslavsky.Ln(25 * 64, 64)        // s1 of cells 3 and 4: dil_conv_5x5
            + 256 * ExactZaslavsky.Ln(1 * 64, 64)             // cell 3 output: 1 × 1 preprocessing in cells 4 and 5
            + 64 * ExactZaslavsky.Ln(2 * 64, 2 * 64);         // cell 4 output: only the factorized reduction of cell 6, σ = 2
        double reduction2 =
            // s0 of cell 5 (128 channels at 256 positions): max pooling at stride 2
            64 * Math.Min(128 * Math.Log(9), ExactZaslavsky.Ln(128 * 36, 4 * 128))
            + 64 * ExactZaslavsky.Ln(2 * 128, 2 * 128)        // s0 of cell 5: skip_connect at stride 2, a factorized reduction
            + 64 * ExactZaslavsky.Ln(1 * 128, 128);           // cell 5 output (node 2 four times): 1 × 1 preprocessing in cells 6 and 7
        double stage3 =
            2 * 64 * ExactZaslavsky.Ln(25 * 128, 128)         // s0 of cells 6 and 7: first ReLU of sep_conv_5x5
            + 2 * 64 * ExactZaslavsky.Ln(25 * 128, 128)       // middle tensor of sep_conv_5x5 in cells 6 and 7: second ReLU
            + 2 * 64 * ExactZaslavsky.Ln(25 * 128, 128)       // s1 of cells 6 and 7: dil_conv_5x5
            + 64 * ExactZaslavsky.Ln(1 * 128, 128);           // cell 6 output: 1 × 1 preprocessing in cell 7
        double expected = stage1 + reduction1 + stage2 + reduction2 + stage3;

        DartsGenotype genotype = DartsGenotype.Create(SeparableAndDilated, PoolAndReduceInputZero);
        Assert.Equal(expected / Math.Log(10), Count(genotype, RegionMode.Generic), 9);
    }

    [Fact]
    public void CustomWidthScoreAsWorkedByHand()
    {
        // Five cells of C = 16, 32, 32, 64, 64 reduce at cells 5 / 3 = 1 and 10 / 3 = 3, and the stem has 3 · 16 = 48
        // channels. Cell outputs have 1,024, 256, 256, 64 and 64 positions. As in the NAS-Bench-301 network, the stem
        // has local rank 27, every other tensor spans all its channels per position, the global rank never binds, and
        // each max pooling takes 9^C.
        DartsCell normal = Cell(
            (DartsOperation.SepConv3x3, 0), (DartsOperation.MaxPool3x3, 1), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2),
            (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2));
        DartsCell reduce = Cell(
            (DartsOperation.SepConv5x5, 0), (DartsOperation.DilConv3x3, 1), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2),
            (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2), (DartsOperation.SkipConnect, 2));

        double stem = 1024 * ExactZaslavsky.Ln(1 * 48, 27);   // stem output: 1 × 1 preprocessing in cells 0 and 1
        double cell0 =
            2 * 1024 * ExactZaslavsky.Ln(9 * 16, 16)          // s0 and the middle tensor of sep_conv_3x3
            + 1024 * Math.Min(16 * Math.Log(9), ExactZaslavsky.Ln(16 * 36, 16)) // s1: max pooling at stride 1
            + 1024 * ExactZaslavsky.Ln(1 * 16, 16);           // output, node 2 four times: 1 × 1 in cell 1, above 256 · ln R(2 · 16, 2 · 16) in cell 2
        double cell1 =
            256 * ExactZaslavsky.Ln(25 * 32, 4 * 27)          // s0 (ρ 27 at 1,024 positions): sep_conv_5x5 at stride 2, σ = 4
            + 256 * ExactZaslavsky.Ln(25 * 32, 32)            // middle tensor of sep_conv_5x5, at 256 positions
            + 256 * ExactZaslavsky.Ln(9 * 32, 32)             // s1: dil_conv_3x3 at stride 2, whose taps read only even rows and columns, σ = 1
            + 256 * ExactZaslavsky.Ln(1 * 32, 32);            // output, node 2 four times: 1 × 1 preprocessing in cells 2 and 3
        double cell2 =
            2 * 256 * ExactZaslavsky.Ln(9 * 32, 32)           // s0, reduced from cell 0's output, and the middle tensor of sep_conv_3x3
            + 256 * Math.Min(32 * Math.Log(9), ExactZaslavsky.Ln(32 * 36, 32)) // s1: max pooling
            + 256 * ExactZaslavsky.Ln(1 * 32, 32);            // output, node 2 four times: 1 × 1 in cell 3, above 64 · ln R(2 · 32, 2 · 32) in cell 4
        double cell3 =
            64 * ExactZaslavsky.Ln(25 * 64, 4 * 64)           // s0: sep_conv_5x5 at stride 2
            + 64 * ExactZaslavsky.Ln(25 * 64, 64)             // middle tensor of sep_conv_5x5, at 64 positions
            + 64 * ExactZaslavsky.Ln(9 * 64, 64)              // s1: dil_conv_3x3 at stride 2, σ = 1
            + 64 * ExactZaslavsky.Ln(1 * 64, 64);             // output, node 2 four times: 1 × 1 preprocessing in cell 4
        double cell4 =
            2 * 64 * ExactZaslavsky.Ln(9 * 64, 64)            // s0, reduced from cell 2's output, and the middle tensor of sep_conv_3x3
            + 64 * Math.Min(64 * Math.Log(9), ExactZaslavsky.Ln(64 * 36, 64)); // s1: max pooling
        double expected = stem + cell0 + cell1 + cell2 + cell3 + cell4;

        DartsGenotype genotype = DartsGenotype.Create(normal, reduce, new[] { 16, 32, 32, 64, 64 });
        Assert.Equal(expected / Math.Log(10), Count(genotype, RegionMode.Generic), 9);
    }

    [Fact]
    public void GlobalBoundCountsEveryPooledOutput()
    {
        // Each distinct ReLU'd tensor of N units read contributes ln R(N, 3,072), because no tensor has fewer than 3,072
        // units, so none caps the global rank below the input dimension. A factorized reduction reads 2 of every 4
        // positions, and a ReLU of a cell output reads node 2's C channels once. A max pooling contributes Serra et al.'s
        // maxout bound for all its output units, C channels at every output position, each rank-9 unit cut by
        // 9 · 8 / 2 = 36 hyperplanes.
        double expected =
            ExactZaslavsky.Ln(96 * 1024, 3072)                // stem output
            + 6 * ExactZaslavsky.Ln(32 * 1024, 3072)          // cells 0 and 1: s0, the middle tensor of sep_conv_5x5 and s1
            + ExactZaslavsky.Ln(32 * 1024, 3072)              // output of cell 0, read by 1 × 1 convolutions
            + ExactZaslavsky.Ln(32 * 512, 3072)               // output of cell 1, read only by the factorized reduction of cell 3
            + ExactZaslavsky.Ln(64 * 512, 3072)               // cell 2: s0, ReLU'd by the factorized reduction
            + ExactZaslavsky.Ln(36 * 64 * 256, 3072)          // cell 2: max pooling to 64 channels at 256 positions
            + 2 * ExactZaslavsky.Ln(64 * 256, 3072)           // outputs of cells 2 and 3, read by 1 × 1 convolutions
            + ExactZaslavsky.Ln(64 * 128, 3072)               // output of cell 4, read only by the factorized reduction of cell 6
            + 6 * ExactZaslavsky.Ln(64 * 256, 3072)           // cells 3 and 4: s0, the middle tensor of sep_conv_5x5 and s1
            + ExactZaslavsky.Ln(128 * 128, 3072)              // cell 5: s0, ReLU'd by the factorized reduction
            + ExactZaslavsky.Ln(36 * 128 * 64, 3072)          // cell 5: max pooling to 128 channels at 64 positions
            + 2 * ExactZaslavsky.Ln(128 * 64, 3072)           // outputs of cells 5 and 6
            + 6 * ExactZaslavsky.Ln(128 * 64, 3072);          // cells 6 and 7: s0, the middle tensor of sep_conv_5x5 and s1

        DartsGenotype genotype = DartsGenotype.Create(SeparableAndDilated, PoolAndReduceInputZero);
        Assert.Equal(expected / Math.Log(10), Count(genotype, RegionMode.GlobalBound), 6);
    }
}

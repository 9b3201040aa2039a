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
    private static DartsCellSpec Cell(params (DartsOp Operation, int Input)[] pairs) =>
        new(Enumerable.Range(0, 4).Select(k => (IReadOnlyList<(DartsOp, int)>)new[] { pairs[2 * k], pairs[2 * k + 1] }).ToArray(), new[] { 2, 3, 4, 5 });

    private static readonly DartsCellSpec Reduce = Cell(
        (DartsOp.MaxPool3x3, 0), (DartsOp.MaxPool3x3, 1), (DartsOp.Identity, 2), (DartsOp.MaxPool3x3, 1),
        (DartsOp.MaxPool3x3, 0), (DartsOp.Identity, 2), (DartsOp.Identity, 2), (DartsOp.MaxPool3x3, 1));

    private static DartsCellSpec NormalWith(DartsOp lastOperation) => Cell(
        (DartsOp.SeparableConv3x3, 0), (DartsOp.SeparableConv3x3, 1), (DartsOp.SeparableConv3x3, 0), (DartsOp.SeparableConv3x3, 1),
        (DartsOp.SeparableConv3x3, 1), (DartsOp.Identity, 0), (DartsOp.Identity, 0), (lastOperation, 2));

    [Fact]
    public void MaxPoolingAddsOneMaxoutRegionFactorPerUnit()
    {
        double withMax = CellScoring.Darts(NormalWith(DartsOp.MaxPool3x3), Reduce, DartsNetwork.NasBench301, Dataset.Cifar10, RegionMode.Generic).Log10;
        double withAverage = CellScoring.Darts(NormalWith(DartsOp.AveragePool3x3), Reduce, DartsNetwork.NasBench301, Dataset.Cifar10, RegionMode.Generic).Log10;

        // Normal cells sit at layers 0, 1 (32 channels, 32×32), 3, 4 (64, 16×16) and 6, 7 (128, 8×8); each
        // max-pooled unit is a rank-9 maxout unit with 9 regions.
        double units = 2 * (32 * 1024 + 64 * 256 + 128 * 64);
        Assert.Equal(units * Math.Log10(9), withMax - withAverage, 6);
    }

    [Fact]
    public void EvaluationNetworkCountsMoreThanNasBench301()
    {
        DartsCellSpec normal = NormalWith(DartsOp.DilatedConv5x5);

        double small = CellScoring.Darts(normal, Reduce, DartsNetwork.NasBench301, Dataset.Cifar10, RegionMode.Generic).Log10;
        double large = CellScoring.Darts(normal, Reduce, DartsNetwork.Evaluation, Dataset.Cifar10, RegionMode.Generic).Log10;

        Assert.True(large > small);
        Assert.True(double.IsFinite(large));
    }

    [Fact]
    public void SeparableConvolutionHasTwoArrangements()
    {
        // A separable convolution applies ReLU-depthwise-pointwise-BN twice; a dilated one once.
        double separable = CellScoring.Darts(NormalWith(DartsOp.SeparableConv3x3), Reduce, DartsNetwork.NasBench301, Dataset.Cifar10, RegionMode.Generic).Log10;
        double dilated = CellScoring.Darts(NormalWith(DartsOp.DilatedConv3x3), Reduce, DartsNetwork.NasBench301, Dataset.Cifar10, RegionMode.Generic).Log10;
        double skip = CellScoring.Darts(NormalWith(DartsOp.Identity), Reduce, DartsNetwork.NasBench301, Dataset.Cifar10, RegionMode.Generic).Log10;

        Assert.True(separable - dilated > 0);
        Assert.Equal(dilated - skip, separable - dilated, 6);
    }
}

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
        // A separable convolution applies ReLU-depthwise-pointwise-BN twice; a dilated one once.
        double separable = Score(NormalWith(DartsOperation.SepConv3x3));
        double dilated = Score(NormalWith(DartsOperation.DilConv3x3));
        double skip = Score(NormalWith(DartsOperation.SkipConnect));

        Assert.True(separable - dilated > 0);
        Assert.Equal(dilated - skip, separable - dilated, 6);
    }
}

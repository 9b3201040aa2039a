using System;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class LocalRegionCountTests
{
    // A 16-channel tensor at 32 × 32 whose positions span 3 dimensions each under the amortized budget (the image's
    // colours) and all 16 under the receptive-field budget.
    private static readonly TensorValue Tensor = new(Id: 1, Channels: 16, Positions: 1024, LocalRank: 16, AmortizedRank: 3, GlobalRank: 3072);

    [Fact]
    public void MaxPoolingWithoutBudgetIsProductOfPieces()
    {
        Assert.Equal(16 * Math.Log(9), LocalRegionCount.LocalMaxoutLog(Tensor, 9, 1, LocalBudget.None), 12);
    }

    [Fact]
    public void NarrowBudgetBindsSerraMaxoutBound()
    {
        // 16 rank-9 maxout units tie on 16 · 36 = 576 hyperplanes. In 3 dimensions they allow
        // C(576, 0) + C(576, 1) + C(576, 2) + C(576, 3) = 1 + 576 + 165,600 + 31,684,800 regions, fewer than 9^16.
        Assert.Equal(Math.Log(31_850_977), LocalRegionCount.LocalMaxoutLog(Tensor, 9, 1, LocalBudget.Amortized), 9);
    }

    [Fact]
    public void WideBudgetLeavesProductOfPieces()
    {
        // In 16 dimensions the 576 hyperplanes allow far more than 9^16 regions, so the product is the tighter bound.
        Assert.Equal(16 * Math.Log(9), LocalRegionCount.LocalMaxoutLog(Tensor, 9, 1, LocalBudget.ReceptiveField), 12);
    }

    [Fact]
    public void StridedReadOwnsFourPositionsOfDimension()
    {
        // At stride 2 each output position owns 4 input positions of 3 dimensions: C(144, j) summed for j ≤ 12.
        Assert.Equal(ExactZaslavsky.Ln(144, 12), LocalRegionCount.LocalReluLog(Tensor, 9, 4, LocalBudget.Amortized), 9);
        Assert.Equal(ExactZaslavsky.Ln(144, 64), LocalRegionCount.LocalReluLog(Tensor, 9, 4, LocalBudget.ReceptiveField), 9);
    }

    [Fact]
    public void GlobalReadIsCappedByGlobalRank()
    {
        // Global pooling reads all 1,024 positions: 16,384 hyperplanes, in at most the tensor's 3,072 dimensions.
        Assert.Equal(ExactZaslavsky.Ln(16_384, 3072), LocalRegionCount.LocalReluLog(Tensor, 1024, 1024, LocalBudget.ReceptiveField), 6);
        Assert.Equal(ExactZaslavsky.Ln(16_384, 3072), LocalRegionCount.LocalReluLog(Tensor, 1024, 1024, LocalBudget.Amortized), 6);
    }
}

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
        Assert.Equal(16 * Math.Log(9), LocalRegionCount.LocalMaxoutLog(Tensor, 9, LocalBudget.None), 12);
    }

    [Fact]
    public void NarrowBudgetBindsSerraMaxoutBound()
    {
        // 16 rank-9 maxout units tie on 16 · 36 = 576 hyperplanes. In 3 dimensions they allow
        // C(576, 0) + C(576, 1) + C(576, 2) + C(576, 3) = 1 + 576 + 165,600 + 31,684,800 regions, fewer than 9^16.
        Assert.Equal(Math.Log(31_850_977), LocalRegionCount.LocalMaxoutLog(Tensor, 9, LocalBudget.Amortized), 9);
    }

    [Fact]
    public void WideBudgetLeavesProductOfPieces()
    {
        // In 16 dimensions the 576 hyperplanes allow far more than 9^16 regions, so the product is the tighter bound.
        Assert.Equal(16 * Math.Log(9), LocalRegionCount.LocalMaxoutLog(Tensor, 9, LocalBudget.ReceptiveField), 12);
    }
}

using System;
using System.Linq;
using System.Numerics;
using Canopy.Regions;
using Xunit;

namespace Canopy.Tests.Regions;

/// <summary>Hand-derived counts at the edges of each bound's conditions: widths equal to n0, widths of 2, ties.</summary>
public class BoundEdgeCaseTests
{
    private static FullyConnectedNetwork Net(long inputDimension, params long[] widths) =>
        FullyConnectedNetwork.Create(inputDimension, widths);

    [Fact]
    public void MontufarTakesWidthEqualToInput()
    {
        // Montúfar et al. need n_l ≥ n0, which a layer of width 2 at n0 = 2 meets: ⌊4/2⌋² · (1 + 2 + 1) = 16, above
        // the first layer's Zaslavsky count 1 + 4 + 6 = 11.
        RegionCount count = RegionBounds.LowerBound(Net(2, 4, 2));

        Assert.Equal(new BigInteger(16), count.Value);
        Assert.Equal("Montúfar et al. (2014) lower bound on the first 2 layers", count.Formula);
    }

    [Fact]
    public void TieKeepsFirstLayerCount()
    {
        // ⌊2/2⌋² · (1 + 2 + 1) = 4 equals R(2, 2) = 4, so the simpler first-layer formula is named.
        RegionCount count = RegionBounds.LowerBound(Net(2, 2, 2));

        Assert.Equal(new BigInteger(4), count.Value);
        Assert.Equal("Zaslavsky count of the first layer", count.Formula);
    }

    [Fact]
    public void TropicalBoundIgnoresBottleneck()
    {
        // (C(1,0) + C(1,1)) · (C(2,0) + C(2,1) + C(2,2)) = 2 · 4 = 8. The bottleneck bound caps the second factor at 3.
        Assert.Equal(new BigInteger(8), RegionBounds.TropicalBound(Net(2, 1, 2)).Value);
        Assert.Equal(new BigInteger(6), RegionBounds.BottleneckBound(Net(2, 1, 2)).Value);
    }

    [Fact]
    public void BottleneckStaysAboveExactRange()
    {
        // After a layer of width 1 every later layer has one dimension to split: 2 · 3^3000, about 10^1431.66,
        // beyond the 1,000 digits that get an exact integer.
        long[] widths = new long[] { 1 }.Concat(Enumerable.Repeat(2L, 3000)).ToArray();

        RegionCount count = RegionBounds.BottleneckBound(Net(2, widths));

        Assert.Null(count.Value);
        Assert.Equal(Math.Log10(2) + (3000 * Math.Log10(3)), count.Log10, 6);
    }

    [Fact]
    public void WidthTwoIsNotExactForOneInput()
    {
        // Serra et al.'s Theorems 5 and 6 need every width at least 3. Theorem 1 at n0 = 1: j1 = 0 gives 1 · 3 and
        // j1 = 1 gives 2 · 3, so 9. Montúfar et al.: ⌊2/1⌋ · (1 + 2) = 6.
        RegionCount generic = RegionBounds.Generic(Net(1, 2, 2));
        RegionCount serra = RegionBounds.SerraBound(Net(1, 2, 2));
        RegionCount lower = RegionBounds.LowerBound(Net(1, 2, 2));

        Assert.Equal(new BigInteger(9), generic.Value);
        Assert.False(generic.IsExactMaximum);
        Assert.StartsWith("Serra, Tjandraatmadja and Ramalingam (2018) upper bound", generic.Formula, StringComparison.Ordinal);
        Assert.False(serra.IsExactMaximum);
        Assert.Equal(new BigInteger(6), lower.Value);
        Assert.False(lower.IsExactMaximum);
    }

    [Fact]
    public void SmallCountLogIsExactDouble()
    {
        // Counts that fit a double take Math.Log10 of the double, not BigInteger.Log10, which differs in the last bit.
        Assert.Equal(Math.Log10(7), RegionBounds.Generic(Net(2, 3)).Log10);
    }
}

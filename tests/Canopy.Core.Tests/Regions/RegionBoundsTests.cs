using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using Canopy.Numerics;
using Canopy.Regions;
using Xunit;

namespace Canopy.Tests.Regions;

public class RegionBoundsTests
{
    private static FullyConnectedNetwork Net(long inputDimension, params long[] widths) =>
        FullyConnectedNetwork.Create(inputDimension, widths);

    // C(n, k) by the multiplicative formula, independent of the binomial rows the code sums.
    private static BigInteger Binomial(long n, long k)
    {
        BigInteger result = BigInteger.One;
        for (long i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    // The Serra et al. sum by direct enumeration of the index set J, independent of the budget recursion.
    private static BigInteger SerraByEnumeration(long n0, long[] widths)
    {
        BigInteger Recurse(int layer, long budget)
        {
            if (layer == widths.Length)
            {
                return BigInteger.One;
            }

            long n = widths[layer];
            BigInteger total = BigInteger.Zero;
            for (long j = 0; j <= Math.Min(budget, n); j++)
            {
                total += Binomial(n, j) * Recurse(layer + 1, Math.Min(budget, n - j));
            }

            return total;
        }

        return Recurse(0, n0);
    }

    [Fact]
    public void OneLayerInThePlane()
    {
        RegionCount count = RegionBounds.Generic(Net(2, 3));

        Assert.Equal(new BigInteger(7), count.Value);
        Assert.Equal(Math.Log10(7), count.Log10, 1e-12);
        Assert.True(count.IsExactMaximum);
    }

    [Fact]
    public void TwoNarrowLayersByHand()
    {
        // j1 = 0: 1 × (1 + 2 + 1); j1 = 1: 2 × (1 + 2); j1 = 2: 1 × 1; total 4 + 6 + 1 = 11.
        Assert.Equal(new BigInteger(11), RegionBounds.SerraBound(Net(10, 2, 2)).Value);
        Assert.Equal(new BigInteger(16), RegionBounds.BottleneckBound(Net(10, 2, 2)).Value);
    }

    [Theory]
    [InlineData(2L, new long[] { 3, 3 })]
    [InlineData(3L, new long[] { 5, 2, 4 })]
    [InlineData(4L, new long[] { 3, 6, 2, 5, 4 })]
    [InlineData(1L, new long[] { 1, 2, 1 })]
    [InlineData(6L, new long[] { 6, 6, 6 })]
    [InlineData(5L, new long[] { 9, 3, 8, 7 })]
    public void SerraRecursionMatchesEnumeration(long n0, long[] widths)
    {
        Assert.Equal(SerraByEnumeration(n0, widths), RegionBounds.SerraBound(Net(n0, widths)).Value);
    }

    [Fact]
    public void SerraRecursionOneLayerIsZaslavsky()
    {
        // RegionBounds computes one layer without the recursion, so the test calls the recursion directly.
        var random = new Random(7);
        for (int trial = 0; trial < 50; trial++)
        {
            long n = random.Next(1, 300);
            long d = random.Next(1, 300);
            BigInteger expected = BigInteger.Zero;
            for (long j = 0; j <= Math.Min(n, d); j++)
            {
                expected += Binomial(n, j);
            }

            Assert.True(SerraRecursion.TrySum<BigInteger, ExactCounts>(d, new[] { n }, out BigInteger sum));
            Assert.Equal(expected, sum);
        }
    }

    [Fact]
    public void SerraEqualsTheProductForOneDimensionalInput()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 50; trial++)
        {
            long[] widths = Enumerable.Range(0, random.Next(1, 12)).Select(_ => (long)random.Next(2, 40)).ToArray();
            BigInteger product = widths.Aggregate(BigInteger.One, (p, w) => p * (w + 1));

            Assert.Equal(product, RegionBounds.SerraBound(Net(1, widths)).Value);
        }
    }

    [Fact]
    public void GenericIsExactForOneDimensionalInput()
    {
        RegionCount count = RegionBounds.Generic(Net(1, 3, 4, 5));

        Assert.Equal(new BigInteger(4 * 5 * 6), count.Value);
        Assert.True(count.IsExactMaximum);
        Assert.Equal(count.Value, RegionBounds.LowerBound(Net(1, 3, 4, 5)).Value);
    }

    [Fact]
    public void BoundsAreOrderedOnRandomNetworks()
    {
        var random = new Random(2024);
        for (int trial = 0; trial < 300; trial++)
        {
            long n0 = random.Next(1, 64);
            long[] widths = Enumerable.Range(0, random.Next(1, 8)).Select(_ => (long)random.Next(1, 200)).ToArray();
            var network = Net(n0, widths);

            double lower = RegionBounds.LowerBound(network).Log10;
            double generic = RegionBounds.Generic(network).Log10;
            double serra = RegionBounds.SerraBound(network).Log10;
            double bottleneck = RegionBounds.BottleneckBound(network).Log10;
            double tropical = RegionBounds.TropicalBound(network).Log10;
            double trivial = widths.Sum() * Math.Log10(2);

            const double slack = 1e-9;
            Assert.True(lower <= generic + slack, $"lower {lower} > generic {generic} for {network}");
            Assert.True(generic <= serra + slack, $"generic {generic} > Serra {serra} for {network}");
            Assert.True(serra <= bottleneck + slack, $"Serra {serra} > bottleneck {bottleneck} for {network}");
            Assert.True(bottleneck <= tropical + slack, $"bottleneck {bottleneck} > tropical {tropical} for {network}");
            Assert.True(serra <= trivial + slack, $"Serra {serra} > 2^N for {network}");
        }
    }

    [Fact]
    public void LowerBoundsMatchPublishedFormulas()
    {
        // Montúfar et al. (2014): floor(4/2)^2 × floor(6/2)^2 × (1 + 5 + 10) with n0 = 2 and widths 4, 6, 5.
        Assert.Equal(new BigInteger(4 * 9 * 16), RegionBounds.LowerBound(Net(2, 4, 6, 5)).Value);

        // Serra et al. (2018) Theorem 6 with widths ≥ 3·n0: (floor(6/2)+1)^2 × (1 + 7 + 21).
        Assert.Equal(new BigInteger(16 * 29), RegionBounds.LowerBound(Net(2, 6, 7)).Value);
    }

    // Above ExactDigitLimit no exact integer is computed, so the reported logarithm comes from the floating-point path.
    [Fact]
    public void SerraLowerBoundAboveThousandDigits()
    {
        // Serra et al.'s Theorem 6 on 200 layers of width 30 ≥ 3 · 10: 199 prefix layers of (⌊30/10⌋ + 1)^10 = 4^10
        // each, times Σ_{j ≤ 10} C(30, j) = 53,009,102 for the last layer. Its base-10 logarithm is 1205.82.
        RegionCount exactMultiple = RegionBounds.LowerBound(Net(10, Enumerable.Repeat(30L, 200).ToArray()));

        Assert.Equal(1990 * Math.Log10(4) + Math.Log10(53_009_102), exactMultiple.Log10, 9);
        Assert.Equal(1205.82, exactMultiple.Log10, 2);
        Assert.Null(exactMultiple.Value);
        Assert.Equal("Serra et al. (2018) lower bound on the first 200 layers", exactMultiple.Formula);

        // Width 35 is no multiple of 10, so the floor matters: (⌊35/10⌋ + 1)^10 = 4^10 again, and
        // Σ_{j ≤ 10} C(35, j) = 286,454,524.
        RegionCount withRemainder = RegionBounds.LowerBound(Net(10, Enumerable.Repeat(35L, 200).ToArray()));

        Assert.Equal(1990 * Math.Log10(4) + Math.Log10(286_454_524), withRemainder.Log10, 9);
    }

    [Fact]
    public void MontufarLowerBoundAboveThousandDigits()
    {
        // Width 25 is at least 10 but below 3 · 10, so only Montúfar et al. apply: 399 prefix layers of ⌊25/10⌋^10 = 2^10
        // each, times Σ_{j ≤ 10} C(25, j) = 7,119,516 for the last layer.
        RegionCount count = RegionBounds.LowerBound(Net(10, Enumerable.Repeat(25L, 400).ToArray()));

        Assert.Equal(3990 * Math.Log10(2) + Math.Log10(7_119_516), count.Log10, 9);
        Assert.Null(count.Value);
        Assert.Equal("Montúfar et al. (2014) lower bound on the first 400 layers", count.Formula);
    }

    [Fact]
    public void AbsurdSizesGiveFiniteCountsQuickly()
    {
        var billion = Net(3072, 1_000_000_000, 1_000_000_000);
        var deep = Net(3072, Enumerable.Repeat(64L, 100_000).ToArray());
        var deepAndWide = Net(3072, Enumerable.Repeat(1_000_000_000L, 100_000).ToArray());

        foreach (var network in new[] { billion, deep, deepAndWide })
        {
            foreach (RegionMode mode in Enum.GetValues<RegionMode>())
            {
                RegionCount count = RegionBounds.Compute(network, mode);
                Assert.True(double.IsFinite(count.Log10), $"{mode} of {network} gave {count.Log10}");
                Assert.True(count.Log10 > 0, $"{mode} of {network} gave {count.Log10}");
            }
        }
    }

    [Fact]
    public void GenericFallsBackWhenSerraIsTooCostly()
    {
        var huge = Net(1_000_000_000, 1_000_000_000, 1_000_000_000);

        RegionCount generic = RegionBounds.Generic(huge);

        Assert.Contains("Montúfar", generic.Formula);
        Assert.True(double.IsFinite(generic.Log10));
        Assert.Throws<RegionCountTooLargeException>(() => RegionBounds.SerraBound(huge));
    }

    [Fact]
    public void WidthOneLayersOnHugeInput()
    {
        // After a layer of width 1 every budget is 0 or 1, so the index set contains the all-zero tuple and one tuple per
        // position of the first 1: L + 1 tuples, however large the input dimension.
        var image = FullyConnectedNetwork.Create(24_883_200, new[] { 1L, 1L, 1L });
        var chain = FullyConnectedNetwork.Create(1L << 40, Enumerable.Repeat(1L, 2_000).ToArray());

        Assert.Equal(Math.Log10(4), RegionBounds.SerraBound(image).Log10, 12);
        Assert.Equal(Math.Log10(2_001), RegionBounds.SerraBound(chain).Log10, 12);
        Assert.Contains("Serra", RegionBounds.Generic(chain).Formula);
        Assert.Equal(Math.Log10(2_001), RegionBounds.Generic(chain).Log10, 12);
    }

    [Fact]
    public void SerraBoundOfOneWideLayerIsZaslavsky()
    {
        var wide = Net(20_000_000, 20_000_000);

        RegionCount serra = RegionBounds.SerraBound(wide);

        Assert.Equal(RegionBounds.Generic(wide).Log10, serra.Log10);
        Assert.Equal(20_000_000 * Math.Log10(2), serra.Log10, 6);
        Assert.Contains("Serra", serra.Formula);
    }

    [Fact]
    public void TooCostlyDeepNetworkIsNamedShortly()
    {
        var deep = FullyConnectedNetwork.Create(3072, Enumerable.Repeat(4096L, 19_000).ToArray());

        var error = Assert.Throws<RegionCountTooLargeException>(() => RegionBounds.SerraBound(deep));

        Assert.Equal("The bound of Serra et al. for 3072 -> 4096-4096-4096-...-4096 (19,000 hidden layers) needs more than 15,000,000 dimension-budget updates; use the bottleneck bound for networks this large.", error.Message);
    }

    [Fact]
    public void ExactValueIsOmittedAboveTheDigitLimit()
    {
        RegionCount big = RegionBounds.Generic(Net(3072, 4096, 4096));

        Assert.Null(big.Value);
        Assert.True(big.Log10 > RegionBounds.ExactDigitLimit);
    }
}

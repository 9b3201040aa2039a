using System;
using System.Numerics;
using Canopy.Numerics;
using Xunit;

namespace Canopy.Tests.Regions;

public class ZaslavskyTests
{
    [Fact]
    public void ThreeLinesInThePlaneMakeSevenRegions()
    {
        // Three lines in general position: 1 + 3 + 3 = 7 regions.
        Assert.Equal(new BigInteger(7), Zaslavsky.ExactCount(3, 2));
        Assert.Equal(Math.Log10(7), Zaslavsky.Count(3, 2).Log10, 1e-12);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(5, 9)]
    [InlineData(64, 3072)]
    public void AtMostDimensionHyperplanesGiveAllSignPatterns(long n, long d)
    {
        Assert.Equal(BigInteger.Pow(2, (int)n), Zaslavsky.ExactCount(n, d));
        Assert.Equal(n * Math.Log10(2), Zaslavsky.Count(n, d).Log10, 1e-9);
    }

    [Theory]
    [InlineData(10, 3, 176)]    // 1 + 10 + 45 + 120
    [InlineData(6, 2, 22)]      // 1 + 6 + 15
    [InlineData(4, 1, 5)]       // points on a line: n + 1
    [InlineData(7, 0, 1)]
    public void SmallCountsMatchBinomialSums(long n, long d, int expected)
    {
        Assert.Equal(new BigInteger(expected), Zaslavsky.ExactCount(n, d));
    }

    [Theory]
    [InlineData(3000, 1000)]
    [InlineData(4096, 3072)]
    [InlineData(4096, 2047)]
    [InlineData(1500, 1499)]
    public void FloatCountMatchesExactCount(long n, long d)
    {
        double exact = BigInteger.Log10(Zaslavsky.ExactCount(n, d));

        Assert.Equal(exact, Zaslavsky.Count(n, d).Log10, 1e-9);
    }

    [Theory]
    [InlineData(1_000_000_000L, 3_000_000L)]
    [InlineData(1_000_000_000L, 499_999_999L)]
    [InlineData(1_000_000_000L, 700_000_000L)]
    [InlineData(4_000_000_000L, 3_999_999_999L)]
    public void HugeCountsAreFiniteAndBelowTheTrivialBound(long n, long d)
    {
        double log10 = Zaslavsky.Count(n, d).Log10;

        Assert.True(double.IsFinite(log10));
        Assert.True(log10 <= n * Math.Log10(2) + 1e-6);
        Assert.True(log10 >= Zaslavsky.LogBinomial(n, d) / Math.Log(10) - 1e-6);
    }

    [Fact]
    public void LargeArgumentPathAgreesWithTermByTermSum()
    {
        // 2 million terms exceed the term-by-term limit; the entropy approximation is an independent check.
        long n = 8_000_000;
        long d = 2_000_000;
        double p = (double)d / n;
        double entropyLog10 = n * (-p * Math.Log10(p) - (1 - p) * Math.Log10(1 - p));
        double log10 = Zaslavsky.Count(n, d).Log10;

        // Σ_{j≤d} C(n, j) = 2^{n H(p)} / sqrt(2π n p (1−p)) × (1−p)/(1−2p) to leading order.
        double expected = entropyLog10 - 0.5 * Math.Log10(2 * Math.PI * n * p * (1 - p)) + Math.Log10((1 - p) / (1 - 2 * p));
        Assert.Equal(expected, log10, 1e-4);
    }
}

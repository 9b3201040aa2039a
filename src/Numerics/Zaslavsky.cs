using System;
using System.Numerics;
using MathNet.Numerics;

namespace Canopy.Numerics;

/// <summary>
/// The number of regions of n affine hyperplanes in general position in R^d (Zaslavsky 1975):
/// Σ_{j=0}^{min(n, d)} C(n, j). Exact for one ReLU layer of n units on a d-dimensional input.
/// </summary>
public static class Zaslavsky
{
    // Up to this many terms the sum is accumulated term by term. Beyond it the dominant terms are summed from a
    // log-gamma starting value, which costs O(√n) terms instead of O(d).
    private const long TermByTermLimit = 1_000_000;

    /// <summary>Returns Σ_{j ≤ d} C(n, j) in extended floating point, for any n, d ≥ 0.</summary>
    public static ExtendedFloat Count(long hyperplanes, long dimension)
    {
        Validate(hyperplanes, dimension);
        long n = hyperplanes;
        long d = dimension;

        if (d >= n)
        {
            return ExtendedFloat.PowerOfTwo(n);
        }

        if (2 * d <= n)
        {
            return d <= TermByTermLimit ? SumTermByTerm(n, d) : SumDownFromLargest(n, d);
        }

        // Above n/2 the complement is the short side: 2^n − Σ_{j ≤ n−d−1} C(n, j).
        long complement = n - d - 1;
        ExtendedFloat tail = complement <= TermByTermLimit ? SumTermByTerm(n, complement) : SumDownFromLargest(n, complement);
        return ExtendedFloat.PowerOfTwo(n) - tail;
    }

    /// <summary>Returns Σ_{j ≤ d} C(n, j) as an exact integer; meant for small n.</summary>
    public static BigInteger ExactCount(long hyperplanes, long dimension)
    {
        Validate(hyperplanes, dimension);
        if (dimension >= hyperplanes)
        {
            // Every sign pattern is a region: 2^n, without summing n + 1 binomial coefficients.
            return BigInteger.One << checked((int)hyperplanes);
        }

        var row = new BinomialRow<BigInteger, ExactCounts>(hyperplanes, dimension);
        return row.PrefixSum(dimension);
    }

    /// <summary>Returns ln C(n, k) from the log-gamma function.</summary>
    public static double LogBinomial(long n, long k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);

    private static ExtendedFloat SumTermByTerm(long n, long d)
    {
        ExtendedFloat term = ExtendedFloat.One;
        ExtendedFloat total = ExtendedFloat.One;
        for (long j = 1; j <= d; j++)
        {
            term = term.MultiplyRatio(n - j + 1, j);
            total += term;
        }

        return total;
    }

    // For 2d ≤ n the terms C(n, j) grow with j, so summing down from C(n, d) until the terms no longer
    // change the double-precision total loses nothing.
    private static ExtendedFloat SumDownFromLargest(long n, long d)
    {
        double relativeTotal = 1.0;
        double term = 1.0;
        for (long j = d; j >= 1; j--)
        {
            term *= j / (double)(n - j + 1);
            relativeTotal += term;
            if (term < 1e-18 * relativeTotal)
            {
                break;
            }
        }

        return ExtendedFloat.FromLog10(LogBinomial(n, d) / Math.Log(10.0)) * ExtendedFloat.FromDouble(relativeTotal);
    }

    private static void Validate(long hyperplanes, long dimension)
    {
        if (hyperplanes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hyperplanes), hyperplanes, "The number of hyperplanes must not be negative.");
        }

        if (dimension < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must not be negative.");
        }
    }
}

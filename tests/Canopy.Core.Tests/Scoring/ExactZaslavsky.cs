using System;
using System.Numerics;

namespace Canopy.Tests.Scoring;

/// <summary>Zaslavsky's count from exact integers, independent of the extended-float code under test.</summary>
internal static class ExactZaslavsky
{
    /// <summary>Returns ln Σ_{j ≤ d} C(n, j).</summary>
    public static double Ln(int n, int d)
    {
        BigInteger total = BigInteger.Zero;
        BigInteger term = BigInteger.One;
        for (int j = 0; j <= Math.Min(n, d); j++)
        {
            total += term;
            term = term * (n - j) / (j + 1);
        }

        return BigInteger.Log(total);
    }
}

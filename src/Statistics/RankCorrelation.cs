using System;

namespace Canopy.Statistics;

/// <summary>
/// Correlation coefficients of paired samples, with arrays in and a double out like
/// MathNet.Numerics.Statistics.Correlation. Every method follows one contract:
/// <list type="bullet">
/// <item>Null samples throw <see cref="ArgumentNullException"/>, samples of different length throw <see cref="ArgumentException"/>.</item>
/// <item>The result is NaN when there are fewer than two pairs, when either sample contains NaN, or when either
/// sample is constant, because the coefficient is then undefined. Callers drop missing pairs first.</item>
/// <item>Otherwise the result lies in [−1, 1].</item>
/// </list>
/// </summary>
public static class RankCorrelation
{
    /// <summary>
    /// Computes Pearson's product-moment correlation r. Two passes with compensated sums give the means and then
    /// the centred cross products, after a power-of-two scaling that keeps squares of values near
    /// ±1e308 finite. An infinite value makes r NaN, because the deviations from the mean are then undefined.
    /// </summary>
    public static double Pearson(double[] x, double[] y)
    {
        Samples.RequirePaired(x, y);
        if (x.Length < 2 || !Samples.AllFinite(x) || !Samples.AllFinite(y) || Samples.IsConstant(x) || Samples.IsConstant(y))
        {
            return double.NaN;
        }

        return PearsonOfFinite(x, y);
    }

    /// <summary>
    /// Computes Spearman's rank correlation ρ: Pearson's r of the average ranks, so ties are handled exactly
    /// rather than with the 1 − 6Σd²/(n(n²−1)) shortcut, which holds only without ties. Infinite values are ranked
    /// as the extremes. O(n log n).
    /// </summary>
    public static double Spearman(double[] x, double[] y)
    {
        Samples.RequirePaired(x, y);
        if (x.Length < 2 || Samples.ContainsNaN(x) || Samples.ContainsNaN(y) || Samples.IsConstant(x) || Samples.IsConstant(y))
        {
            return double.NaN;
        }

        return PearsonOfFinite(Ranking.AverageRanks(x), Ranking.AverageRanks(y));
    }

    /// <summary>
    /// Computes Kendall's τ-b, which corrects τ for ties in either sample:
    /// τ-b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), with C and D the concordant and discordant pairs, n₀ = n(n−1)/2 and
    /// n₁, n₂ the pairs tied in x and in y. Counted by Knight's O(n log n) merge-sort algorithm, never by visiting
    /// all pairs. Infinite values are ranked as the extremes.
    /// </summary>
    public static double KendallTauB(double[] x, double[] y)
    {
        Samples.RequirePaired(x, y);
        if (x.Length < 2 || Samples.ContainsNaN(x) || Samples.ContainsNaN(y) || Samples.IsConstant(x) || Samples.IsConstant(y))
        {
            return double.NaN;
        }

        return KnightKendall.TauB(x, y);
    }

    /// <summary>Pearson's r of finite, non-constant samples of at least two pairs.</summary>
    internal static double PearsonOfFinite(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double xScale = ScaleFactor(x);
        double yScale = ScaleFactor(y);
        double xMean = Mean(x, xScale);
        double yMean = Mean(y, yScale);

        var crossProducts = new CompensatedSum();
        var xSquares = new CompensatedSum();
        var ySquares = new CompensatedSum();
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] * xScale - xMean;
            double dy = y[i] * yScale - yMean;
            crossProducts.Add(dx * dy);
            xSquares.Add(dx * dx);
            ySquares.Add(dy * dy);
        }

        // The root of the product, unlike the product of the roots, makes identical or mirrored samples give exactly
        // ±1, because √fl(v·v) = v in IEEE arithmetic. Only a product below the normal range takes the other form.
        double product = xSquares.Value * ySquares.Value;
        double denominator = double.IsNormal(product) ? Math.Sqrt(product) : Math.Sqrt(xSquares.Value) * Math.Sqrt(ySquares.Value);
        return Math.Clamp(crossProducts.Value / denominator, -1.0, 1.0);
    }

    private static double Mean(ReadOnlySpan<double> values, double scale)
    {
        var sum = new CompensatedSum();
        foreach (double value in values)
        {
            sum.Add(value * scale);
        }

        return sum.Value / values.Length;
    }

    // A power of two that brings the largest magnitude near 1. Multiplying by it is exact unless a product falls
    // below the normal range, and r does not depend on scale.
    private static double ScaleFactor(ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (double value in values)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        return largest == 0 ? 1.0 : Math.ScaleB(1.0, Math.Clamp(-Math.ILogB(largest), -1023, 1023));
    }
}

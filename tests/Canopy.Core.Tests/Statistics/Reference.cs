using System;

namespace Canopy.Tests.Statistics;

/// <summary>Textbook O(n²) definitions that the fast coefficients are checked against.</summary>
internal static class Reference
{
    /// <summary>τ-b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), counting every pair once.</summary>
    public static double NaiveKendallTauB(double[] x, double[] y)
    {
        long concordant = 0;
        long discordant = 0;
        long tiedInX = 0;
        long tiedInY = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                int sign = Math.Sign(x[i] - x[j]) * Math.Sign(y[i] - y[j]);
                concordant += sign > 0 ? 1 : 0;
                discordant += sign < 0 ? 1 : 0;
                tiedInX += x[i] == x[j] ? 1 : 0;
                tiedInY += y[i] == y[j] ? 1 : 0;
            }
        }

        long allPairs = (long)x.Length * (x.Length - 1) / 2;
        double denominator = Math.Sqrt((double)(allPairs - tiedInX) * (allPairs - tiedInY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }

    /// <summary>Pearson's r of average ranks, each rank found by counting smaller and equal values.</summary>
    public static double NaiveSpearman(double[] x, double[] y) => PlainPearson(NaiveRanks(x), NaiveRanks(y));

    /// <summary>rank(v) = 1 + #{w &lt; v} + (#{w = v} − 1)/2.</summary>
    public static double[] NaiveRanks(double[] values)
    {
        var ranks = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int smaller = 0;
            int equal = 0;
            foreach (double other in values)
            {
                smaller += other < values[i] ? 1 : 0;
                equal += other == values[i] ? 1 : 0;
            }

            ranks[i] = 1 + smaller + (equal - 1) / 2.0;
        }

        return ranks;
    }

    public static double PlainPearson(double[] x, double[] y)
    {
        double xMean = 0;
        double yMean = 0;
        for (int i = 0; i < x.Length; i++)
        {
            xMean += x[i] / x.Length;
            yMean += y[i] / y.Length;
        }

        double crossProducts = 0;
        double xSquares = 0;
        double ySquares = 0;
        for (int i = 0; i < x.Length; i++)
        {
            crossProducts += (x[i] - xMean) * (y[i] - yMean);
            xSquares += (x[i] - xMean) * (x[i] - xMean);
            ySquares += (y[i] - yMean) * (y[i] - yMean);
        }

        return crossProducts / Math.Sqrt(xSquares * ySquares);
    }
}

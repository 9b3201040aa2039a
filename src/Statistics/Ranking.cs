using System;

namespace Canopy.Statistics;

/// <summary>Ranks of a sample, as used by Spearman's ρ.</summary>
internal static class Ranking
{
    /// <summary>
    /// Returns the 1-based rank of each value, in input order. Tied values share the average of the ranks they
    /// span, so three values tied for ranks 2, 3 and 4 all get 3; the ranks always sum to n(n+1)/2.
    /// Negative and positive infinity rank first and last. Empty input gives an empty array.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN, which has no place in an order.</exception>
    public static double[] AverageRanks(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Samples.ContainsNaN(values))
        {
            throw new ArgumentException("The values contain NaN, which cannot be ranked; remove missing values first.", nameof(values));
        }

        double[] sorted = (double[])values.Clone();
        int[] order = new int[values.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);

        var ranks = new double[values.Length];
        int start = 0;
        while (start < sorted.Length)
        {
            int end = start;
            while (end + 1 < sorted.Length && sorted[end + 1] == sorted[start])
            {
                end++;
            }

            // Positions start..end (0-based) are ranks start+1..end+1, whose average is this.
            double averageRank = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = averageRank;
            }

            start = end + 1;
        }

        return ranks;
    }
}

using System;

namespace Canopy.Statistics;

/// <summary>
/// Kendall's τ-b by Knight's algorithm (W. R. Knight, "A computer method for calculating Kendall's tau with
/// ungrouped data", Journal of the American Statistical Association 61(314), 1966): sort by x then y, count the
/// tied pairs, and count the discordant pairs as the exchanges a merge sort of y makes. O(n log n) time, O(n) memory.
/// </summary>
internal static class KnightKendall
{
    /// <summary>τ-b of samples without NaN, at least two pairs, neither constant.</summary>
    public static double TauB(double[] x, double[] y)
    {
        // Sorting the primitive arrays, x as keys and y as items, is faster than sorting (x, y) structs.
        double[] xs = (double[])x.Clone();
        double[] ys = (double[])y.Clone();
        Array.Sort(xs, ys);
        (long tiedInX, long tiedInBoth) = SortRunsOfEqualX(xs, ys);

        long n = xs.Length;
        long allPairs = n * (n - 1) / 2;

        // Within a run of equal x the ys are now ascending, so every exchange is a discordant pair.
        long discordant = MergeSortCountingExchanges(ys);
        long tiedInY = TiedPairs(ys);

        // C + D = n₀ − n₁ − n₂ + n₃, so C − D = n₀ − n₁ − n₂ + n₃ − 2D.
        long concordantMinusDiscordant = allPairs - tiedInX - tiedInY + tiedInBoth - 2 * discordant;
        // One square root of the product makes identical rankings give exactly 1, as in PearsonOfFinite. The product is
        // taken in double because two pair counts can multiply beyond Int64.
        double denominator = Math.Sqrt((double)(allPairs - tiedInX) * (allPairs - tiedInY));
        return Math.Clamp(concordantMinusDiscordant / denominator, -1.0, 1.0);
    }

    // Sorts y within each run of equal x, so the pairs are ordered by x then y, and counts the pairs tied in x
    // and those tied in both x and y.
    private static (long TiedInX, long TiedInBoth) SortRunsOfEqualX(double[] xs, double[] ys)
    {
        long tiedInX = 0;
        long tiedInBoth = 0;
        int start = 0;
        while (start < xs.Length)
        {
            int end = start + 1;
            while (end < xs.Length && xs[end] == xs[start])
            {
                end++;
            }

            long run = end - start;
            tiedInX += run * (run - 1) / 2;
            if (run > 1)
            {
                Array.Sort(ys, start, end - start);
                tiedInBoth += TiedPairs(ys.AsSpan(start, end - start));
            }

            start = end;
        }

        return (tiedInX, tiedInBoth);
    }

    /// <summary>Sorts <paramref name="values"/> ascending and returns the number of inversions (i &lt; j, v[i] &gt; v[j]).</summary>
    internal static long MergeSortCountingExchanges(double[] values)
    {
        long exchanges = 0;
        double[] source = values;
        double[] target = new double[values.Length];

        for (int width = 1; width < values.Length; width *= 2)
        {
            for (int left = 0; left < values.Length; left += 2 * width)
            {
                int middle = Math.Min(left + width, values.Length);
                int right = Math.Min(left + 2 * width, values.Length);
                exchanges += Merge(source, target, left, middle, right);
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, values))
        {
            Array.Copy(source, values, values.Length);
        }

        return exchanges;
    }

    // Takes from the left run on ties, so equal values never count as an exchange.
    private static long Merge(double[] source, double[] target, int left, int middle, int right)
    {
        long exchanges = 0;
        int i = left;
        int j = middle;
        int k = left;
        while (i < middle && j < right)
        {
            if (source[j] < source[i])
            {
                exchanges += middle - i;
                target[k++] = source[j++];
            }
            else
            {
                target[k++] = source[i++];
            }
        }

        Array.Copy(source, i, target, k, middle - i);
        k += middle - i;
        Array.Copy(source, j, target, k, right - j);
        return exchanges;
    }

    // Sums t(t − 1)/2 over the runs of equal neighbours in a sorted span.
    private static long TiedPairs(ReadOnlySpan<double> sorted)
    {
        long tied = 0;
        long run = 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                run++;
                continue;
            }

            tied += run * (run - 1) / 2;
            run = 1;
        }

        return tied + run * (run - 1) / 2;
    }
}

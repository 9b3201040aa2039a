using System;

namespace Canopy.Statistics;

/// <summary>
/// How many of the best architectures by a proxy are also among the best by the target: the share of the top
/// k by proxy that is also in the top k by target, where k = ⌈n·p/100⌉ for the top p percent (at least 1).
/// </summary>
public static class TopOverlap
{
    /// <summary>
    /// Returns the top-p% overlap in [0, 1], higher values counting as better in both samples.
    /// Ties at the cut-off are shared fractionally: when e values tie for the last g free places, each of them
    /// counts as g/e of a member. The result is the expected overlap when ties are broken at random, so it does
    /// not depend on record order, and it equals the plain count when nothing ties at the cut-off.
    /// Returns NaN for empty samples or when either sample contains NaN.
    /// </summary>
    /// <exception cref="ArgumentNullException">Either sample is null.</exception>
    /// <exception cref="ArgumentException">The samples differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100].</exception>
    public static double Share(double[] proxy, double[] target, double percent)
    {
        Samples.RequirePaired(proxy, target);
        int k = TopCount(proxy.Length, percent);
        if (proxy.Length == 0 || Samples.ContainsNaN(proxy) || Samples.ContainsNaN(target))
        {
            return double.NaN;
        }

        double[] proxyMembership = Membership(proxy, k);
        double[] targetMembership = Membership(target, k);

        var overlap = new CompensatedSum();
        for (int i = 0; i < proxy.Length; i++)
        {
            overlap.Add(proxyMembership[i] * targetMembership[i]);
        }

        return Math.Clamp(overlap.Value / k, 0.0, 1.0);
    }

    /// <summary>
    /// Returns k = ⌈n·p/100⌉, clamped to [1, n] (0 when n is 0). The product is taken in decimal arithmetic, because in
    /// doubles 1,500 × 2.2 / 100 is 33.00000000000001, which would round up to 34 instead of 33.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100], or n is negative.</exception>
    public static int TopCount(int count, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(percent > 0 && percent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "The top percentage must be greater than 0 and at most 100.");
        }

        if (count == 0)
        {
            return 0;
        }

        decimal exact = count * (decimal)percent / 100m;
        return (int)Math.Clamp(Math.Ceiling(exact), 1m, count);
    }

    // Each value's share of membership in the top k: 1 above the cut-off value, 0 below, and g/e for the e values
    // tied at the cut-off when g places remain for them.
    private static double[] Membership(double[] values, int k)
    {
        double[] descending = (double[])values.Clone();
        Array.Sort(descending);
        Array.Reverse(descending);
        double cutoff = descending[k - 1];

        int above = 0;
        int tied = 0;
        foreach (double value in values)
        {
            if (value > cutoff)
            {
                above++;
            }
            else if (value == cutoff)
            {
                tied++;
            }
        }

        double tiedShare = (double)(k - above) / tied;
        var membership = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > cutoff)
            {
                membership[i] = 1.0;
            }
            else if (values[i] == cutoff)
            {
                membership[i] = tiedShare;
            }
        }

        return membership;
    }
}

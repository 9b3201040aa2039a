using System;

namespace Canopy.Statistics;

/// <summary>
/// The tie groups of a sample in ascending order of value, so that the average ranks of any resample of it take
/// O(n + groups) time by counting instead of O(n log n) by sorting. The ranks equal those of
/// <see cref="Ranking.AverageRanks"/> on the resampled values exactly.
/// </summary>
internal sealed class TieGroups
{
    private readonly int[] _groupOf;

    private TieGroups(int[] groupOf, int groupCount)
    {
        _groupOf = groupOf;
        GroupCount = groupCount;
    }

    /// <summary>The number of distinct values.</summary>
    public int GroupCount { get; }

    /// <summary>Groups a sample without NaN.</summary>
    public static TieGroups Of(double[] values)
    {
        double[] sorted = (double[])values.Clone();
        int[] order = new int[values.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);

        int[] groupOf = new int[values.Length];
        int group = -1;
        for (int k = 0; k < sorted.Length; k++)
        {
            if (k == 0 || sorted[k] != sorted[k - 1])
            {
                group++;
            }

            groupOf[order[k]] = group;
        }

        return new TieGroups(groupOf, group + 1);
    }

    /// <summary>
    /// Writes the average rank of each picked value into <paramref name="ranks"/> and returns false when the
    /// picks all fall in one group, so that the resample is constant. <paramref name="counts"/> and
    /// <paramref name="groupRanks"/> are scratch space of length <see cref="GroupCount"/>.
    /// </summary>
    public bool RankPicks(int[] picks, int[] counts, double[] groupRanks, double[] ranks)
    {
        Array.Clear(counts);
        foreach (int pick in picks)
        {
            counts[_groupOf[pick]]++;
        }

        // A group with c members after s smaller values spans ranks s + 1 .. s + c, whose average is s + (c + 1)/2.
        int smaller = 0;
        int groupsPresent = 0;
        for (int g = 0; g < counts.Length; g++)
        {
            if (counts[g] == 0)
            {
                continue;
            }

            groupRanks[g] = smaller + (counts[g] + 1) / 2.0;
            smaller += counts[g];
            groupsPresent++;
        }

        for (int j = 0; j < picks.Length; j++)
        {
            ranks[j] = groupRanks[_groupOf[picks[j]]];
        }

        return groupsPresent > 1;
    }
}

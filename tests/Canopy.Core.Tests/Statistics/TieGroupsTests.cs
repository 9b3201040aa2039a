using System;
using System.Linq;
using Canopy.Statistics;
using Xunit;

namespace Canopy.Tests.Statistics;

public class TieGroupsTests
{
    [Fact]
    public void RanksEqualSortedAverageRanks()
    {
        var random = new Random(11);
        double[] values = Enumerable.Range(0, 300).Select(_ => (double)random.Next(12)).ToArray();
        TieGroups groups = TieGroups.Of(values);
        int[] picks = Enumerable.Range(0, 300).Select(_ => random.Next(300)).ToArray();
        var ranks = new double[300];

        bool varies = groups.RankPicks(picks, new int[groups.GroupCount], new double[groups.GroupCount], ranks);

        Assert.True(varies);
        Assert.Equal(12, groups.GroupCount);
        Assert.Equal(Ranking.AverageRanks(picks.Select(i => values[i]).ToArray()), ranks);
    }

    [Fact]
    public void OneGroupPickedIsConstant()
    {
        double[] values = { 4, 1, 4, 9 };
        TieGroups groups = TieGroups.Of(values);
        var ranks = new double[3];

        // Indices 0 and 2 both hold 4, so the resample (4, 4, 4) is constant and every rank is (1 + 3)/2 = 2.
        bool varies = groups.RankPicks(new[] { 0, 2, 2 }, new int[3], new double[3], ranks);

        Assert.False(varies);
        Assert.Equal(new[] { 2.0, 2, 2 }, ranks);
    }
}

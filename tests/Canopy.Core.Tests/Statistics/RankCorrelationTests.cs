using System;
using Canopy.Statistics;
using Xunit;

namespace Canopy.Tests.Statistics;

public class RankCorrelationTests
{
    // Sizes from 3 to 400 pairs, with and without ties, cover sums whose square roots round differently.
    public static TheoryData<int, int> RankingSizes()
    {
        var data = new TheoryData<int, int>();
        foreach (int n in new[] { 3, 7, 10, 37, 100, 101, 255, 400 })
        {
            data.Add(n, 0);
            data.Add(n, 5);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RankingSizes))]
    public void IdenticalRankingIsExactlyOne(int n, int distinctValues)
    {
        double[] x = RandomValues(n, distinctValues, seed: n);
        double[] y = Array.ConvertAll(x, value => Math.Exp(value));

        Assert.Equal(1.0, RankCorrelation.Spearman(x, y));
        Assert.Equal(1.0, RankCorrelation.KendallTauB(x, y));
        Assert.Equal(1.0, RankCorrelation.Pearson(x, x));
    }

    [Theory]
    [MemberData(nameof(RankingSizes))]
    public void ReversedRankingIsExactlyMinusOne(int n, int distinctValues)
    {
        double[] x = RandomValues(n, distinctValues, seed: n + 1);
        double[] y = Array.ConvertAll(x, value => -3 * value);

        Assert.Equal(-1.0, RankCorrelation.Spearman(x, y));
        Assert.Equal(-1.0, RankCorrelation.KendallTauB(x, y));
        Assert.Equal(-1.0, RankCorrelation.Pearson(x, Array.ConvertAll(x, value => -value)));
    }

    // Draws from a few distinct values, so there are ties, when distinctValues is positive.
    private static double[] RandomValues(int n, int distinctValues, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = distinctValues > 0 ? random.Next(distinctValues) : random.NextDouble() * 100;
        }

        values[0] = -1;
        return values;
    }

    [Fact]
    public void TieInXOnly()
    {
        double[] x = { 1, 2, 2, 3 };
        double[] y = { 1, 3, 2, 4 };

        // Pairs: (1,2) C, (1,3) C, (1,4) C, (2,3) tied in x, (2,4) C, (3,4) C.
        // C = 5, D = 0, n0 = 6, n1 = 1, n2 = 0: τ-b = 5 / √(5·6).
        Assert.Equal(5 / Math.Sqrt(30), RankCorrelation.KendallTauB(x, y), 14);

        // Ranks x = (1, 2.5, 2.5, 4), y = (1, 3, 2, 4), both with mean 2.5.
        // dx = (−1.5, 0, 0, 1.5), dy = (−1.5, 0.5, −0.5, 1.5): Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5.
        Assert.Equal(4.5 / Math.Sqrt(4.5 * 5), RankCorrelation.Spearman(x, y), 14);
    }

    [Fact]
    public void TiesInYOnly()
    {
        double[] x = { 1, 2, 3, 4, 5 };
        double[] y = { 2, 4, 5, 4, 5 };

        // Pairs: C = 7; (2,4) and (3,5) tied in y; (3,4) D. n0 = 10, n1 = 0, n2 = 2: τ-b = (7 − 1) / √(10·8).
        Assert.Equal(6 / Math.Sqrt(80), RankCorrelation.KendallTauB(x, y), 14);

        // Ranks y = (1, 2.5, 4.5, 2.5, 4.5), mean 3. dx = (−2, −1, 0, 1, 2), dy = (−2, −0.5, 1.5, −0.5, 1.5):
        // Σdxdy = 4 + 0.5 + 0 − 0.5 + 3 = 7, Σdx² = 10, Σdy² = 4 + 0.25 + 2.25 + 0.25 + 2.25 = 9.
        Assert.Equal(7 / Math.Sqrt(90), RankCorrelation.Spearman(x, y), 14);

        // Raw values: means 3 and 4, dy = (−2, 0, 1, 0, 1): Σdxdy = 4 + 2 = 6, Σdx² = 10, Σdy² = 6.
        Assert.Equal(6 / Math.Sqrt(60), RankCorrelation.Pearson(x, y), 14);
    }

    [Fact]
    public void TiesInBothAndNegative()
    {
        double[] x = { 1, 1, 2, 2, 3 };
        double[] y = { 5, 5, 4, 6, 1 };

        // Pairs: (1,2) tied in both; (3,4) tied in x only; (1,4), (2,4) C; the other six D.
        // n0 = 10, n1 = 2, n2 = 1: τ-b = (2 − 6) / √(8·9).
        Assert.Equal(-4 / Math.Sqrt(72), RankCorrelation.KendallTauB(x, y), 14);

        // Ranks x = (1.5, 1.5, 3.5, 3.5, 5), y = (3.5, 3.5, 2, 5, 1), means 3.
        // dx = (−1.5, −1.5, 0.5, 0.5, 2), dy = (0.5, 0.5, −1, 2, −2):
        // Σdxdy = −0.75 − 0.75 − 0.5 + 1 − 4 = −5, Σdx² = 9, Σdy² = 9.5.
        Assert.Equal(-5 / Math.Sqrt(9 * 9.5), RankCorrelation.Spearman(x, y), 14);

        // Raw: means 1.8 and 4.2, dx = (−.8, −.8, .2, .2, 1.2), dy = (.8, .8, −.2, 1.8, −3.2):
        // Σdxdy = −.64 − .64 − .04 + .36 − 3.84 = −4.8, Σdx² = 2.8, Σdy² = 14.8.
        Assert.Equal(-4.8 / Math.Sqrt(2.8 * 14.8), RankCorrelation.Pearson(x, y), 14);
    }

    [Fact]
    public void PerfectOrderGivesOne()
    {
        double[] x = { 3, 1, 2, double.PositiveInfinity, double.NegativeInfinity };
        double[] y = { 30, 10, 20, 1e300, -1e300 };

        // Infinities rank as the extremes, so the orders agree exactly.
        Assert.Equal(1.0, RankCorrelation.Spearman(x, y), 14);
        Assert.Equal(1.0, RankCorrelation.KendallTauB(x, y), 14);
    }

    [Fact]
    public void ReversedOrderGivesMinusOne()
    {
        double[] x = { 1, 2, 3, 4, 5, 6 };
        double[] y = { 6, 5, 4, 3, 2, 1 };

        Assert.Equal(-1.0, RankCorrelation.Spearman(x, y), 14);
        Assert.Equal(-1.0, RankCorrelation.KendallTauB(x, y), 14);
        Assert.Equal(-1.0, RankCorrelation.Pearson(x, y), 14);
    }

    [Theory]
    [InlineData(new double[0], new double[0])]
    [InlineData(new[] { 1.0 }, new[] { 2.0 })]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 5.0, 5.0, 5.0 })]
    [InlineData(new[] { 4.0, 4.0, 4.0 }, new[] { 1.0, 2.0, 3.0 })]
    [InlineData(new[] { 1.0, double.NaN, 3.0 }, new[] { 1.0, 2.0, 3.0 })]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 2.0, double.NaN })]
    public void UndefinedCasesGiveNaN(double[] x, double[] y)
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman(x, y)));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB(x, y)));
        Assert.True(double.IsNaN(RankCorrelation.Pearson(x, y)));
    }

    [Fact]
    public void PearsonOfInfinityIsNaN()
    {
        double[] x = { 1, 2, double.PositiveInfinity };
        double[] y = { 1, 2, 3 };

        Assert.True(double.IsNaN(RankCorrelation.Pearson(x, y)));
    }

    [Fact]
    public void TwoPairsGiveSign()
    {
        Assert.Equal(-1.0, RankCorrelation.Pearson(new[] { 1.0, 2.0 }, new[] { 7.0, 3.0 }), 14);
        Assert.Equal(1.0, RankCorrelation.KendallTauB(new[] { 1.0, 2.0 }, new[] { 3.0, 7.0 }), 14);
    }

    [Fact]
    public void MismatchedLengthsThrow()
    {
        double[] x = { 1, 2, 3 };
        double[] y = { 1, 2 };

        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(x, y));
        Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB(x, y));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Pearson(x, y));
    }

    [Fact]
    public void NullSampleThrows()
    {
        double[] x = { 1, 2, 3 };

        Assert.Throws<ArgumentNullException>(() => RankCorrelation.Spearman(x, null!));
        Assert.Throws<ArgumentNullException>(() => RankCorrelation.KendallTauB(null!, x));
        Assert.Throws<ArgumentNullException>(() => RankCorrelation.Pearson(null!, x));
    }

    [Fact]
    public void PearsonSurvivesLargeOffset()
    {
        // x = 1e9 + (1, 2, 3, 4, 5): the one-pass formula Σx² − n·x̄² cancels away every digit here.
        double[] x = { 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5 };
        double[] y = { 2, 4, 5, 4, 5 };

        Assert.Equal(6 / Math.Sqrt(60), RankCorrelation.Pearson(x, y), 12);
    }

    [Fact]
    public void PearsonSurvivesHugeMagnitudes()
    {
        // Squares of 1e300 overflow a double, but r is scale-free: this is the (1..5, 2 4 5 4 5) case scaled.
        double[] x = { 1e300, 2e300, 3e300, 4e300, 5e300 };
        double[] y = { 2e-300, 4e-300, 5e-300, 4e-300, 5e-300 };

        Assert.Equal(6 / Math.Sqrt(60), RankCorrelation.Pearson(x, y), 12);
    }

    [Fact]
    public void AverageRanksShareTiedPositions()
    {
        double[] values = { 10, 30, 20, 30, 30, 5 };

        // Sorted: 5 (rank 1), 10 (2), 20 (3), then three 30s on ranks 4, 5, 6, which average 5.
        Assert.Equal(new[] { 2.0, 5, 3, 5, 5, 1 }, Ranking.AverageRanks(values));
        Assert.Empty(Ranking.AverageRanks(Array.Empty<double>()));
        Assert.Throws<ArgumentException>(() => Ranking.AverageRanks(new[] { 1.0, double.NaN }));
    }
}

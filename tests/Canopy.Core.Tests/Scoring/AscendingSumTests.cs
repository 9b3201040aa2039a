using System;
using System.Linq;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class AscendingSumTests
{
    // The reference: a full sort, then the values added one by one from the smallest.
    private static double NaiveAscendingSum(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        double total = 0;
        foreach (double value in sorted)
        {
            total += value;
        }

        return total;
    }

    private static double[] Sample(Random random, int count, int distinct)
    {
        double[] pool = Enumerable.Range(0, distinct).Select(_ => Math.Exp(random.NextDouble() * 30 - 5)).ToArray();
        return Enumerable.Range(0, count).Select(_ => pool[random.Next(distinct)]).ToArray();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(59, 14)]
    [InlineData(200, 3)]
    [InlineData(150, 64)]
    [InlineData(400, 65)]
    [InlineData(3000, 2500)]
    public void SumMatchesSortedSumBitForBit(int count, int distinct)
    {
        var random = new Random(count * 7919 + distinct);
        var sum = new AscendingSum();

        // One instance over many inputs, as a ledger uses it, so a table left dirty by one call would show.
        for (int trial = 0; trial < 50; trial++)
        {
            double[] values = Sample(random, count, distinct);
            double expected = NaiveAscendingSum(values);

            double actual = sum.Sum(values);

            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }
    }

    [Fact]
    public void SumDependsOnlyOnMultiset()
    {
        double[] values = { 0.1, 1e16, 0.1, 3.0, 1.0, 0.1, 1e16, 7.5 };
        var sum = new AscendingSum();

        double forward = sum.Sum(values);
        double backward = sum.Sum(values.Reverse().ToArray());

        Assert.Equal(BitConverter.DoubleToInt64Bits(NaiveAscendingSum(values)), BitConverter.DoubleToInt64Bits(forward));
        Assert.Equal(BitConverter.DoubleToInt64Bits(forward), BitConverter.DoubleToInt64Bits(backward));
    }

    [Fact]
    public void SumOfNothingIsZero()
    {
        Assert.Equal(0.0, new AscendingSum().Sum(ReadOnlySpan<double>.Empty));
    }
}

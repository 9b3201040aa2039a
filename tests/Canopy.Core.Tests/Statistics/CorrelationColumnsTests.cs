using System;
using Canopy.Statistics;
using Xunit;

namespace Canopy.Tests.Statistics;

public class CorrelationColumnsTests
{
    [Fact]
    public void KeepsOnlyPairsWithBothValues()
    {
        var columns = new CorrelationColumns(2);
        columns.Add(1, ValueStatus.Usable, new[] { 10.0, 100 }, new[] { ValueStatus.Usable, ValueStatus.Usable });
        columns.Add(2, ValueStatus.Usable, new[] { double.NaN, 200 }, new[] { ValueStatus.Empty, ValueStatus.Usable });
        columns.Add(double.NaN, ValueStatus.NotANumber, new[] { 30.0, 300 }, new[] { ValueStatus.Usable, ValueStatus.Usable });
        columns.Add(4, ValueStatus.Usable, new[] { 40.0, double.NaN }, new[] { ValueStatus.Usable, ValueStatus.Absent });

        (double[] first, double[] firstTarget) = columns.UsablePairs(0);
        (double[] second, double[] secondTarget) = columns.UsablePairs(1);

        Assert.Equal(4, columns.RecordCount);
        Assert.Equal(new[] { 10.0, 40 }, first);
        Assert.Equal(new[] { 1.0, 4 }, firstTarget);
        Assert.Equal(new[] { 100.0, 200 }, second);
        Assert.Equal(new[] { 1.0, 2 }, secondTarget);
        Assert.Equal(1, columns.TargetStatusCount(ValueStatus.NotANumber));
        Assert.Equal(1, columns.ProxyStatusCount(0, ValueStatus.Empty));
        Assert.Equal(1, columns.ProxyStatusCount(1, ValueStatus.Absent));
        Assert.Equal(3, columns.ProxyStatusCount(1, ValueStatus.Usable));
    }

    [Fact]
    public void RemembersFirstLeftOutRecordsPerProxy()
    {
        var columns = new CorrelationColumns(2);
        columns.Add(1, ValueStatus.Usable, new[] { 10.0, double.NaN }, new[] { ValueStatus.Usable, ValueStatus.NotFinite });
        columns.Add(double.NaN, ValueStatus.Empty, new[] { 20.0, 200 }, new[] { ValueStatus.Usable, ValueStatus.Usable });
        columns.Add(3, ValueStatus.Usable, new[] { double.NaN, 300 }, new[] { ValueStatus.NotANumber, ValueStatus.Usable });
        for (int i = 0; i < 5; i++)
        {
            columns.Add(4, ValueStatus.Usable, new[] { double.NaN, 400 }, new[] { ValueStatus.Absent, ValueStatus.Usable });
        }

        Assert.Equal(
            new[]
            {
                new LeftOutRecord(2, ValueStatus.Usable, ValueStatus.Empty),
                new LeftOutRecord(3, ValueStatus.NotANumber, ValueStatus.Usable),
                new LeftOutRecord(4, ValueStatus.Absent, ValueStatus.Usable),
            },
            columns.FirstLeftOut(0));
        Assert.Equal(
            new[] { new LeftOutRecord(1, ValueStatus.NotFinite, ValueStatus.Usable), new LeftOutRecord(2, ValueStatus.Usable, ValueStatus.Empty) },
            columns.FirstLeftOut(1));
    }

    [Fact]
    public void IgnoresNumberOfUnusableValue()
    {
        // A caller that passes a number with a non-usable status must not have it counted.
        var columns = new CorrelationColumns(1);
        columns.Add(5, ValueStatus.MissingValue, new[] { 1.0 }, new[] { ValueStatus.Usable });

        Assert.Empty(columns.UsablePairs(0).Proxy);
    }

    [Fact]
    public void RejectsWrongProxyCount()
    {
        var columns = new CorrelationColumns(2);

        Assert.Throws<ArgumentException>(() => columns.Add(1, ValueStatus.Usable, new[] { 1.0 }, new[] { ValueStatus.Usable }));
    }
}

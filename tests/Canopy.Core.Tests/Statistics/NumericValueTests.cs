using System.Collections.Generic;
using System.Numerics;
using Canopy.Statistics;
using Xunit;

namespace Canopy.Tests.Statistics;

public class NumericValueTests
{
    public static TheoryData<object?, ValueStatus, double> Cases => new()
    {
        { "91.57", ValueStatus.Usable, 91.57 },
        { " -1.5e-3 ", ValueStatus.Usable, -0.0015 },
        { 42, ValueStatus.Usable, 42 },
        { 42L, ValueStatus.Usable, 42 },
        { 0.25f, ValueStatus.Usable, 0.25 },
        { 2.5m, ValueStatus.Usable, 2.5 },
        { new BigInteger(1_000_000), ValueStatus.Usable, 1e6 },
        { null, ValueStatus.Empty, double.NaN },
        { "", ValueStatus.Empty, double.NaN },
        { "   ", ValueStatus.Empty, double.NaN },
        { "91,57", ValueStatus.NotANumber, double.NaN },
        { "1,000", ValueStatus.NotANumber, double.NaN },
        { "n/a", ValueStatus.NotANumber, double.NaN },
        { true, ValueStatus.NotANumber, double.NaN },
        { "NaN", ValueStatus.NotFinite, double.NaN },
        { double.PositiveInfinity, ValueStatus.NotFinite, double.NaN },
        { "-Infinity", ValueStatus.NotFinite, double.NaN },
        { "1e400", ValueStatus.NotFinite, double.NaN },
        { BigInteger.Pow(10, 400), ValueStatus.TooLarge, double.NaN },
        { "-1e8", ValueStatus.MissingValue, double.NaN },
        { -100000000.0, ValueStatus.MissingValue, double.NaN },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParsesInvariantNumbers(object? value, ValueStatus expectedStatus, double expectedNumber)
    {
        var missing = new HashSet<double> { -1e8 };

        ValueStatus status = NumericValue.Parse(value, missing, out double number);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedNumber, number);
    }

    [Fact]
    public void NoSentinelsByDefault()
    {
        Assert.Equal(ValueStatus.Usable, NumericValue.Parse("-1e8", null, out double number));
        Assert.Equal(-1e8, number);
    }
}

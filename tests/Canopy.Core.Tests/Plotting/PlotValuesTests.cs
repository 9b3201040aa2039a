using System.Numerics;
using Canopy.Plotting;
using Xunit;

namespace Canopy.Tests.Plotting;

public class PlotValuesTests
{
    [Theory]
    [InlineData("94.37", 94.37)]
    [InlineData(" -1e8 ", -1e8)]
    [InlineData("3", 3)]
    public void TextParsesInInvariantCulture(string text, double expected)
    {
        Assert.True(PlotValues.TryParse(text, out double value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void NumbersOfEveryTypeConvert()
    {
        Assert.True(PlotValues.TryParse(7, out double fromInt));
        Assert.True(PlotValues.TryParse(7L, out double fromLong));
        Assert.True(PlotValues.TryParse(2.5m, out double fromDecimal));
        Assert.True(PlotValues.TryParse(1.5f, out double fromFloat));
        Assert.True(PlotValues.TryParse(BigInteger.Pow(10, 20), out double fromBig));

        Assert.Equal(7, fromInt);
        Assert.Equal(7, fromLong);
        Assert.Equal(2.5, fromDecimal);
        Assert.Equal(1.5, fromFloat);
        Assert.Equal(1e20, fromBig);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData(true)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData('7')]
    public void MissingOrNonFiniteValuesAreRejected(object? raw)
    {
        Assert.False(PlotValues.TryParse(raw, out _));
    }
}

using System;
using Canopy.Numerics;
using Xunit;

namespace Canopy.Tests.Numerics;

public class ExtendedFloatTests
{
    [Theory]
    [InlineData(3.0, 4.0)]
    [InlineData(1e-300, 1e300)]
    [InlineData(0.75, 1e-20)]
    public void ArithmeticMatchesDouble(double left, double right)
    {
        var a = ExtendedFloat.FromDouble(left);
        var b = ExtendedFloat.FromDouble(right);

        Assert.Equal(left * right, (a * b).ToDouble(), 1e-12 * left * right);
        Assert.Equal(left + right, (a + b).ToDouble(), 1e-12 * (left + right));
        Assert.Equal(Math.Log10(left * right), (a * b).Log10, 1e-12);
    }

    [Fact]
    public void PowersBeyondDoubleRangeStayFinite()
    {
        ExtendedFloat huge = ExtendedFloat.PowerOfTwo(1L << 50);

        Assert.Equal((1L << 50) * Math.Log10(2.0), huge.Log10, 1e-3);
        Assert.True(double.IsFinite((huge * huge).Log10));
        Assert.Equal(double.MaxValue, huge.ToDouble());
    }

    [Fact]
    public void PowerMatchesRepeatedProduct()
    {
        var three = ExtendedFloat.FromDouble(3.0);

        Assert.Equal(Math.Pow(3.0, 20), three.Power(20).ToDouble(), 1e-3);
        Assert.Equal(1000 * Math.Log10(3.0), three.Power(1000).Log10, 1e-9);
    }

    [Fact]
    public void SubtractionOfCloseValues()
    {
        var a = ExtendedFloat.FromDouble(1024.0);
        var b = ExtendedFloat.FromDouble(1023.0);

        Assert.Equal(1.0, (a - b).ToDouble(), 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => b - a);
    }

    [Fact]
    public void FromLog10RoundTrips()
    {
        Assert.Equal(12345.678, ExtendedFloat.FromLog10(12345.678).Log10, 1e-9);
        Assert.True(ExtendedFloat.FromLog10(double.NegativeInfinity).IsZero);
    }
}

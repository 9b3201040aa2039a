using System;
using Canopy.Regions;
using Xunit;

namespace Canopy.Tests.Regions;

public class WidthListTests
{
    [Theory]
    [InlineData("64,128,64")]
    [InlineData("64 128 64")]
    [InlineData("64-128-64")]
    [InlineData(" 64 ; 128,64 ")]
    [InlineData("64,128,64,")]
    [InlineData(", 64 , 128 , 64")]
    public void SeparatorsAreInterchangeable(string text)
    {
        Assert.Equal(new long[] { 64, 128, 64 }, WidthList.Parse(new[] { text }));
    }

    [Fact]
    public void PiecesAreJoined()
    {
        Assert.Equal(new long[] { 3, 4, 5 }, WidthList.Parse(new[] { "3", "4-5" }));
    }

    [Theory]
    [InlineData(new[] { "64", "", "128" }, "Width 2 of the 3 layer widths is empty")]
    [InlineData(new[] { "64", "128", " " }, "Width 3 of the 3 layer widths is empty")]
    [InlineData(new[] { null, "64" }, "Width 1 of the 2 layer widths is empty")]
    public void BlankPieceAmongSeveralIsNamed(string?[] pieces, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => WidthList.Parse(pieces!));

        Assert.Contains(expected, exception.Message);
    }

    [Theory]
    [InlineData("1e12", 1_000_000_000_000L)]
    [InlineData("1E+3", 1000L)]
    [InlineData("64.0", 64L)]
    [InlineData("1099511627776", 1L << 40)]
    public void IntegralNotationsAreWhole(string text, long expected)
    {
        Assert.Equal(new[] { expected }, WidthList.Parse(new[] { text }));
    }

    [Theory]
    [InlineData("1.5", "'1.5' is not a whole number")]
    [InlineData("2.5e0", "'2.5e0' is not a whole number")]
    [InlineData("2e12", "2e12 is out of range")]
    [InlineData("abc", "'abc' is not a whole number")]
    [InlineData("64--64", "empty width between two hyphens")]
    [InlineData("64,,128", "'64,,128' contain an empty width between two separators")]
    [InlineData("64, ,128", "'64, ,128' contain an empty width between two separators")]
    [InlineData("64;,128", "empty width between two separators")]
    [InlineData("0", "0 is out of range")]
    [InlineData("-5", "-5 is out of range")]
    [InlineData("3,-5", "-5 is out of range")]
    [InlineData("1000000000000000000000000000000", "1000000000000000000000000000000 is out of range")]
    [InlineData("", "The list of layer widths is empty; give at least one width")]
    public void BadWidthsAreNamed(string text, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => WidthList.Parse(new[] { text }));

        Assert.Contains(expected, exception.Message);
        Assert.DoesNotContain("Parameter", exception.Message);
    }
}

using System;
using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class LayerWidthsTextTests
{
    private const string Cell = "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|";

    [Theory]
    [InlineData(new[] { "64", "128", "64" }, false, false)]
    [InlineData(new[] { "64,128,64" }, false, false)]
    [InlineData(new[] { Cell }, false, true)]
    [InlineData(new[] { Cell, "mlp:784:128" }, false, true)]
    [InlineData(new[] { "|bad_op~0|+|none~0|none~1|+|none~0|none~1|none~2|" }, false, true)]
    [InlineData(new[] { "[32, 24, 48, 64, 16]" }, false, true)]
    [InlineData(new[] { "[32, 24, 48, 64, 16]" }, true, false)]
    [InlineData(new[] { "[64, 128, 64]" }, false, false)]
    [InlineData(new[] { Cell, "64" }, false, false)]
    public void ArchitecturesAreDistinguishedFromWidths(string[] texts, bool inputDimensionGiven, bool expected)
    {
        Assert.Equal(expected, LayerWidthsText.AreArchitectureStrings(texts, inputDimensionGiven));
    }

    [Fact]
    public void BracketedWidthsAreFoundForTheWarning()
    {
        (string Text, long[] Widths)? found = LayerWidthsText.FindBracketedWidths(new[] { Cell, "[32, 24, 48, 64, 16]" });

        Assert.NotNull(found);
        Assert.Equal("[32, 24, 48, 64, 16]", found.Value.Text);
        Assert.Equal(new long[] { 32, 24, 48, 64, 16 }, found.Value.Widths);
        Assert.Null(LayerWidthsText.FindBracketedWidths(new[] { Cell }));
    }

    [Fact]
    public void OperationNamesAreJoinedIntoOneList()
    {
        string[] names = { "nor_conv_3x3", "none", "none", "skip_connect", "none", "none" };

        Assert.Equal("nor_conv_3x3,none,none,skip_connect,none,none", LayerWidthsText.JoinOperationList(names));
        Assert.Null(LayerWidthsText.JoinOperationList(new[] { "64", "128" }));
        Assert.Null(LayerWidthsText.JoinOperationList(new[] { "nor_conv_3x3" }));
    }

    [Fact]
    public void ArchitectureAmongWidthsGetsAHint()
    {
        var failure = new FormatException("The layer width 'x' is not a whole number.");

        Assert.Equal($"'{Cell}' is an architecture string, not a list of layer widths. Pass it with -Architecture, or pipe it to Get-TropicalScore.",
            LayerWidthsText.DescribeInvalidWidths(new[] { "64", Cell }, failure));
        Assert.Equal("The layer width 'x' is not a whole number.", LayerWidthsText.DescribeInvalidWidths(new[] { "64", "x" }, failure));
    }
}

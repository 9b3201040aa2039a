using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class MlpFieldsTests
{
    [Theory]
    [InlineData("64,128,64")]
    [InlineData("64-128-64")]
    [InlineData("64 128 64")]
    [InlineData("[64, 128, 64]")]
    [InlineData("(64, 128, 64)")]
    [InlineData(" [64,128,64] ")]
    public void WidthFormsGiveOneCanonical(string widths)
    {
        Assert.True(MlpFields.TryCreate(new[] { widths }, 784, out MlpArchitecture? mlp, out string? error), error);

        Assert.Equal("mlp:784:64-128-64", mlp!.Canonical);
    }

    [Theory]
    [InlineData(null, 3072)]
    [InlineData("", 3072)]
    [InlineData("  ", 3072)]
    [InlineData("784", 784)]
    [InlineData(" 10 ", 10)]
    [InlineData("784.0", 784)]
    [InlineData("7.84e2", 784)]
    public void InputDimensionDefaultsWhenBlank(string? text, long expected)
    {
        Assert.True(MlpFields.TryParseInputDimension(text, MlpFields.DefaultInputDimension, out long dimension, out string? error), error);

        Assert.Equal(expected, dimension);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("3.072")]
    [InlineData("1e13")]
    [InlineData("wide")]
    [InlineData("1099511627777")]
    public void InvalidInputDimensionIsNamed(string text)
    {
        Assert.False(MlpFields.TryParseInputDimension(text, MlpFields.DefaultInputDimension, out _, out string? error));

        Assert.Equal($"InputDimension '{text}' is invalid; it must be a whole number from 1 to 1099511627776.", error);
    }

    [Theory]
    [InlineData("64,abc", "The layer width 'abc' is not a whole number.")]
    [InlineData("64,0", "The layer width 0 is out of range; widths must be between 1 and 1099511627776.")]
    [InlineData("[]", "The list of layer widths is empty; give at least one width, for example 64,128,64.")]
    public void InvalidWidthsGiveTheReason(string widths, string reason)
    {
        Assert.False(MlpFields.TryCreate(new[] { widths }, 3072, out MlpArchitecture? mlp, out string? error));

        Assert.Null(mlp);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void WidthsNamesIgnoreCase()
    {
        Assert.True(MlpFields.IsWidthsName("layerwidths"));
        Assert.True(MlpFields.IsWidthsName("WIDTHS"));
        Assert.False(MlpFields.IsWidthsName("LayerWidth"));
    }

    [Theory]
    [InlineData("mlp:3072:64", true)]
    [InlineData("  MLP:10:5", true)]
    [InlineData("64-128", false)]
    public void MlpStringIsRecognised(string text, bool expected)
    {
        Assert.Equal(expected, MlpFields.IsMlpString(text));
    }
}

using System;
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

    [Theory]
    [InlineData("32-512-256", "mlp:<input dimension>:32-512-256, such as mlp:3072:32-512-256")]
    [InlineData("(512,)", "mlp:<input dimension>:512, such as mlp:3072:512")]
    [InlineData("[1024]", "mlp:<input dimension>:1024, such as mlp:3072:1024")]
    [InlineData("256 64 256", "mlp:<input dimension>:256-64-256,")]
    public void WidthsListsGetTheMlpForm(string text, string expected)
    {
        string? hint = MlpFields.DescribeWidthsForm(text);

        Assert.NotNull(hint);
        Assert.Contains(expected, hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9930")]
    [InlineData("(4, 3, 3, 0, 0, 2)")]
    [InlineData("(4, 3, 3, 0, 0, 7)")]
    [InlineData("mlp:3072:64")]
    [InlineData("|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|")]
    public void OtherTextGetsNoWidthsForm(string text)
    {
        Assert.Null(MlpFields.DescribeWidthsForm(text));
    }

    [Theory]
    [InlineData(new[] { "run", "hidden", "input_dim", "acc" }, "hidden", "input_dim")]
    [InlineData(new[] { "in_features", "LayerWidths" }, "LayerWidths", "in_features")]
    [InlineData(new[] { "N0", "Widths" }, "Widths", "N0")]
    [InlineData(new[] { "run", "hidden_dims", "acc" }, "hidden_dims", null)]
    [InlineData(new[] { "hidden", "inputdimension", "acc" }, "hidden", null)]
    [InlineData(new[] { "LayerWidths", "hidden_dim", "input_size" }, "LayerWidths", "input_size")]
    public void InputDimensionLikeNamesAreFound(string[] names, string widthsName, string? expected)
    {
        Assert.Equal(expected, MlpFields.FindInputDimensionLikeName(names, widthsName));
    }

    [Fact]
    public void DefaultInputWarningNamesColumn()
    {
        Assert.Equal(
            "2 MLP rows had no InputDimension value, so the default of 3072 inputs, a 32 × 32 RGB image, was used. The column 'input_dim' was not read as the input dimension. Give -InputDimension, or name the column InputDimension.",
            MlpFields.DescribeDefaultInputDimension(2, "MLP row", "input_dim", "column"));
        Assert.Equal(
            "1 MLP had no InputDimension value, so the default of 3072 inputs, a 32 × 32 RGB image, was used. Give -InputDimension, or name the property InputDimension.",
            MlpFields.DescribeDefaultInputDimension(1, "MLP", null, "property"));
    }
}

using Canopy.Storage.Input;
using Xunit;

namespace Canopy.Tests.Storage;

public class CellValueTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("0", 0L)]
    [InlineData(" 15625 ", 15625L)]
    public void WholeNumbersBecomeLong(string text, long expected)
    {
        Assert.Equal(expected, Assert.IsType<long>(CellValue.Parse(text)));
    }

    [Theory]
    [InlineData("85.86333333333334", 85.86333333333334)]
    [InlineData("-1e8", -1e8)]
    [InlineData("1.5E-3", 0.0015)]
    [InlineData("99999999999999999999", 1e20)]
    public void OtherNumbersBecomeDouble(string text, double expected)
    {
        Assert.Equal(expected, Assert.IsType<double>(CellValue.Parse(text)));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    [InlineData("007")]
    [InlineData("1e999")]
    [InlineData("-1e999")]
    [InlineData("1,5")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")]
    public void OtherTextStaysText(string text)
    {
        Assert.Equal(text, Assert.IsType<string>(CellValue.Parse(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void EmptyFieldsAreMissing(string? text)
    {
        Assert.Null(CellValue.Parse(text));
    }
}

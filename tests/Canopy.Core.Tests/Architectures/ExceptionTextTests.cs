using System;
using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class ExceptionTextTests
{
    [Fact]
    public void OutOfRangeLosesParameterAndValue()
    {
        var exception = new ArgumentOutOfRangeException("inputDimension", 0L, "The input dimension must be between 1 and 1099511627776.");

        Assert.Equal("The input dimension must be between 1 and 1099511627776.", ExceptionText.Plain(exception));
    }

    [Fact]
    public void ArgumentLosesParameter()
    {
        Assert.Equal("Width 72 is not in the space.", ExceptionText.Plain(new ArgumentException("Width 72 is not in the space.", "widths")));
        Assert.Equal("No name.", ExceptionText.Plain(new ArgumentException("No name.")));
    }

    [Fact]
    public void OtherMessagesStay()
    {
        Assert.Equal("'1.5' is not a whole number.", ExceptionText.Plain(new FormatException("'1.5' is not a whole number.")));
    }
}

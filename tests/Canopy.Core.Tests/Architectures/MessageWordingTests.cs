using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class MessageWordingTests
{
    [Theory]
    [InlineData(0, "0 edges")]
    [InlineData(1, "1 edge")]
    [InlineData(2, "2 edges")]
    public void CountAgreesWithNumber(int count, string expected)
    {
        Assert.Equal(expected, MessageWording.Count(count, "edge", "edges"));
    }

    [Theory]
    [InlineData(1, "1 operation was given")]
    [InlineData(4, "4 operations were given")]
    public void GivenAgreesWithNumber(int count, string expected)
    {
        Assert.Equal(expected, MessageWording.Given(count, "operation", "operations"));
    }

    [Theory]
    [InlineData(0, 0, "node 0")]
    [InlineData(0, 1, "nodes 0 and 1")]
    [InlineData(0, 4, "nodes 0 to 4")]
    [InlineData(2, 5, "nodes 2 to 5")]
    public void NodesNamesRange(int first, int last, string expected)
    {
        Assert.Equal(expected, MessageWording.Nodes(first, last));
    }
}

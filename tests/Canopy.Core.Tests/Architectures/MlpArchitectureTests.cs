using System;
using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class MlpArchitectureTests
{
    [Fact]
    public void MlpStringRoundTrips()
    {
        MlpArchitecture mlp = MlpArchitecture.Parse("MLP:3072:64,128, 64");

        Assert.Equal("mlp:3072:64-128-64", mlp.Canonical);
        Assert.Equal(3072, mlp.InputDimension);
        Assert.Equal(new long[] { 64, 128, 64 }, mlp.Widths);
        Assert.Equal(mlp, ArchitectureParser.Parse(mlp.Canonical));
    }

    [Fact]
    public void WrapsFullyConnectedNetwork()
    {
        MlpArchitecture mlp = MlpArchitecture.Create(2, new long[] { 3 });

        Assert.Equal("mlp:2:3", mlp.Canonical);
        Assert.Equal((2 + 1) * 3, mlp.Network.ParameterCount);
    }

    [Fact]
    public void InvalidSizesRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MlpArchitecture.Create(0, new long[] { 3 }));
        var exception = Assert.Throws<ArchitectureFormatException>(() => MlpArchitecture.Parse("mlp:10:"));
        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
    }
}

using System;
using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class BenchmarkIndexTextTests
{
    [Theory]
    [InlineData("9930", true)]
    [InlineData(" 12 ", true)]
    [InlineData("-1", true)]
    [InlineData("8:16", false)]
    [InlineData("12.5", false)]
    [InlineData("", false)]
    public void WholeNumbersRecognised(string text, bool expected)
    {
        Assert.Equal(expected, BenchmarkIndexText.IsWholeNumber(text));
    }

    [Fact]
    public void IndexNameFoundInAnyCase()
    {
        Assert.Equal("Arch_Index", BenchmarkIndexText.FindIndexName(new[] { "acc", "Arch_Index", "idx" }));
        Assert.Equal("benchmarkindex", BenchmarkIndexText.FindIndexName(new[] { "benchmarkindex" }));
        Assert.Null(BenchmarkIndexText.FindIndexName(new[] { "acc", "indexes", "arch" }));
    }

    [Fact]
    public void NumberMessageNamesBothSpaces()
    {
        string message = BenchmarkIndexText.DescribeNumber("9930");

        Assert.StartsWith("'9930' is a whole number, not an architecture. A benchmark index is not an architecture.", message, StringComparison.Ordinal);
        Assert.Contains("NATS-Bench's api.arch(index)", message, StringComparison.Ordinal);
        Assert.EndsWith("Get-CanopyArchitecture -SearchSpace NatsSize | Where-Object BenchmarkIndex -eq <index> returns its channel list.", message, StringComparison.Ordinal);
    }
}

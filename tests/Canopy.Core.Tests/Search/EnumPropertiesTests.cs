using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Search;
using Xunit;

namespace Canopy.Tests.Search;

public class EnumPropertiesTests
{
    [Theory]
    [InlineData("TropicalBound")]
    [InlineData(" tropicalbound ")]
    [InlineData("1")]
    [InlineData(1L)]
    [InlineData(1)]
    public void TryParseReadsNameOrNumber(object value)
    {
        Assert.True(EnumProperties.TryParse(value, out RegionMode mode));
        Assert.Equal(RegionMode.TropicalBound, mode);
    }

    [Fact]
    public void TryParseReadsMember()
    {
        Assert.True(EnumProperties.TryParse(DartsNetwork.Evaluation, out DartsNetwork network));
        Assert.Equal(DartsNetwork.Evaluation, network);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Tropical")]
    [InlineData("Generic, TropicalBound")]
    [InlineData("99")]
    [InlineData(-1L)]
    [InlineData(4294967296L)]
    [InlineData(1.0)]
    public void TryParseRejectsNonMembers(object? value)
    {
        Assert.False(EnumProperties.TryParse(value, out RegionMode _));
    }

    [Fact]
    public void TryParseRejectsMemberOfOtherEnum()
    {
        Assert.False(EnumProperties.TryParse(SearchSpace.NatsSize, out RegionMode _));
    }

    [Theory]
    [InlineData("Strategy", 1L, "Random")]
    [InlineData("strategy", "0", "RegularizedEvolution")]
    [InlineData("SearchSpace", 2L, "Darts")]
    [InlineData("Objective", 2L, "Flops")]
    [InlineData("Mode", 3L, "SerraBound")]
    [InlineData("TieBreaker", "ParameterCount", "ParameterCount")]
    [InlineData("DartsNetwork", 1L, "Evaluation")]
    [InlineData("Status", 3L, "ScoringFailed")]
    public void NameOfTranslatesKnownProperties(string property, object value, string expected)
    {
        Assert.Equal(expected, EnumProperties.NameOf(property, value));
    }

    [Theory]
    [InlineData("Seed", 1L)]
    [InlineData("Strategy", 7L)]
    [InlineData("Status", "Unknown")]
    public void NameOfReturnsNullOtherwise(string property, object value)
    {
        Assert.Null(EnumProperties.NameOf(property, value));
    }

    [Theory]
    [InlineData(0L, true)]
    [InlineData(3, true)]
    [InlineData(" 2 ", true)]
    [InlineData("Generic", false)]
    [InlineData(1.5, false)]
    [InlineData(null, false)]
    public void IsNumberRecognisesIntegers(object? value, bool expected)
    {
        Assert.Equal(expected, EnumProperties.IsNumber(value));
    }
}

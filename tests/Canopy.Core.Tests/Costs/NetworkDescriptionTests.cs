using Canopy.Architectures;
using Canopy.Costs;
using Canopy.Tests.Architectures;
using Xunit;

namespace Canopy.Tests.Costs;

public class NetworkDescriptionTests
{
    private const string Cell = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    [Theory]
    [InlineData(Cell, DartsNetwork.NasBench301)]
    [InlineData("8:16:24:32:64", DartsNetwork.NasBench301)]
    [InlineData("mlp:3072:64-128-64", DartsNetwork.NasBench301)]
    [InlineData(DartsGenotypeTests.DartsV2, DartsNetwork.NasBench301)]
    [InlineData(DartsGenotypeTests.DartsV2, DartsNetwork.Evaluation)]
    [InlineData(DartsGenotypeTests.DartsV2 + "; widths=[16, 32]", DartsNetwork.Evaluation)]
    public void OfMatchesRecordNetwork(string text, DartsNetwork network)
    {
        Architecture architecture = ArchitectureParser.Parse(text);

        ArchitectureRecord record = ArchitectureRecord.Create(architecture, Dataset.ImageNet16, network);

        Assert.Equal(record.Network, NetworkDescription.Of(architecture, network));
    }

    [Fact]
    public void DescribesEitherDartsNetwork()
    {
        Architecture genotype = ArchitectureParser.Parse(DartsGenotypeTests.DartsV2);

        Assert.True(NetworkDescription.Describes("NAS-Bench-301: 8 cells, C = 32", genotype));
        Assert.True(NetworkDescription.Describes(" DARTS evaluation: 20 cells, C = 36 ", genotype));
        Assert.False(NetworkDescription.Describes("DARTS network: 2 cells, C = 16, 32", genotype));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MLP: hidden layers only")]
    [InlineData("nats-bench topology: c = 16, 5 cells per stage")]
    [InlineData("ResNet-20")]
    public void DescribesNoOtherText(string? text)
    {
        Architecture cell = ArchitectureParser.Parse(Cell);

        Assert.False(NetworkDescription.Describes(text, cell));
    }
}

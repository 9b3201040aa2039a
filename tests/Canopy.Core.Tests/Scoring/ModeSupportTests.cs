using System;
using System.Linq;
using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class ModeSupportTests
{
    // One architecture of each space, small enough for every mode's work limit.
    private static Architecture Example(SearchSpace space) => space switch
    {
        SearchSpace.NatsTopology => ArchitectureParser.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"),
        SearchSpace.NatsSize => ArchitectureParser.Parse("8:16:24:32:64"),
        SearchSpace.Darts => ArchitectureParser.Parse(
            "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), " +
            "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], " +
            "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), " +
            "('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"),
        _ => MlpArchitecture.Parse("MLP:3072:64,128,64"),
    };

    [Theory]
    [InlineData(SearchSpace.NatsTopology)]
    [InlineData(SearchSpace.NatsSize)]
    [InlineData(SearchSpace.Darts)]
    [InlineData(SearchSpace.Mlp)]
    public void DefinedModesAreTheOnesTheScorerAccepts(SearchSpace space)
    {
        Architecture architecture = Example(space);

        foreach (RegionMode mode in Enum.GetValues<RegionMode>())
        {
            bool scored = TryScore(architecture, mode);
            Assert.True(scored == ModeSupport.IsDefined(mode, space), $"{mode} on {space}: scored {scored}");
        }
    }

    [Fact]
    public void CellSpacesLackSerraAndLowerBound()
    {
        RegionMode[] cellModes = { RegionMode.Generic, RegionMode.TropicalBound, RegionMode.BottleneckBound, RegionMode.GlobalBound };

        Assert.Equal(cellModes, ModeSupport.DefinedFor(SearchSpace.Darts));
        Assert.Equal(cellModes, ModeSupport.DefinedFor(SearchSpace.NatsTopology));
        Assert.Equal(Enum.GetValues<RegionMode>(), ModeSupport.DefinedFor(SearchSpace.Mlp));
    }

    [Fact]
    public void UnsupportedMessageNamesTheCellModes()
    {
        string message = ModeSupport.NotDefinedMessage(RegionMode.SerraBound);

        Assert.Equal(
            "The SerraBound mode is defined for fully connected networks only; cell-based networks support Generic, TropicalBound, BottleneckBound and GlobalBound.",
            message);
    }

    private static bool TryScore(Architecture architecture, RegionMode mode)
    {
        try
        {
            TropicalScorer.Score(architecture, new ScoringOptions(mode, Dataset.Cifar10, DartsNetwork.NasBench301));
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}

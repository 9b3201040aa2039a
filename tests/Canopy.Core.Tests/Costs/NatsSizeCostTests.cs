using System;
using System.Linq;
using Canopy.Architectures;
using Canopy.Costs;
using Xunit;

namespace Canopy.Tests.Costs;

public class NatsSizeCostTests
{
    [Fact]
    public void Index12MatchesNatsBenchRecord()
    {
        // NATS-Bench's create-query-sss notebook prints get_cost_info(12, 'cifar10'): params 0.067378, flops 7.991706.
        // Layer 4 maps 16 to 40 channels, so its skip edge is the stride-1 FactorizedReduce (1×1 conv + BN).
        NetworkCost cost = CostModel.Count(NatsSizeArchitecture.FromIndex(12), Dataset.Cifar10);

        Assert.Equal(67_378, cost.Parameters);
        Assert.Equal(7_991_706, cost.Flops);
    }

    [Fact]
    public void IndexTwelveIsOnlyMatch()
    {
        int matches = NatsSizeArchitecture.EnumerateAll()
            .Select(architecture => CostModel.Count(architecture, Dataset.Cifar10))
            .Count(cost => cost.Parameters == 67_378 && cost.Flops == 7_991_706);

        Assert.Equal(1, matches);
    }

    [Theory]
    [InlineData(Dataset.Cifar10, 0.0117, 0.7137, 4.48, 274.40)]
    [InlineData(Dataset.Cifar100, 0.0125, 0.7195, 4.48, 274.41)]
    [InlineData(Dataset.ImageNet16, 0.0127, 0.7208, 1.12, 68.61)]
    public void SpaceRangesMatchPublishedTable(Dataset dataset, double minMillionParameters, double maxMillionParameters, double minMegaFlops, double maxMegaFlops)
    {
        CostRanges.AssertMatches(NatsSizeArchitecture.EnumerateAll().Select(architecture => CostModel.Count(architecture, dataset)), minMillionParameters, maxMillionParameters, minMegaFlops, maxMegaFlops);
    }

    [Fact]
    public void LargestNetworkByHand()
    {
        // 64:64:64:64:64 on CIFAR-10: stem 3·64·9 + 128; each cell five 3×3 convs of 64²·9 + 128; two residual
        // blocks of 2·(64²·9 + 128) + 64²; head 128 + 64·10 + 10.
        long cell = 5 * ((64L * 64 * 9) + 128);
        long block = (2 * ((64L * 64 * 9) + 128)) + (64 * 64);
        long expected = (3 * 64 * 9) + 128 + (3 * cell) + (2 * block) + 128 + 650;

        Assert.Equal(expected, CostModel.Count(NatsSizeArchitecture.Parse("64:64:64:64:64"), Dataset.Cifar10).Parameters);
    }
}

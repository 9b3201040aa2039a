using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Canopy.Architectures;
using Canopy.Costs;
using Canopy.Tests.Architectures;
using Canopy.Tests.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace Canopy.Tests.Costs;

public class NatsTopologyCostTests(ITestOutputHelper output)
{
    private const string Cell9930 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    [Fact]
    public void Index9930MatchesNatsBench()
    {
        NetworkCost cost = CostModel.Count(NatsTopologyCell.Parse(Cell9930), Dataset.Cifar10);

        Assert.Equal(1_288_506, cost.Parameters);
        Assert.Equal(184_730_250, cost.Flops);
    }

    [Fact]
    public void Index0FlopsMatchNatsBench()
    {
        // NATS-Bench reports 15.64737 MFLOPs for index 0 (its API rounds to 1e-6 M).
        NatsTopologyCell cell = NatsTopologyCell.Parse("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");

        Assert.Equal(15_647_370, CostModel.Count(cell, Dataset.Cifar10).Flops);
    }

    [Fact]
    public void ThreeConvCellMatchesCostRecord()
    {
        // NATS-Bench's hp='12' cost record gives 0.802426 M parameters for this cell.
        NatsTopologyCell cell = NatsTopologyCell.Parse("|skip_connect~0|+|none~0|nor_conv_3x3~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");

        Assert.Equal(802_426, CostModel.Count(cell, Dataset.Cifar10).Parameters);
    }

    [Theory]
    [InlineData(Dataset.Cifar10, 0.0733, 1.5315, 7.78, 220.12)]
    [InlineData(Dataset.Cifar100, 0.0792, 1.5374, 7.79, 220.13)]
    [InlineData(Dataset.ImageNet16, 0.0805, 1.5387, 1.95, 55.04)]
    public void SpaceRangesMatchPublishedTable(Dataset dataset, double minMillionParameters, double maxMillionParameters, double minMegaFlops, double maxMegaFlops)
    {
        CostRanges.AssertMatches(NatsTopologyCell.EnumerateAll().Select(cell => CostModel.Count(cell, dataset)), minMillionParameters, maxMillionParameters, minMegaFlops, maxMegaFlops);
    }

    [Theory]
    [InlineData(Dataset.Cifar10)]
    [InlineData(Dataset.Cifar100)]
    [InlineData(Dataset.ImageNet16)]
    public void EveryCellMatchesClosedForm(Dataset dataset)
    {
        foreach (NatsTopologyCell cell in NatsTopologyCell.EnumerateAll())
        {
            (long parameters, long flops) = ClosedForm(cell, dataset);
            NetworkCost cost = CostModel.Count(cell, dataset);

            Assert.Equal(parameters, cost.Parameters);
            Assert.Equal(flops, cost.Flops);
        }
    }

    [BenchmarkDataTheory("nb201-zero-cost-proxies")]
    [InlineData("nb201_zc13_cifar10_reachable9445.csv", Dataset.Cifar10, 160_822L)]
    [InlineData("nb201_zc13_ImageNet16-120_reachable9445.csv", Dataset.ImageNet16, 40_392L)]
    public void NasLibColumnsAgree(string file, Dataset dataset, long offset)
    {
        List<Dictionary<string, string>>? rows = BenchmarkFiles.Read("nb201-zero-cost-proxies", file);
        Assert.NotNull(rows);

        // NASLib's FLOPs also count elementwise work: 3 per output element of each ReLU-conv-BN edge (ReLU + BN
        // scale and shift) and 9 per output element of each 3×3 pooling edge. Per edge of the 15 cells that is
        // 3·5·Σ C·H·W over the three stages, so the excess is a + b·(convolutions + 3·poolings).
        int side = DatasetFacts.ImageSide(dataset);
        long perUnit = 3L * 5 * ((16L * side * side) + (32L * side * side / 4) + (64L * side * side / 16));
        int parameterMatches = 0;
        var offsets = new HashSet<long>();

        foreach (Dictionary<string, string> row in rows)
        {
            NatsTopologyCell cell = NatsTopologyCell.Parse(row["arch_str"]);
            NetworkCost cost = CostModel.Count(cell, dataset);
            long published = (long)Math.Round(double.Parse(row["params"], CultureInfo.InvariantCulture) * 1e6);
            parameterMatches += published == cost.Parameters ? 1 : 0;

            int convolutions = cell.Operations.Count(op => op is NatsOperation.NorConv1x1 or NatsOperation.NorConv3x3);
            int poolings = cell.Operations.Count(op => op == NatsOperation.AvgPool3x3);
            long publishedFlops = (long)Math.Round(double.Parse(row["flops"], CultureInfo.InvariantCulture) * 1e6);
            offsets.Add(publishedFlops - cost.Flops - (perUnit * (convolutions + (3 * poolings))));
        }

        output.WriteLine($"{file}: parameters equal in {parameterMatches} of {rows.Count} rows; FLOP excess a = {string.Join(", ", offsets)} for every row, b = {perUnit}.");
        Assert.Equal(rows.Count, parameterMatches);
        Assert.Equal(offset, Assert.Single(offsets));
    }

    // A cell costs 9C² + 2C parameters and 9C²·H·W FLOPs per 3×3 conv edge, and C² + 2C and C²·H·W per 1×1 edge.
    // A residual block (C → 2C at half the side) has 9·C·2C + 9·(2C)² + C·2C weights and 2·2·(2C) BN parameters.
    private static (long Parameters, long Flops) ClosedForm(NatsTopologyCell cell, Dataset dataset)
    {
        long threes = cell.Operations.Count(op => op == NatsOperation.NorConv3x3);
        long ones = cell.Operations.Count(op => op == NatsOperation.NorConv1x1);
        long side = DatasetFacts.ImageSide(dataset);
        long classes = DatasetFacts.ClassCount(dataset);

        long parameters = (27 * 16) + (2 * 16);
        long flops = 27 * 16 * side * side;
        long channels = 16;
        for (int stage = 0; stage < 3; stage++)
        {
            if (stage > 0)
            {
                long wide = channels * 2;
                side /= 2;
                parameters += (9 * channels * wide) + (9 * wide * wide) + (channels * wide) + (4 * wide);
                flops += ((9 * channels * wide) + (9 * wide * wide) + (channels * wide)) * side * side;
                channels = wide;
            }

            parameters += 5 * ((threes * ((9 * channels * channels) + (2 * channels))) + (ones * ((channels * channels) + (2 * channels))));
            flops += 5 * ((threes * 9) + ones) * channels * channels * side * side;
        }

        return (parameters + (2 * channels) + (channels * classes) + classes, flops + (channels * classes) + classes);
    }
}

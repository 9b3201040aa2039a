using System;
using System.Linq;
using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

/// <summary>
/// The expected first samples were computed by an independent Python transcription of xoshiro256**, Lemire's
/// bounded draw and the documented draw order, so they pin the sampling rules, not just this code's output.
/// </summary>
public class SamplingTests
{
    [Fact]
    public void DartsSampleHasFixedFirstElement()
    {
        const string expected =
            "Genotype(normal=[('avg_pool_3x3', 0), ('avg_pool_3x3', 1), ('dil_conv_3x3', 0), ('avg_pool_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 3), ('max_pool_3x3', 0), ('skip_connect', 4)], normal_concat=[2, 3, 4, 5], " +
            "reduce=[('avg_pool_3x3', 0), ('sep_conv_3x3', 1), ('dil_conv_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 1), ('skip_connect', 2), ('skip_connect', 0), ('sep_conv_3x3', 1)], reduce_concat=[2, 3, 4, 5])";

        Assert.Equal(expected, DartsSampler.Sample(0, 0).Canonical);
        Assert.Equal(expected, ArchitectureSource.Sample(SearchSpace.Darts, 0).First().Canonical);
    }

    [Fact]
    public void SameSeedGivesSameSamples()
    {
        string[] first = DartsSampler.Samples(42).Take(200).Select(genotype => genotype.Canonical).ToArray();
        string[] second = ArchitectureSource.Sample(SearchSpace.Darts, 42).Take(200).Select(genotype => genotype.Canonical).ToArray();
        string[] other = DartsSampler.Samples(43).Take(200).Select(genotype => genotype.Canonical).ToArray();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(200, first.Distinct().Count());
    }

    [Fact]
    public void DartsSamplesAreValidGenotypes()
    {
        foreach (DartsGenotype genotype in DartsSampler.Samples(7).Take(2000))
        {
            Assert.Equal(genotype, ArchitectureParser.Parse(genotype.Canonical));
            foreach (DartsCell cell in new[] { genotype.Normal, genotype.Reduce })
            {
                Assert.Equal(8, cell.Edges.Count);
                Assert.DoesNotContain(cell.Edges, edge => edge.Operation == DartsOperation.None);
                for (int node = 2; node <= 5; node++)
                {
                    int[] inputs = cell.InputsOf(node).Select(edge => edge.Input).ToArray();
                    Assert.Equal(2, inputs.Length);
                    Assert.True(inputs[0] < inputs[1], $"node {node} inputs {inputs[0]}, {inputs[1]} are not distinct and ascending");
                    Assert.True(inputs[1] < node);
                }
            }
        }
    }

    [Fact]
    public void DartsSamplerIsUniformOverInputPairs()
    {
        // Node 5 chooses among the 10 pairs of nodes 0..4 and each edge among 7 operations; 20,000 draws put
        // each pair near 2,000 (σ ≈ 42) and each operation near 2,857 (σ ≈ 49).
        var pairCounts = new int[5, 5];
        var operationCounts = new int[8];
        foreach (DartsGenotype genotype in DartsSampler.Samples(11).Take(20_000))
        {
            DartsEdge[] node5 = genotype.Normal.InputsOf(5).ToArray();
            pairCounts[node5[0].Input, node5[1].Input]++;
            operationCounts[(int)node5[0].Operation]++;
        }

        for (int low = 0; low < 5; low++)
        {
            for (int high = low + 1; high < 5; high++)
            {
                Assert.InRange(pairCounts[low, high], 1_800, 2_200);
            }
        }

        Assert.Equal(0, operationCounts[0]);
        Assert.All(operationCounts.Skip(1), count => Assert.InRange(count, 2_686, 3_029));
    }

    [Fact]
    public void MlpSampleHasFixedFirstElement()
    {
        Assert.Equal("mlp:3072:489-181-301-187-79-755-271-17-948-490", new MlpSampler().Sample(0, 0).Canonical);
        Assert.Equal(new[] { "mlp:3072:313-586", "mlp:3072:159-739-243-84" }, new MlpSampler().Samples(42).Take(2).Select(mlp => mlp.Canonical));
    }

    [Fact]
    public void MlpSamplesStayInRanges()
    {
        var sampler = new MlpSampler(inputDimension: 784, minDepth: 2, maxDepth: 4, minWidth: 5, maxWidth: 9);

        foreach (MlpArchitecture mlp in ArchitectureSource.Sample(SearchSpace.Mlp, 3, sampler).Cast<MlpArchitecture>().Take(1000))
        {
            Assert.Equal(784, mlp.InputDimension);
            Assert.InRange(mlp.Widths.Count, 2, 4);
            Assert.All(mlp.Widths, width => Assert.InRange(width, 5, 9));
            Assert.Equal(mlp, ArchitectureParser.Parse(mlp.Canonical));
        }
    }

    [Fact]
    public void MlpSamplerRejectsEmptyRanges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpSampler(minDepth: 5, maxDepth: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpSampler(minWidth: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpSampler(inputDimension: 0));
    }

    [Fact]
    public void ShuffleIsSeededPermutation()
    {
        string[] shuffled = ArchitectureSource.Shuffle(SearchSpace.NatsTopology, 7).Select(cell => cell.Canonical).ToArray();

        Assert.Equal("|nor_conv_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|skip_connect~2|", shuffled[0]);
        Assert.Equal(15_625, shuffled.Distinct().Count());
        Assert.Equal(shuffled, ArchitectureSource.Shuffle(SearchSpace.NatsTopology, 7).Select(cell => cell.Canonical));
        Assert.Equal(NatsSizeArchitecture.FromIndex(13_585), ArchitectureSource.Shuffle(SearchSpace.NatsSize, 7).First());
    }

    [Fact]
    public void SourceSizesAndKinds()
    {
        Assert.Equal(15_625, ArchitectureSource.Size(SearchSpace.NatsTopology));
        Assert.Equal(32_768, ArchitectureSource.Size(SearchSpace.NatsSize));
        Assert.Null(ArchitectureSource.Size(SearchSpace.Darts));
        Assert.Equal(32_768, ArchitectureSource.Enumerate(SearchSpace.NatsSize).Count());
        Assert.Throws<ArgumentException>(() => ArchitectureSource.Enumerate(SearchSpace.Darts));
        Assert.Throws<ArgumentException>(() => ArchitectureSource.Sample(SearchSpace.NatsTopology, 1));
    }
}

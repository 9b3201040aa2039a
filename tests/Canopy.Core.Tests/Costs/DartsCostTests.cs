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

public class DartsCostTests(ITestOutputHelper output)
{
    [Fact]
    public void DartsV2EvaluationNetworkHas3Point3Million()
    {
        // The DARTS paper reports 3.3 M parameters for DARTS (second order) on CIFAR-10, counted without the
        // auxiliary head. A genotype list copied from D-X-Y's GDAS code annotates DARTS_V2 with "528M, 3.3".
        NetworkCost cost = CostModel.Count(DartsGenotype.Parse(DartsGenotypeTests.DartsV2), Dataset.Cifar10, DartsNetwork.Evaluation);

        Assert.Equal(3.3, Math.Round(cost.Parameters / 1e6, 1));
        Assert.Equal(528, Math.Round(cost.Flops / 1e6));
        Assert.Equal(3_349_342, cost.Parameters);
        Assert.Equal(528_359_050, cost.Flops);
    }

    [Fact]
    public void DartsV2InNasBench301Network()
    {
        // Cross-checked with a separate Python transcription of NetworkCIFAR(C = 32, layers = 8).
        NetworkCost cost = CostModel.Count(DartsGenotype.Parse(DartsGenotypeTests.DartsV2), Dataset.Cifar10);

        Assert.Equal(919_722, cost.Parameters);
        Assert.Equal(159_765_514, cost.Flops);
    }

    [Fact]
    public void SingleEmptyCellByHand()
    {
        // One cell of width 2 is a reduction cell (0 = 1/3). Stem 3→6: 162 weights + 12 BN, 162·32² FLOPs.
        // Two ReLU-conv1×1-BN preprocessors 6→2 at 32×32: 12 + 4 parameters and 12·32² FLOPs each. No edge
        // costs anything, and the classifier maps 4·2 channels to 10 classes: 90 parameters and FLOPs.
        DartsCell empty = DartsCell.FromCandidateEdges(Enumerable.Repeat(DartsOperation.None, 14));
        NetworkCost cost = CostModel.Count(DartsGenotype.Create(empty, empty, new[] { 2 }), Dataset.Cifar10);

        Assert.Equal(162 + 12 + 16 + 16 + 90, cost.Parameters);
        Assert.Equal((162 * 1024) + (2 * 12 * 1024) + 90, cost.Flops);
        Assert.Equal(12 + 4 + 4, cost.BatchNormParameters);
    }

    [Theory]
    [InlineData(DartsOperation.SepConv3x3, 348, 201_818, 28)]
    [InlineData(DartsOperation.SkipConnect, 304, 191_578, 24)]
    [InlineData(DartsOperation.DilConv3x3, 322, 196_186, 24)]
    public void StridedEdgeOfReductionCellByHand(DartsOperation operation, long parameters, long flops, long batchNorm)
    {
        // The single cell of width 2 is a reduction cell, so edge 0 reads the 32 × 32 cell input at stride 2 and writes
        // 16 × 16. On top of the empty cell's 296 parameters, 190,554 FLOPs and 20 BN parameters:
        // - sep_conv_3x3: twice depthwise 18 + pointwise 4 weights + BN 4, both halves at 16 × 16: 52, 2 · 22 · 256;
        // - skip_connect: a factorized reduction, two 1 × 1 convolutions 2 → 1 at 16 × 16 + BN 4: 8, 2 · 2 · 256;
        // - dil_conv_3x3: depthwise 18 (dilation 2, padding 2) + pointwise 4 + BN 4 at 16 × 16: 26, 22 · 256.
        DartsOperation[] edges = Enumerable.Repeat(DartsOperation.None, 14).ToArray();
        edges[0] = operation;
        DartsCell cell = DartsCell.FromCandidateEdges(edges);

        NetworkCost cost = CostModel.Count(DartsGenotype.Create(cell, cell, new[] { 2 }), Dataset.Cifar10);

        Assert.Equal(parameters, cost.Parameters);
        Assert.Equal(flops, cost.Flops);
        Assert.Equal(batchNorm, cost.BatchNormParameters);
    }

    [Fact]
    public void ExtraEdgeAddsSepConvCost()
    {
        // Five cells of width 32 on 32×32 input: cells 0, 2, 4 are normal, at 32, 16 and 8 pixels.
        DartsCell reduce = DartsGenotype.Parse(DartsGenotypeTests.DartsV2).Reduce;
        DartsOperation[] baseline = Enumerable.Repeat(DartsOperation.None, 14).ToArray();
        baseline[0] = DartsOperation.SkipConnect;
        DartsOperation[] extended = (DartsOperation[])baseline.Clone();
        extended[13] = DartsOperation.SepConv3x3;

        int[] widths = { 32, 32, 32, 32, 32 };
        NetworkCost before = CostModel.Count(DartsGenotype.Create(DartsCell.FromCandidateEdges(baseline), reduce, widths), Dataset.Cifar10);
        NetworkCost after = CostModel.Count(DartsGenotype.Create(DartsCell.FromCandidateEdges(extended), reduce, widths), Dataset.Cifar10);

        long parameters = 2 * ((9 * 32) + (32 * 32) + (2 * 32));
        long flopsPerPixel = 2 * ((9 * 32) + (32 * 32));
        Assert.Equal(3 * parameters, after.Parameters - before.Parameters);
        Assert.Equal(flopsPerPixel * ((32 * 32) + (16 * 16) + (8 * 8)), after.Flops - before.Flops);
    }

    [Fact]
    public void CandidateListEqualsGenotypeForm()
    {
        DartsGenotype v2 = DartsGenotype.Parse(DartsGenotypeTests.DartsV2);
        DartsOperation[] candidate = new DartsOperation[14];
        int[] offsets = { 0, 2, 5, 9 };
        foreach (DartsEdge edge in v2.Normal.Edges)
        {
            candidate[offsets[edge.Node - 2] + edge.Input] = edge.Operation;
        }

        DartsGenotype fromCandidates = DartsGenotype.Create(DartsCell.FromCandidateEdges(candidate), v2.Reduce, new[] { 32, 32, 32, 32, 32 });
        DartsGenotype sorted = DartsGenotype.Create(v2.Normal, v2.Reduce, new[] { 32, 32, 32, 32, 32 });

        Assert.Equal(CostModel.Count(sorted, Dataset.Cifar100), CostModel.Count(fromCandidates, Dataset.Cifar100));
    }

    [Fact]
    public void ImageNet16NetworkRuns()
    {
        NetworkCost cifar = CostModel.Count(DartsGenotype.Parse(DartsGenotypeTests.DartsV2), Dataset.Cifar10);
        NetworkCost imageNet = CostModel.Count(DartsGenotype.Parse(DartsGenotypeTests.DartsV2), Dataset.ImageNet16);

        // Same layers, 110 more classes on 512 features, a quarter of the positions.
        Assert.Equal(cifar.Parameters + (110 * 513), imageNet.Parameters);
        Assert.Equal(((cifar.Flops - 5130) / 4) + (120 * 513), imageNet.Flops);
    }

    [BenchmarkDataFact("darts-other-tasks")]
    public void NasLibSvhnColumnsAgreeWithoutBatchNorm()
    {
        List<Dictionary<string, string>>? rows = BenchmarkFiles.Read("darts-other-tasks", "nb301_9x_zc13.csv");
        Assert.NotNull(rows);

        // SVHN is the one task with CIFAR-10's input shape and class count. NASLib's DARTS network has no BN
        // scale and shift, so its count equals ours minus the BN parameters, plus a constant.
        var offsets = new HashSet<long>();
        int flopsBelow = 0;
        List<Dictionary<string, string>> svhn = rows.Where(row => row["dataset"] == "svhn").ToList();
        foreach (Dictionary<string, string> row in svhn)
        {
            NetworkCost cost = CostModel.Count(ArchitectureParser.Parse(row["arch_repr"]), Dataset.Cifar10);
            long published = (long)Math.Round(double.Parse(row["params"], CultureInfo.InvariantCulture) * 1e6);
            offsets.Add(published - (cost.Parameters - cost.BatchNormParameters));
            flopsBelow += cost.Flops < double.Parse(row["flops"], CultureInfo.InvariantCulture) * 1e6 ? 1 : 0;
        }

        output.WriteLine($"svhn: {svhn.Count} genotypes; NASLib params − (ours − BN) = {string.Join(", ", offsets)}; our FLOPs below NASLib's in {flopsBelow} rows.");
        Assert.Equal(199, svhn.Count);
        Assert.Equal(new long[] { 2752 }, offsets);
        Assert.Equal(svhn.Count, flopsBelow);
    }

    [Theory]
    [InlineData("; widths=[32]", "DARTS network: 1 cell, C = 32")]
    [InlineData("; widths=[16, 32, 64]", "DARTS network: 3 cells, C = 16, 32, 64")]
    [InlineData("", "NAS-Bench-301: 8 cells, C = 32")]
    public void NetworkNamesCellCount(string widths, string expected)
    {
        ArchitectureRecord record = ArchitectureRecord.Create(DartsGenotype.Parse(DartsGenotypeTests.DartsV2 + widths), Dataset.Cifar10);

        Assert.Equal(expected, record.Network);
    }

    [Fact]
    public void GenotypeWithWidthsNamesNoDartsNetwork()
    {
        var withWidths = (DartsRecord)ArchitectureRecord.Create(DartsGenotype.Parse(DartsGenotypeTests.DartsV2 + "; widths=[32, 32, 32]"), Dataset.Cifar10, DartsNetwork.Evaluation);
        var benchmark = (DartsRecord)ArchitectureRecord.Create(DartsGenotype.Parse(DartsGenotypeTests.DartsV2), Dataset.Cifar10, DartsNetwork.Evaluation);

        Assert.Null(withWidths.DartsNetwork);
        Assert.Equal("Evaluation", benchmark.DartsNetwork);
    }
}

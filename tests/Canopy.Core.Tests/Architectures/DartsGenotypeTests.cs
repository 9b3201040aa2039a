using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;
using Canopy.Tests.Statistics;
using Xunit;

namespace Canopy.Tests.Architectures;

public class DartsGenotypeTests
{
    // DARTS_V2 as quark0/darts cnn/genotypes.py defines it.
    internal const string DartsV2 =
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], " +
        "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";

    // The same network in canonical form: each node's two pairs in input order.
    internal const string DartsV2Canonical =
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], " +
        "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('skip_connect', 2), ('max_pool_3x3', 1), ('skip_connect', 2)], reduce_concat=[2, 3, 4, 5])";

    private static readonly string[] QuickStartOperations =
    {
        "sep_conv_3x3", "sep_conv_3x3",
        "sep_conv_3x3", "sep_conv_3x3", "none",
        "skip_connect", "sep_conv_3x3", "none", "none",
        "skip_connect", "none", "dil_conv_3x3", "none", "none",
    };

    [Fact]
    public void GenotypeStringRoundTrips()
    {
        DartsGenotype genotype = DartsGenotype.Parse(DartsV2);

        Assert.Equal(DartsV2Canonical, genotype.Canonical);
        Assert.Equal(DartsV2Canonical, DartsGenotype.Parse(DartsV2Canonical).Canonical);
        Assert.Equal(new DartsEdge(2, 0, DartsOperation.SepConv3x3), genotype.Normal.Edges[0]);
        Assert.Equal(new DartsEdge(5, 2, DartsOperation.DilConv3x3), genotype.Normal.Edges[7]);
        Assert.Equal(new DartsEdge(4, 2, DartsOperation.SkipConnect), genotype.Reduce.Edges[5]);
        Assert.Equal(new[] { 2, 3, 4, 5 }, genotype.Reduce.Concat);
        Assert.Null(genotype.Widths);
        Assert.False(genotype.Normal.ListsCandidateEdges);
    }

    [Fact]
    public void RangeConcatAndSpacingNormalise()
    {
        string printed = DartsV2.Replace("[2, 3, 4, 5]", "range(2, 6)", StringComparison.Ordinal).Replace("', ", "',", StringComparison.Ordinal).Replace('\'', '"');

        Assert.Equal(DartsV2Canonical, DartsGenotype.Parse(printed).Canonical);
    }

    [Fact]
    public void PositionalFieldsParse()
    {
        string positional = DartsV2.Replace("normal=", string.Empty, StringComparison.Ordinal).Replace("normal_concat=", string.Empty, StringComparison.Ordinal)
            .Replace("reduce=", string.Empty, StringComparison.Ordinal).Replace("reduce_concat=", string.Empty, StringComparison.Ordinal);

        Assert.Equal(DartsV2Canonical, DartsGenotype.Parse(positional).Canonical);
    }

    // DARTS_V2 as D-X-Y/AutoDL-Projects lib/nas_infer_model/DXYs/genotypes.py defines it: one tuple of two pairs
    // per node, a comment after each node, and two extra fields.
    private const string DartsV2PerNode = """
        DARTS_V2 = Genotype(
          normal=[
            (('sep_conv_3x3', 0), ('sep_conv_3x3', 1)), # step 1
            (('sep_conv_3x3', 0), ('sep_conv_3x3', 1)), # step 2
            (('sep_conv_3x3', 1), ('skip_connect', 0)), # step 3
            (('skip_connect', 0), ('dil_conv_3x3', 2))  # step 4
          ],
          normal_concat=[2, 3, 4, 5],
          reduce=[
            (('max_pool_3x3', 0), ('max_pool_3x3', 1)), # step 1
            (('skip_connect', 2), ('max_pool_3x3', 1)), # step 2
            (('max_pool_3x3', 0), ('skip_connect', 2)), # step 3
            (('skip_connect', 2), ('max_pool_3x3', 1))  # step 4
          ],
          reduce_concat=[2, 3, 4, 5],
          connectN=None, connects=None,
        )
        """;

    // GDAS_V1 as D-X-Y/AutoDL-Projects lib/nas/genotypes.py defines it, with the edge weights of the search.
    private const string GdasV1Weighted =
        "GDAS_V1 = Genotype(normal=[('skip_connect', 0, 0.13017432391643524), ('skip_connect', 1, 0.12947972118854523), ('skip_connect', 0, 0.13062666356563568), ('sep_conv_5x5', 2, 0.12980839610099792), ('sep_conv_3x3', 3, 0.12923765182495117), ('skip_connect', 0, 0.12901571393013), ('sep_conv_5x5', 4, 0.12938997149467468), ('sep_conv_3x3', 3, 0.1289220005273819)], normal_concat=range(2, 6), " +
        "reduce=[('sep_conv_5x5', 0, 0.12862831354141235), ('sep_conv_3x3', 1, 0.12783904373645782), ('sep_conv_5x5', 2, 0.12725995481014252), ('sep_conv_5x5', 1, 0.12705285847187042), ('dil_conv_5x5', 2, 0.12797553837299347), ('sep_conv_3x3', 1, 0.12737272679805756), ('sep_conv_5x5', 0, 0.12833961844444275), ('sep_conv_5x5', 1, 0.12758426368236542)], reduce_concat=range(2, 6))";

    // The same GDAS_V1 as lib/nas_infer_model/DXYs/genotypes.py writes it, one tuple of two pairs per node.
    private const string GdasV1PerNode =
        "GDAS_V1 = Genotype(normal=[(('skip_connect', 0), ('skip_connect', 1)), (('skip_connect', 0), ('sep_conv_5x5', 2)), (('sep_conv_3x3', 3), ('skip_connect', 0)), (('sep_conv_5x5', 4), ('sep_conv_3x3', 3))], normal_concat=[2, 3, 4, 5], " +
        "reduce=[(('sep_conv_5x5', 0), ('sep_conv_3x3', 1)), (('sep_conv_5x5', 2), ('sep_conv_5x5', 1)), (('dil_conv_5x5', 2), ('sep_conv_3x3', 1)), (('sep_conv_5x5', 0), ('sep_conv_5x5', 1))], reduce_concat=[2, 3, 4, 5], connectN=None, connects=None)";

    [Fact]
    public void EveryUnknownOperationIsNamed()
    {
        string text = DartsV2.Replace("('sep_conv_3x3', 1), ('sep_conv_3x3', 0)", "('sep_conv_3x4', 1), ('sep_conv_3x3', 0)", StringComparison.Ordinal)
            .Replace("reduce=[('max_pool_3x3', 0)", "reduce=[('max_pool', 0)", StringComparison.Ordinal);

        var exception = Assert.Throws<ArchitectureFormatException>(() => DartsGenotype.Parse(text));

        Assert.StartsWith("Unknown operations 'sep_conv_3x4' in entry 2 of 'normal' and 'max_pool' in entry 1 of 'reduce'; valid operations are none,", exception.Message);
    }

    [Fact]
    public void ErrorAfterCommentQuotesTheTextAsGiven()
    {
        const string text = "Genotype(normal=[('sep_conv_3x3', 0) # first\n 7])";

        var exception = Assert.Throws<ArchitectureFormatException>(() => DartsGenotype.Parse(text));

        // The comment is blanked for reading only, so the position counts the comment's characters.
        Assert.Contains("# first", exception.Message);
        Assert.Contains("expected ',' at character 47", exception.Message);
    }

    [Fact]
    public void AssignmentAndLetterCaseAccepted()
    {
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse("DARTS_V2 = " + DartsV2).Canonical);
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse("genotype=" + DartsV2.ToLowerInvariant()).Canonical);
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse(DartsV2.Replace("Genotype(", "GENOTYPE(", StringComparison.Ordinal)).Canonical);
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse(DartsV2.ToUpperInvariant()).Canonical);
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse(DartsV2.Replace("[2, 3, 4, 5]", "range(2, 6)", StringComparison.Ordinal).ToUpperInvariant()).Canonical);
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse(DartsV2.TrimEnd(')') + ", CONNECTN=NONE, CONNECTS=NONE)").Canonical);
    }

    [Fact]
    public void PerNodeTuplesFlattenInNodeOrder()
    {
        Architecture architecture = ArchitectureParser.Parse(DartsV2PerNode);

        Assert.Equal(SearchSpace.Darts, architecture.SearchSpace);
        Assert.Equal(DartsV2Canonical, architecture.Canonical);
    }

    [Fact]
    public void WeightedTriplesIgnoreWeight()
    {
        string weighted = DartsV2.Replace("), (", ", 1.0), (", StringComparison.Ordinal).Replace(")], ", ", 1.0)], ", StringComparison.Ordinal);
        string unweighted = DartsV2.Replace("), (", ", None), (", StringComparison.Ordinal).Replace(")], ", ", None)], ", StringComparison.Ordinal);

        Assert.Contains("('dil_conv_3x3', 2, 1.0)]", weighted, StringComparison.Ordinal);
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse(weighted).Canonical);
        Assert.Contains("('max_pool_3x3', 1, None)]", unweighted, StringComparison.Ordinal);
        Assert.Equal(DartsV2Canonical, ArchitectureParser.Parse(unweighted).Canonical);
    }

    [Fact]
    public void GdasFilesAgreeOnGdasV1()
    {
        string plain = DartsGenotype.Parse(GdasV1PerNode).Canonical;

        Assert.Equal(plain, ArchitectureParser.Parse(GdasV1Weighted).Canonical);
        Assert.StartsWith("Genotype(normal=[('skip_connect', 0), ('skip_connect', 1), ('skip_connect', 0), ('sep_conv_5x5', 2), ('skip_connect', 0), ('sep_conv_3x3', 3), ", plain, StringComparison.Ordinal);
        Assert.Equal(plain, DartsGenotype.Parse(plain).Canonical);
    }

    [Fact]
    public void PerNodeTuplesWithWeightsAccepted()
    {
        string text = "Genotype(normal=[(('skip_connect', 0, 0.2), ('skip_connect', 1, 0.1)), (('skip_connect', 0, 0.3), ('sep_conv_5x5', 2, 0.2)), (('sep_conv_3x3', 3, 0.1), ('skip_connect', 0, 0.1)), (('sep_conv_5x5', 4, 0.1), ('sep_conv_3x3', 3, 1e-05))], normal_concat=[2, 3, 4, 5], " +
            "reduce=[(('sep_conv_5x5', 0), ('sep_conv_3x3', 1)), (('sep_conv_5x5', 2), ('sep_conv_5x5', 1)), (('dil_conv_5x5', 2), ('sep_conv_3x3', 1)), (('sep_conv_5x5', 0), ('sep_conv_5x5', 1))], reduce_concat=[2, 3, 4, 5])";

        Assert.Equal(DartsGenotype.Parse(GdasV1PerNode).Canonical, ArchitectureParser.Parse(text).Canonical);
    }

    [Fact]
    public void ReduceNoneRejected()
    {
        // GDAS_F1 in lib/nas/genotypes.py searched only the normal cell and writes reduce=None.
        string text = "GDAS_F1 = " + DartsV2[..DartsV2.IndexOf("reduce=", StringComparison.Ordinal)] + "reduce=None, reduce_concat=[2, 3, 4, 5])";

        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        Assert.Contains("'reduce' is None, so the genotype does not say which cell to build. Write the cell's (operation, input) pairs in its place.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(SearchSpace.Darts, exception.SearchSpace);
    }

    [Fact]
    public void NasLibCompactFormConverts()
    {
        // The first record of NASLib's DARTS-space task files, written in both forms there.
        const string compact = "(((0, 5), (1, 3), (1, 5), (2, 0), (1, 5), (2, 1), (0, 5), (4, 4)), ((0, 4), (1, 0), (0, 5), (2, 5), (0, 2), (3, 1), (2, 3), (4, 1)))";
        const string genotype =
            "Genotype(normal=[('dil_conv_3x3', 0), ('sep_conv_3x3', 1), ('dil_conv_3x3', 1), ('max_pool_3x3', 2), ('dil_conv_3x3', 1), ('avg_pool_3x3', 2), ('dil_conv_3x3', 0), ('sep_conv_5x5', 4)], normal_concat=[2, 3, 4, 5], " +
            "reduce=[('sep_conv_5x5', 0), ('max_pool_3x3', 1), ('dil_conv_3x3', 0), ('dil_conv_3x3', 2), ('skip_connect', 0), ('avg_pool_3x3', 3), ('sep_conv_3x3', 2), ('avg_pool_3x3', 4)], reduce_concat=[2, 3, 4, 5])";

        Assert.Equal(genotype, ArchitectureParser.Parse(compact).Canonical);
    }

    [BenchmarkDataFact("darts-other-tasks")]
    public void NasLibRecordsMatchGenotypes()
    {
        List<Dictionary<string, string>>? rows = BenchmarkFiles.Read("darts-other-tasks", "nb301_9x_zc13.csv");
        Assert.NotNull(rows);

        Assert.Equal(597, rows.Count);
        foreach (Dictionary<string, string> row in rows)
        {
            Architecture fromCompact = ArchitectureParser.Parse(row["naslib_arch"]);
            Architecture fromGenotype = ArchitectureParser.Parse(row["arch_repr"]);
            Assert.Equal(fromGenotype.Canonical, fromCompact.Canonical);
            Assert.Equal(fromGenotype, fromCompact);
        }
    }

    [Fact]
    public void PairOrderWithinNodeIgnored()
    {
        DartsGenotype written = DartsGenotype.Parse(DartsV2);
        DartsGenotype swapped = DartsGenotype.Parse(DartsV2Canonical);

        Assert.Equal(written, swapped);
        Assert.Equal(written.GetHashCode(), swapped.GetHashCode());
        Assert.Equal(new DartsEdge(4, 0, DartsOperation.SkipConnect), written.Normal.Edges[4]);
        Assert.Equal(new DartsEdge(4, 1, DartsOperation.SepConv3x3), written.Normal.Edges[5]);
    }

    [Fact]
    public void ConcatOrderIgnored()
    {
        string reversed = DartsV2.Replace("normal_concat=[2, 3, 4, 5]", "normal_concat=[5, 4, 3, 2]", StringComparison.Ordinal);

        DartsGenotype genotype = DartsGenotype.Parse(reversed);

        Assert.Equal(DartsV2Canonical, genotype.Canonical);
        Assert.Equal(new[] { 2, 3, 4, 5 }, genotype.Normal.Concat);
    }

    [Fact]
    public void EqualInputsOrderedByOperation()
    {
        DartsCell cell = DartsCell.FromPairs(new[]
        {
            (DartsOperation.SepConv3x3, 1), (DartsOperation.MaxPool3x3, 1),
            (DartsOperation.SkipConnect, 0), (DartsOperation.SkipConnect, 0),
            (DartsOperation.DilConv5x5, 2), (DartsOperation.AvgPool3x3, 3),
            (DartsOperation.SepConv5x5, 4), (DartsOperation.SepConv3x3, 0),
        });

        Assert.Equal("[('max_pool_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_5x5', 2), ('avg_pool_3x3', 3), ('sep_conv_3x3', 0), ('sep_conv_5x5', 4)]", cell.FormatEdges());
    }

    [Fact]
    public void EdgeCountErrorsAgreeInNumber()
    {
        var pairs = Assert.Throws<ArgumentException>(() => DartsCell.FromPairs(new[] { (DartsOperation.SepConv3x3, 0) }));
        var operations = Assert.Throws<ArgumentException>(() => DartsCell.FromCandidateEdges(new[] { DartsOperation.SepConv3x3 }));

        Assert.StartsWith("Invalid DARTS cell: a genotype cell has 8 (operation, input) pairs, two per intermediate node, but 1 pair was given.", pairs.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid DARTS cell: a cell has 14 candidate edges, but 1 operation was given.", operations.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoEdgesPerNodeBecomeGenotype()
    {
        DartsCell cell = DartsCell.FromCandidateEdges(QuickStartOperations.Select(Operation));

        Assert.False(cell.ListsCandidateEdges);
        Assert.Equal("[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('dil_conv_3x3', 2)]", cell.FormatEdges());
    }

    [Fact]
    public void OtherEdgeCountsKeepCandidateForm()
    {
        string[] operations = (string[])QuickStartOperations.Clone();
        operations[13] = "avg_pool_3x3";
        operations[1] = "none";

        DartsCell cell = DartsCell.FromCandidateEdges(operations.Select(Operation));
        DartsGenotype genotype = DartsGenotype.Create(cell, cell);

        Assert.True(cell.ListsCandidateEdges);
        Assert.Equal(14, cell.Edges.Count);
        Assert.Single(cell.InputsOf(2), edge => edge.Operation != DartsOperation.None);
        Assert.Equal(3, cell.InputsOf(5).Count(edge => edge.Operation != DartsOperation.None));
        Assert.StartsWith("Genotype(normal=[('sep_conv_3x3', 0), ('none', 1), ('sep_conv_3x3', 0)", genotype.Canonical, StringComparison.Ordinal);
        Assert.Equal(genotype, ArchitectureParser.Parse(genotype.Canonical));
        Assert.True(((DartsGenotype)ArchitectureParser.Parse(genotype.Canonical)).Reduce.ListsCandidateEdges);
    }

    [Fact]
    public void WidthsRoundTrip()
    {
        DartsGenotype plain = DartsGenotype.Parse(DartsV2);
        DartsGenotype widened = DartsGenotype.Create(plain.Normal, plain.Reduce, new[] { 32, 32, 32, 32, 32 });

        Assert.Equal(DartsV2Canonical + "; widths=[32, 32, 32, 32, 32]", widened.Canonical);
        Assert.Equal(widened, ArchitectureParser.Parse(widened.Canonical));
        Assert.NotEqual(plain, widened);
    }

    [Theory]
    [InlineData(new[] { 31 })]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 8192 })]
    [InlineData(new int[0])]
    public void InvalidWidthsRejected(int[] widths)
    {
        DartsGenotype plain = DartsGenotype.Parse(DartsV2);

        Assert.Throws<ArgumentException>(() => DartsGenotype.Create(plain.Normal, plain.Reduce, widths));
        Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(DartsV2 + "; widths=[" + string.Join(", ", widths) + "]"));
    }

    [Fact]
    public void ReductionCellsFollowDarts()
    {
        int[] reductions = Enumerable.Range(0, 20).Where(cell => DartsGenotype.IsReductionCell(cell, 20)).ToArray();
        int[] quickStart = Enumerable.Range(0, 5).Where(cell => DartsGenotype.IsReductionCell(cell, 5)).ToArray();

        Assert.Equal(new[] { 6, 13 }, reductions);
        Assert.Equal(new[] { 1, 3 }, quickStart);
    }

    // NASNet-A as quark0/darts cnn/genotypes.py defines it: five intermediate nodes, and 7 × 7 convolutions in the
    // reduction cell, which the DARTS space lacks.
    private const string NasNet = "NASNet = Genotype(normal=[('sep_conv_5x5', 1), ('sep_conv_3x3', 0), ('sep_conv_5x5', 0), ('sep_conv_3x3', 0), ('avg_pool_3x3', 1), ('skip_connect', 0), ('avg_pool_3x3', 0), ('avg_pool_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 1),], normal_concat=[2, 3, 4, 5, 6], reduce=[('sep_conv_5x5', 1), ('sep_conv_7x7', 0), ('max_pool_3x3', 1), ('sep_conv_7x7', 0), ('avg_pool_3x3', 1), ('sep_conv_5x5', 0), ('skip_connect', 3), ('avg_pool_3x3', 2), ('sep_conv_3x3', 2), ('max_pool_3x3', 1),], reduce_concat=[4, 5, 6],)";

    // The same genotype with only DARTS operations, so that its count of pairs is the first problem.
    private const string NasNetNormalOnly = "NASNet = Genotype(normal=[('sep_conv_5x5', 1), ('sep_conv_3x3', 0), ('sep_conv_5x5', 0), ('sep_conv_3x3', 0), ('avg_pool_3x3', 1), ('skip_connect', 0), ('avg_pool_3x3', 0), ('avg_pool_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 1),], normal_concat=[2, 3, 4, 5, 6], reduce=[('sep_conv_5x5', 1), ('sep_conv_5x5', 0), ('max_pool_3x3', 1), ('sep_conv_5x5', 0), ('avg_pool_3x3', 1), ('sep_conv_5x5', 0), ('skip_connect', 3), ('avg_pool_3x3', 2), ('sep_conv_3x3', 2), ('max_pool_3x3', 1),], reduce_concat=[4, 5, 6],)";

    [Theory]
    [InlineData("Genotype(normal=[('sep_conv_3x3', 0)], normal_concat=[2, 3, 4, 5], reduce=[], reduce_concat=[2, 3, 4, 5])", "the cell lists 1 (operation, input) pair; a DARTS cell has 4 intermediate nodes and lists 8 pairs (two per node) or 14")]
    [InlineData(NasNetNormalOnly, "Invalid normal cell in 'NASNet = Genotype(normal=[('sep_conv_5x5', 1), ('sep_conv_3x3', 0), ('sep_conv_5x5', 0), ('sep_co...': the cell lists 10 (operation, input) pairs, two for each of 5 intermediate nodes; a DARTS cell has 4 intermediate nodes")]
    [InlineData(NasNet, "Unknown operations 'sep_conv_7x7' in entry 2 of 'reduce' and 'sep_conv_7x7' in entry 4 of 'reduce'; valid operations are")]
    [InlineData("Genotype(normal=[('conv_7x7', 0)], normal_concat=[2], reduce=[], reduce_concat=[2])", "Unknown operation 'conv_7x7' in entry 1 of 'normal'; valid operations are none, max_pool_3x3, avg_pool_3x3, skip_connect, sep_conv_3x3, sep_conv_5x5, dil_conv_3x3, dil_conv_5x5.")]
    [InlineData("Genotype(normal=[('sep_conv_3x3', 2), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[], reduce_concat=[2])", "pair 1 ('sep_conv_3x3', 2) feeds node 2, which takes inputs from nodes 0 and 1 only")]
    [InlineData("Genotype(normal=[], normal_concat=[2, 3, 4, 5], reduce=[])", "the genotype has no 'reduce_concat' field. A genotype needs normal, normal_concat, reduce and reduce_concat.")]
    [InlineData("Genotype(normal=[('sep_conv_3x3', 0), normal_concat=[2])", "Malformed genotype")]
    [InlineData("Genotype(normal=[], normal_concat=[2, 3, 4, 5], reduce=[], reduce_concat=[2, 3, 4, 5], extra=[])", "unknown genotype field 'extra'")]
    [InlineData("Genotype(normal=[1, 2], normal_concat=[2], reduce=[], reduce_concat=[2])", "entry 1 of 'normal' is not an ('operation', input) pair")]
    [InlineData("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 9], reduce=[], reduce_concat=[2])", "': the concat list names node 9, but only the intermediate nodes 2 to 5 can be concatenated")]
    [InlineData("Genoplot(normal=[])", "is not a DARTS genotype")]
    [InlineData("Genotype(normal=[(('skip_connect', 0), ('skip_connect', 1), ('skip_connect', 0))], normal_concat=[2], reduce=[], reduce_concat=[2])", "node tuple 1 of 'normal' has 3 pairs, but a DARTS genotype gives each intermediate node exactly two.")]
    [InlineData("Genotype(normal=[(('skip_connect', 0), ('skip_connect', 1)), ('skip_connect', 0)], normal_concat=[2], reduce=[], reduce_concat=[2])", "'normal' mixes per-node tuples of pairs with single pairs.")]
    [InlineData("Genotype(normal=[('skip_connect', 0, 'x')], normal_concat=[2], reduce=[], reduce_concat=[2])", "entry 1 of 'normal' is not an ('operation', input) pair or an ('operation', input, weight) triple.")]
    [InlineData("Genotype(normal=[('skip_connect', 0, 0.1, 0.2)], normal_concat=[2], reduce=[], reduce_concat=[2])", "entry 1 of 'normal' is not an ('operation', input) pair")]
    [InlineData("Genotype(normal=[], normal_concat=[2], reduce=[], reduce_concat=[2], connectN=2, connects=None)", "connectN and connects must be None")]
    [InlineData("Genotype(normal=[('skip_connect', 0, np.float32(0.1))], normal_concat=[2], reduce=[], reduce_concat=[2])", "expected a list, a tuple, a quoted name, a number, None or range(a, b) at character 38.")]
    [InlineData("DARTS_V2 = Genotype", "expected '(' at the end, after character 19.")]
    [InlineData("Genotype(normal=", "Malformed genotype 'Genotype(normal=': a value is missing at the end, after character 16.")]
    [InlineData("(((0, 5), (1, 9), (1, 5), (2, 0), (1, 5), (2, 1), (0, 5), (4, 4)), ((0, 4), (1, 0), (0, 5), (2, 5), (0, 2), (3, 1), (2, 3), (4, 1)))", "Operation index 9 in entry 2 of the normal cell is out of range")]
    [InlineData("(((0, 5), (1, 3)), ((0, 4), (1, 0)))", "The normal cell of the NASLib compact form")]
    [InlineData("(((5, 5), (1, 3), (1, 5), (2, 0), (1, 5), (2, 1), (0, 5), (4, 4)), ((0, 4), (1, 0), (0, 5), (2, 5), (0, 2), (3, 1), (2, 3), (4, 1)))", "pair 1 ('dil_conv_3x3', 5) feeds node 2")]
    [InlineData("(((0, 5), (1, 3), (1, 5), (2, 0), (1, 5), (2, 1), (0, 5), (4, 4)), ((0, 4), (1, 0), (0, 5), (2, 5), (0, 2), (3, 1), (2, 3), (9, 1)))", "Invalid reduce cell in '(((0, 5), (1, 3), (1, 5), (2, 0), (1, 5), (2, 1), (0, 5), (4, 4)), ((0, 4), (1, 0), (0, 5), (2, 5...': pair 8 ('avg_pool_3x3', 9) feeds node 5, which takes inputs from nodes 0 to 4 only.")]
    public void GenotypeErrorsNameTheProblem(string text, string expected)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text, SearchSpace.Darts));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(SearchSpace.Darts, exception.SearchSpace);
    }

    [Fact]
    public void ConcatOutsideIntermediateNodesRejected()
    {
        string text = DartsV2.Replace("normal_concat=[2, 3, 4, 5]", "normal_concat=[0, 2]", StringComparison.Ordinal);

        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        Assert.Contains("the concat list names node 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FourteenPairsMustFollowCandidateOrder()
    {
        string pairs = string.Join(", ", Enumerable.Repeat("('none', 0)", 14));
        string text = $"Genotype(normal=[{pairs}], normal_concat=[2, 3, 4, 5], reduce=[{pairs}], reduce_concat=[2, 3, 4, 5])";

        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        Assert.Contains("pair 2 of a 14-pair cell must be the edge from node 1 into node 2", exception.Message, StringComparison.Ordinal);
    }

    private static DartsOperation Operation(string name) =>
        DartsOperationNames.TryParse(name, out DartsOperation operation) ? operation : throw new ArgumentException(name);
}

using System;
using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class ArchitectureParserTests
{
    [Theory]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", SearchSpace.NatsTopology)]
    [InlineData("  (4, 3, 3, 0, 0, 0)", SearchSpace.NatsTopology)]
    [InlineData("8:16:24:32:64", SearchSpace.NatsSize)]
    [InlineData("8:16", SearchSpace.NatsSize)]
    [InlineData("[32, 24, 48, 64, 16]", SearchSpace.NatsSize)]
    [InlineData("(4, 3, 3, 0, 0)", SearchSpace.NatsSize)]
    [InlineData("[32, 24, 48, 64]", SearchSpace.NatsTopology)]
    [InlineData("[32, 24, 48, 64, x]", SearchSpace.NatsTopology)]
    [InlineData("Genotype(normal=[], normal_concat=[], reduce=[], reduce_concat=[])", SearchSpace.Darts)]
    [InlineData("genotype(normal=[])", SearchSpace.Darts)]
    [InlineData("DARTS_V2 = Genotype(normal=[])", SearchSpace.Darts)]
    [InlineData("(((0, 5), (1, 3)), ((0, 4), (1, 0)))", SearchSpace.Darts)]
    [InlineData("mlp:3072:64-128-64", SearchSpace.Mlp)]
    [InlineData("MLP:2:3", SearchSpace.Mlp)]
    public void DetectRecognisesForms(string text, SearchSpace expected)
    {
        Assert.Equal(expected, ArchitectureParser.Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("resnet18")]
    [InlineData("64,128,64")]
    [InlineData("DARTS_V2 = resnet18")]
    [InlineData("Genotypes(normal=[])")]
    public void DetectReturnsNullForOtherText(string text)
    {
        Assert.Null(ArchitectureParser.Detect(text));
    }

    [Theory]
    [InlineData("|foo~0|+|none~0|none~1|+|none~0|none~1|none~2|")]
    [InlineData("8:16:24:32:99")]
    [InlineData("Genotype(normal=[('bad', 0)])")]
    [InlineData("(((0, 9),), ())")]
    [InlineData("(4, 3, 3, 0, 0, 9)")]
    [InlineData("mlp:0:64")]
    [InlineData("nor_conv_3x3, skip_connect")]
    [InlineData("['sep_conv_3x3', 'none']")]
    [InlineData("sep_conv_3x3,nne")]
    public void HasArchitectureFormForInvalidArchitectures(string text)
    {
        Assert.False(ArchitectureParser.TryParse(text, null, out _, out _));
        Assert.True(ArchitectureParser.HasArchitectureForm(text));
    }

    [Theory]
    [InlineData("sep_conv_3x3,nne", "nne")]
    [InlineData("['nor_conv_3x3', 'skip_conect', 'none']", "skip_conect")]
    [InlineData("sep_conv_3x3,conv_7x7", "conv_7x7")]
    [InlineData("Sep_Conv_3x3,nne", "nne")]
    public void MistypedOperationListNamesTheUnknownItem(string text, string unknown)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        Assert.StartsWith($"'{text}' lists operations, but '{unknown}' is neither a NATS-Bench nor a DARTS operation.", exception.Message);
        Assert.Contains("skip_connect, nor_conv_1x1", exception.Message);
    }

    [Fact]
    public void OperationNamesAreReadInAnyCase()
    {
        const string cell = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
        string genotype = DartsGenotypeTests.DartsV2;

        Assert.Equal(cell, ArchitectureParser.Parse(cell.ToUpperInvariant().Replace("X", "x", StringComparison.Ordinal)).Canonical);
        Assert.Equal(DartsGenotype.Parse(genotype).Canonical, ArchitectureParser.Parse(genotype.Replace("'sep_conv_3x3'", "'SEP_CONV_3X3'", StringComparison.Ordinal)).Canonical);
    }

    [Fact]
    public void TransNasBenchArchitectureIsNamed()
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse("64-41414-0_31_023"));

        Assert.StartsWith("'64-41414-0_31_023' is a TransNAS-Bench-101 micro architecture (stem width, macro skeleton and cell), which Canopy does not model; expected", exception.Message);
    }

    [Fact]
    public void MistypedOperationListNamesEveryUnknownItem()
    {
        const string text = "foo,sep_conv_3x3,bar,foo,skip_connect";

        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        Assert.StartsWith($"'{text}' lists operations, but 'foo', 'bar' are neither NATS-Bench nor DARTS operations.", exception.Message);
    }

    [Theory]
    [InlineData("sep_conv_3x3,nor_conv_1x1", "nor_conv_1x1", "sep_conv_3x3")]
    [InlineData("none, NOR_CONV_3X3, dil_conv_5x5", "NOR_CONV_3X3", "dil_conv_5x5")]
    public void MixedOperationListNamesOneOfEachSpace(string text, string nats, string darts)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        Assert.StartsWith($"'{text}' lists operations, but it mixes the NATS-Bench operation '{nats}' with the DARTS operation '{darts}'.", exception.Message);
    }

    [Fact]
    public void OperationListInCapitalsIsRecognised()
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse("Sep_Conv_3x3,SEP_CONV_3X3"));

        Assert.Contains("is a list of 2 DARTS operations", exception.Message);
    }

    [Theory]
    [InlineData("64,128,64")]
    [InlineData("64 -3")]
    [InlineData("64,nne")]
    [InlineData("1.5")]
    [InlineData("resnet18")]
    [InlineData("")]
    public void HasArchitectureFormIsFalseForOtherText(string text)
    {
        Assert.False(ArchitectureParser.HasArchitectureForm(text));
    }

    [Theory]
    [InlineData("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|")]
    [InlineData("64:64:8:8:32")]
    [InlineData("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('skip_connect', 2), ('max_pool_3x3', 1), ('skip_connect', 2)], reduce_concat=[2, 3, 4, 5])")]
    [InlineData("mlp:3072:64-128-64")]
    public void CanonicalFormsRoundTrip(string canonical)
    {
        Architecture architecture = ArchitectureParser.Parse(canonical);

        Assert.Equal(canonical, architecture.Canonical);
        Assert.Equal(architecture, ArchitectureParser.Parse(architecture.Canonical, architecture.SearchSpace));
        Assert.Equal(architecture.GetHashCode(), ArchitectureParser.Parse(canonical).GetHashCode());
    }

    [Theory]
    [InlineData("", null, "The architecture string is empty")]
    [InlineData("resnet18", null, "'resnet18' is not a recognised architecture")]
    [InlineData("|conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|", null, "Unknown operation 'conv_5x5' on an edge into node 1; valid operations are none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3.")]
    [InlineData("|conv_5x5~0|+|none~0|none~1|+|none~0|pool~1|none~2|", null, "Unknown operations 'conv_5x5' on an edge into node 1 and 'pool' on an edge into node 3; valid operations are none,")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|", null, "Node 3 has 2 edges in '|none~0|+|none~0|none~1|+|none~0|none~1|'; it takes exactly 3 edges, one from each of nodes 0 to 2.")]
    [InlineData("|none~0|+|none~0|+|none~0|none~1|none~2|", null, "Node 2 has 1 edge in '|none~0|+|none~0|+|none~0|none~1|none~2|'; it takes exactly 2 edges, one from each of nodes 0 and 1.")]
    [InlineData("|none~0|+|none~0|none~1|", null, "has 2 node groups;")]
    [InlineData("|none~0|", null, "The cell string '|none~0|' has 1 node group; a NATS-Bench topology cell has 3")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|", null, "more than 3 '+'-separated node groups")]
    [InlineData("|none~0|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", null, "Node 1 has more than 1 edge in '|none~0|none~0|+|none~0|none~1|+|none~0|none~1|none~2|'; it takes exactly 1 edge, from node 0.")]
    [InlineData("|none~0|+|none~0|none~3|+|none~0|none~1|none~2|", null, "The source node '3' of edge 'none~3' is out of range; node 2 takes inputs from nodes 0 and 1.")]
    [InlineData("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|", null, "The source node '1' of edge 'none~1' is out of range; node 1 takes inputs from node 0.")]
    [InlineData("|none~0|+|none~0|none~0|+|none~0|none~1|none~2|", null, "Node 2 lists source node 0 twice; each of nodes 0 and 1 feeds it exactly once.")]
    [InlineData("|none|+|none~0|none~1|+|none~0|none~1|none~2|", null, "has no '~source'")]
    [InlineData("(4, 3, 3, 0)", null, "The op_indices tuple '(4, 3, 3, 0)' has 4 entries; a NATS-Bench topology cell has 6 edges.")]
    [InlineData("(4, 3, 3, 0, 0)", null, "Width 4, entry 1 of 5, is outside the NATS-Bench size space; widths are 8, 16, 24, 32, 40, 48, 56 or 64. NASLib's op_indices of a NATS-Bench topology cell have 6 entries.")]
    [InlineData("9930", null, "'9930' is a whole number, not an architecture. A benchmark index is not an architecture. Give a NATS-Bench topology cell as its cell string, which NATS-Bench's api.arch(index) returns.")]
    [InlineData("12", SearchSpace.NatsSize, "'12' is a whole number, not an architecture.")]
    [InlineData("12", SearchSpace.NatsTopology, "'12' is a whole number, not an architecture.")]
    [InlineData("(4)", null, "The op_indices tuple '(4)' has 1 entry; a NATS-Bench topology cell has 6 edges.")]
    [InlineData("(4, 3, 3, 0, 0, 7)", null, "'7' in '(4, 3, 3, 0, 0, 7)' is no NASLib operation index")]
    [InlineData("[10, 20, 30, 40, 50, 60]", null, "Hidden-layer widths of a fully connected network are written as mlp:<input dimension>:10-20-30-40-50-60, such as mlp:3072:10-20-30-40-50-60 for a 32 × 32 RGB image.")]
    [InlineData("[64, 128, 64]", null, "'64' in '[64, 128, 64]' is no NASLib operation index; NASLib numbers them 0 skip_connect, 1 none, 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3. Hidden-layer widths of a fully connected network are written as mlp:<input dimension>:64-128-64, such as mlp:3072:64-128-64")]
    [InlineData("()", null, "The tuple '()' is empty. NASLib's op_indices form of a NATS-Bench topology cell lists 6 operation indices")]
    [InlineData("(4, 3, , 0, 0, 0)", null, "Entry 3 of the op_indices tuple '(4, 3, , 0, 0, 0)' is empty, so the tuple is incomplete;")]
    [InlineData("(((0, 5), (1, 3), (0, 5), (1, 3), (0, 5), (1, 3), (0, 5)), ((0, 5), (1, 3), (0, 5), (1, 3), (0, 5), (1, 3), (0, 5), (1, 3)))", null, "has 7 (input, operation) pairs, but it must have 8, two per intermediate node.")]
    [InlineData("((0, 5), (1, 3), (0, 5), (1, 3), (0, 5), (1, 3), (0, 5))", null, "must hold two cells, normal and reduce, each of 8 (input, operation) pairs, but it holds 7 items.")]
    [InlineData("(((0, 5), (1, 3)), ((0, 5), (1, 3))", null, "Malformed NASLib compact form '(((0, 5), (1, 3)), ((0, 5), (1, 3))': the '(' at character 1 is not closed, so a ')' is missing at the end.")]
    [InlineData("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1)", null, "Malformed genotype 'Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1)': the '[' at character 17 is not closed, so a ']' is missing at the end.")]
    [InlineData("Genotype(normal=[('sep_conv_3x3', 0)]", null, "': the '(' at character 9 is not closed, so a ')' is missing at the end.")]
    [InlineData("8:16:24:32:12", null, "Width 12, entry 5 of 5, is outside the NATS-Bench size space; widths are 8, 16, 24, 32, 40, 48, 56 or 64.")]
    [InlineData("8:16:24:32", null, "has 5 widths, but 4 widths were given.")]
    [InlineData("8:16:x:32:64", SearchSpace.NatsSize, "'x' in '8:16:x:32:64' is not a whole number")]
    [InlineData("8:16:24:32:64", SearchSpace.NatsTopology, "'8:16:24:32:64' is not a NATS-Bench topology cell")]
    [InlineData("|none~0|", SearchSpace.NatsSize, "'|none~0|' is not a NATS-Bench size channel list")]
    [InlineData("mlp:3072:64-0", null, "Invalid MLP string 'mlp:3072:64-0'")]
    [InlineData("mlp:3072", null, "has no ':' between the input dimension and the widths")]
    [InlineData("mlp:abc:4", null, "The input dimension 'abc'")]
    public void ErrorsNameTheProblem(string text, SearchSpace? space, string expected)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text, space));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(text, exception.Input);
    }

    [Fact]
    public void NonNumericIndexGetsNoWidthsHint()
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse("(4, 3, 3, 0, 0, x)"));

        Assert.EndsWith("'x' in '(4, 3, 3, 0, 0, x)' is no NASLib operation index; NASLib numbers them 0 skip_connect, 1 none, 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3.", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sep_conv_3x3,sep_conv_3x3,none,sep_conv_3x3,skip_connect,none,none,sep_conv_3x3,none,none,none,dil_conv_3x3,none,none", null)]
    [InlineData("sep_conv_3x3, sep_conv_3x3, none, sep_conv_3x3, skip_connect, none, none, sep_conv_3x3, none, none, none, dil_conv_3x3, none, none", SearchSpace.Darts)]
    [InlineData("['sep_conv_3x3', 'sep_conv_3x3', 'none', 'sep_conv_3x3', 'skip_connect', 'none', 'none', 'sep_conv_3x3', 'none', 'none', 'none', 'dil_conv_3x3', 'none', 'none']", null)]
    [InlineData("['sep_conv_3x3', 'sep_conv_3x3', 'none', 'sep_conv_3x3', 'skip_connect', 'none', 'none', 'sep_conv_3x3', 'none', 'none', 'none', 'dil_conv_3x3', 'none', 'none']", SearchSpace.Darts)]
    public void OperationListPointsToNewCanopyArchitecture(string text, SearchSpace? space)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text, space));

        Assert.Contains("is a list of 14 DARTS operations, which no architecture string form takes.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("give them to New-CanopyArchitecture -NormalOperations (as an array or as this text), and -ReduceOperations for the reduction cell.", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("A Genotype(...) string may also list all 14 edges of a cell as (operation, input) pairs, with 'none' on the dropped edges.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(SearchSpace.Darts, exception.SearchSpace);
        Assert.Equal(text, exception.Input);
    }

    [Theory]
    [InlineData("nor_conv_3x3,skip_connect,nor_conv_1x1,avg_pool_3x3,none,nor_conv_3x3", null)]
    [InlineData("nor_conv_3x3, skip_connect, nor_conv_1x1, avg_pool_3x3, none, nor_conv_3x3", SearchSpace.NatsTopology)]
    [InlineData("['nor_conv_3x3', 'skip_connect', 'nor_conv_1x1', 'avg_pool_3x3', 'none', 'nor_conv_3x3']", null)]
    [InlineData("skip_connect,none,skip_connect,none,skip_connect,none", null)]
    public void NatsOperationListPointsToOperations(string text, SearchSpace? space)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text, space));

        Assert.Contains("is a list of 6 NATS-Bench operations, which no architecture string form takes.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("give them to New-CanopyArchitecture -Operations, as an array or as this text.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(SearchSpace.NatsTopology, exception.SearchSpace);
        Assert.Equal(text, exception.Input);
    }

    [Fact]
    public void SingleOperationNamedAsOperation()
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse("sep_conv_3x3"));

        Assert.StartsWith("'sep_conv_3x3' is a DARTS operation, not an architecture. To build a cell", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sep_conv_3x3,none", SearchSpace.NatsTopology, "is not a NATS-Bench topology cell")]
    [InlineData("(2, 3, 3, 0)", null, "has 4 entries")]
    public void OtherListsKeepTheirMessage(string text, SearchSpace? space, string expected)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text, space));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("New-CanopyArchitecture", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseReturnsReason()
    {
        bool parsed = ArchitectureParser.TryParse("8:16:24:32:65", null, out Architecture? architecture, out string? error);

        Assert.False(parsed);
        Assert.Null(architecture);
        Assert.Contains("Width 65", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseReturnsArchitecture()
    {
        bool parsed = ArchitectureParser.TryParse(" 8:16:24:32:64 ", null, out Architecture? architecture, out string? error);

        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal("8:16:24:32:64", architecture!.Canonical);
    }

    [Fact]
    public void ErrorCarriesSearchSpace()
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse("8:16:24:32:12"));

        Assert.Equal(SearchSpace.NatsSize, exception.SearchSpace);
        Assert.IsAssignableFrom<FormatException>(exception);
    }

    [Fact]
    public void LongInputIsQuotedShort()
    {
        string text = "x" + new string('y', 500);

        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        Assert.True(exception.Message.Length < 400, exception.Message);
        Assert.Contains("...'", exception.Message, StringComparison.Ordinal);
    }
}

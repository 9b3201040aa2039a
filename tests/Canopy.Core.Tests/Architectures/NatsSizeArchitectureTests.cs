using System;
using System.Linq;
using Canopy.Architectures;
using Xunit;

namespace Canopy.Tests.Architectures;

public class NatsSizeArchitectureTests
{
    [Fact]
    public void ChannelListRoundTrips()
    {
        NatsSizeArchitecture architecture = NatsSizeArchitecture.Parse(" 8:16 : 24:32:64");

        Assert.Equal("8:16:24:32:64", architecture.Canonical);
        Assert.Equal(new[] { 8, 16, 24, 32, 64 }, architecture.Widths);
        Assert.Equal(architecture, ArchitectureParser.Parse(architecture.Canonical));
    }

    [Theory]
    [InlineData("[32, 24, 48, 64, 16]")]
    [InlineData("(32, 24, 48, 64, 16)")]
    [InlineData(" [32,24,48,64,16] ")]
    public void PythonListParsesAsChannelList(string text)
    {
        Architecture architecture = ArchitectureParser.Parse(text);

        Assert.Equal(SearchSpace.NatsSize, architecture.SearchSpace);
        Assert.Equal("32:24:48:64:16", architecture.Canonical);
        Assert.Equal(ArchitectureParser.Parse("32:24:48:64:16"), architecture);
        Assert.Equal("32:24:48:64:16", NatsSizeArchitecture.Parse(text).Canonical);
    }

    [Theory]
    [InlineData("[32, 24, 48, 64, 12]", "Width 12, entry 5 of 5, is outside the NATS-Bench size space; widths are 8, 16, 24, 32, 40, 48, 56 or 64.")]
    [InlineData("(-8, 8, 8, 8, 8)", "Width -8, entry 1 of 5, is outside the NATS-Bench size space; widths are 8, 16, 24, 32, 40, 48, 56 or 64.")]
    [InlineData("[0, 0, 0, 0, 0]", "Width 0, entry 1 of 5, is outside the NATS-Bench size space; widths are 8, 16, 24, 32, 40, 48, 56 or 64. NASLib's op_indices of a NATS-Bench topology cell have 6 entries.")]
    public void PythonListWidthsChecked(string text, string expected)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text));

        // A list with widths above 4 may also be MLP widths, so its message goes on with the MLP form.
        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(SearchSpace.NatsSize, exception.SearchSpace);
    }

    [Theory]
    [InlineData("[8, 16]", "A NATS-Bench size architecture has 5 widths, but 2 widths were given.")]
    [InlineData("[8, 16, 24, 32, 64, 64]", "A NATS-Bench size architecture has 5 widths, but 6 widths were given.")]
    [InlineData("[8, 16, x, 32, 64]", "'x' in '[8, 16, x, 32, 64]' is not a whole number")]
    public void PythonListInSizeSpaceChecked(string text, string expected)
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse(text, SearchSpace.NatsSize));

        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SixIntegersStayNasLibIndices()
    {
        var exception = Assert.Throws<ArchitectureFormatException>(() => ArchitectureParser.Parse("[32, 24, 48, 64, 16, 8]"));

        Assert.StartsWith("'32' in '[32, 24, 48, 64, 16, 8]' is no NASLib operation index", exception.Message, StringComparison.Ordinal);
        Assert.Equal(SearchSpace.NatsTopology, exception.SearchSpace);
    }

    [Fact]
    public void IndexIsBase8WithFirstWidthMostSignificant()
    {
        // NATS-Bench's create-query-sss notebook prints the cost of index 12; 8:8:8:16:40 is the only list that
        // reproduces it (see NatsSizeCostTests).
        Assert.Equal("8:8:8:16:40", NatsSizeArchitecture.FromIndex(12).Canonical);
        Assert.Equal("8:8:8:8:8", NatsSizeArchitecture.FromIndex(0).Canonical);
        Assert.Equal("64:64:64:64:64", NatsSizeArchitecture.FromIndex(32_767).Canonical);
        Assert.Equal(4096 + 7, NatsSizeArchitecture.Parse("16:8:8:8:64").Index);
    }

    [Fact]
    public void EnumerationCoversSpaceOnce()
    {
        var all = NatsSizeArchitecture.EnumerateAll().ToList();

        Assert.Equal(32_768, all.Count);
        Assert.Equal(32_768, all.Select(architecture => architecture.Canonical).Distinct().Count());
        for (int i = 0; i < all.Count; i++)
        {
            Assert.Equal(i, all[i].Index);
        }
    }

    [Fact]
    public void CreateChecksWidths()
    {
        Assert.Equal("8:8:8:8:8", NatsSizeArchitecture.Create(new[] { 8, 8, 8, 8, 8 }).Canonical);
        Assert.Throws<ArgumentException>(() => NatsSizeArchitecture.Create(new[] { 8, 8, 8, 8 }));
        var single = Assert.Throws<ArgumentException>(() => NatsSizeArchitecture.Create(new[] { 8 }));
        Assert.StartsWith("A NATS-Bench size architecture has 5 widths, but 1 width was given.", single.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => NatsSizeArchitecture.Create(new[] { 8, 8, 8, 8, 72 }));
    }

    [Fact]
    public void FixedCellIsIndex9930Topology()
    {
        Assert.Equal("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|", NatsSizeArchitecture.Cell.Canonical);
    }
}

using System.Linq;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>A DARTS genotype with its two cells and, when it defines its own network, the cell widths.</summary>
public sealed class DartsRecord : ArchitectureRecord
{
    internal DartsRecord(DartsGenotype genotype, Dataset dataset, DartsNetwork dartsNetwork, NetworkCost? cost)
        : base(genotype, dataset, NetworkDescription.Of(genotype, dartsNetwork), cost)
    {
        Normal = genotype.Normal.Edges.Select(DartsEdgeRecord.From).ToArray();
        Reduce = genotype.Reduce.Edges.Select(DartsEdgeRecord.From).ToArray();
        CellWidths = genotype.Widths?.ToArray();
        DartsNetworkValue = dartsNetwork;
    }

    /// <summary>The edges of the normal cell.</summary>
    public DartsEdgeRecord[] Normal { get; }

    /// <summary>The edges of the reduction cell.</summary>
    public DartsEdgeRecord[] Reduce { get; }

    /// <summary>The channel count of every cell, or null when the genotype is counted in a benchmark network.</summary>
    public int[]? CellWidths { get; }

    /// <summary>
    /// The name of the benchmark network the genotype is counted in, for example "NasBench301", or null when the
    /// genotype carries cell widths, which define its network.
    /// </summary>
    public string? DartsNetwork => CellWidths is null ? DartsNetworkValue.ToString() : null;

    /// <summary>The network given when the record was created, as an enum value, for the code that scores it again.</summary>
    internal DartsNetwork DartsNetworkValue { get; }
}

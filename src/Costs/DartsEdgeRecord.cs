using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>
/// One edge of a DARTS cell as <see cref="DartsRecord"/> outputs it: <see cref="Operation"/>, spelled as in DARTS
/// genotypes such as "sep_conv_3x3", applied to node <see cref="Input"/> and summed into intermediate node
/// <see cref="Node"/>. The operation is a string, so that ConvertTo-Json and Export-Csv write its name.
/// </summary>
public readonly record struct DartsEdgeRecord(int Node, int Input, string Operation)
{
    internal static DartsEdgeRecord From(DartsEdge edge) => new(edge.Node, edge.Input, DartsOperationNames.Name(edge.Operation));

    /// <summary>Returns the genotype pair, for example ('sep_conv_3x3', 0).</summary>
    public override string ToString() => $"('{Operation}', {Input})";
}

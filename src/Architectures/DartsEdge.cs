namespace Canopy.Architectures;

/// <summary>
/// One edge of a DARTS cell: <see cref="Operation"/> applied to node <see cref="Input"/> and summed into
/// intermediate node <see cref="Node"/>. Nodes 0 and 1 are the two cell inputs, nodes 2 to 5 the intermediate nodes.
/// </summary>
public readonly record struct DartsEdge(int Node, int Input, DartsOperation Operation)
{
    /// <summary>Returns the genotype pair, for example ('sep_conv_3x3', 0).</summary>
    public override string ToString() => $"('{DartsOperationNames.Name(Operation)}', {Input})";
}

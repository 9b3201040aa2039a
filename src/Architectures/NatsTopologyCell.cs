using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Canopy.Architectures;

/// <summary>
/// A cell of the NATS-Bench topology space (NAS-Bench-201). It has four nodes, node 0 the cell input and node 3 the
/// output, and one operation on each of the six edges i → j (i &lt; j). Each node sums its incoming edges.
/// The canonical form is the benchmark's cell string, for example
/// <c>|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|</c>, where
/// group k lists the edges into node k and <c>~j</c> names the source node.
/// </summary>
public sealed class NatsTopologyCell : Architecture
{
    /// <summary>The number of edges in a cell.</summary>
    public const int EdgeCount = 6;

    /// <summary>The number of cells in the space, 5^6.</summary>
    public const int CellCount = 15_625;

    private static readonly (int From, int To)[] EdgeList = { (0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3) };

    private readonly NatsOperation[] _operations;
    private readonly string _canonical;
    private readonly int _index;

    private NatsTopologyCell(NatsOperation[] operations, string? canonicalText = null)
    {
        _operations = operations;
        _canonical = canonicalText ?? Format(operations);

        // Scoring looks the index up several times per cell, in its memo and its cost table.
        foreach (NatsOperation operation in operations)
        {
            _index = _index * 5 + (int)operation;
        }
    }

    /// <summary>The edges (from, to) in the order of the cell string: (0→1), (0→2), (1→2), (0→3), (1→3), (2→3).</summary>
    public static IReadOnlyList<(int From, int To)> Edges => EdgeList;

    public override SearchSpace SearchSpace => SearchSpace.NatsTopology;

    public override string Canonical => _canonical;

    /// <summary>The six edge operations in the order of <see cref="Edges"/>.</summary>
    public IReadOnlyList<NatsOperation> Operations => _operations;

    /// <summary>
    /// The position of the cell in Canopy's enumeration: the six operations read as a base-5 number, edge (0→1)
    /// most significant, operations numbered as in <see cref="NatsOperation"/>. This is not the NATS-Bench index,
    /// whose order follows no rule that the cell determines.
    /// </summary>
    public int Index => _index;

    /// <summary>Creates a cell from its six edge operations in the order of <see cref="Edges"/>.</summary>
    /// <exception cref="ArgumentException">There are not exactly six operations, or one is undefined.</exception>
    public static NatsTopologyCell Create(IEnumerable<NatsOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        NatsOperation[] copy = operations.ToArray();

        if (copy.Length != EdgeCount)
        {
            throw new ArgumentException($"A NATS-Bench topology cell has {EdgeCount} edges, but {MessageWording.Given(copy.Length, "operation", "operations")}.", nameof(operations));
        }

        foreach (NatsOperation operation in copy)
        {
            if (!Enum.IsDefined(operation))
            {
                throw new ArgumentException($"{(int)operation} is no NATS-Bench topology operation.", nameof(operations));
            }
        }

        return new NatsTopologyCell(copy);
    }

    /// <summary>Returns the cell at <paramref name="index"/> of Canopy's enumeration (see <see cref="Index"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0 .. 15,624.</exception>
    public static NatsTopologyCell FromIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CellCount);

        var operations = new NatsOperation[EdgeCount];
        for (int edge = EdgeCount - 1; edge >= 0; edge--)
        {
            operations[edge] = (NatsOperation)(index % 5);
            index /= 5;
        }

        return new NatsTopologyCell(operations);
    }

    /// <summary>Streams all 15,625 cells in Canopy's enumeration order, index 0 (all none) first.</summary>
    public static IEnumerable<NatsTopologyCell> EnumerateAll()
    {
        for (int index = 0; index < CellCount; index++)
        {
            yield return FromIndex(index);
        }
    }

    /// <summary>Parses a cell string or NASLib's op_indices tuple.</summary>
    /// <exception cref="ArchitectureFormatException">The text is no NATS-Bench topology cell.</exception>
    public static NatsTopologyCell Parse(string text) => NatsTopologyParser.Parse(text);

    /// <summary>Returns the operation on edge <paramref name="from"/> → <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The nodes are not 0 ≤ from &lt; to ≤ 3.</exception>
    public NatsOperation Operation(int from, int to)
    {
        int edge = Array.IndexOf(EdgeList, (from, to));
        if (edge < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"Invalid edge ({from} → {to}): NATS-Bench topology cells have edges from node i to node j with 0 <= i < j <= 3.");
        }

        return _operations[edge];
    }

    /// <summary>Wraps operations the parser has checked, with the input text when it is already the canonical form.</summary>
    internal static NatsTopologyCell FromValidated(NatsOperation[] operations, string? canonicalText) => new(operations, canonicalText);

    private static string Format(NatsOperation[] operations)
    {
        var builder = new StringBuilder(96);
        for (int edge = 0; edge < EdgeCount; edge++)
        {
            (int from, int to) = EdgeList[edge];
            if (from == 0 && to > 1)
            {
                builder.Append('+');
            }

            builder.Append('|').Append(NatsOperationNames.Name(operations[edge])).Append('~').Append((char)('0' + from));
            if (from == to - 1)
            {
                builder.Append('|');
            }
        }

        return builder.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Canopy.Architectures;

/// <summary>
/// Parses NATS-Bench topology cells from the benchmark's cell string, or from NASLib's op_indices tuple such as
/// <c>(4, 3, 3, 0, 0, 0)</c>.
/// </summary>
internal static class NatsTopologyParser
{
    private const string Expected = "expected a cell string such as |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    // NASLib numbers the operations 0 skip_connect, 1 none, 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3.
    private static readonly NatsOperation[] NasLibOperations =
    {
        NatsOperation.SkipConnect, NatsOperation.None, NatsOperation.NorConv3x3, NatsOperation.NorConv1x1, NatsOperation.AvgPool3x3,
    };

    // NASLib's edge order (1→2),(1→3),(1→4),(2→3),(2→4),(3→4) is NB201's (0→1),(0→2),(0→3),(1→2),(1→3),(2→3);
    // entry i is the position of NASLib's edge i in the cell-string order.
    private static readonly int[] NasLibEdgeToCellEdge = { 0, 1, 3, 2, 4, 5 };

    public static NatsTopologyCell Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();

        if (trimmed.Length == 0)
        {
            throw Error(text, "The architecture string is empty; " + Expected + ".");
        }

        if (trimmed[0] is '(' or '[')
        {
            return ParseNasLibIndices(text, trimmed);
        }

        if (BenchmarkIndexText.IsWholeNumber(trimmed))
        {
            throw Error(text, BenchmarkIndexText.DescribeNumber(text));
        }

        if (trimmed[0] != '|')
        {
            throw Error(text, $"{ArchitectureFormatException.Quote(text)} is not a NATS-Bench topology cell; {Expected}.");
        }

        return ParseCellString(text, trimmed);
    }

    private static NatsTopologyCell ParseCellString(string text, string trimmed)
    {
        var operations = new NatsOperation[NatsTopologyCell.EdgeCount];
        ReadOnlySpan<char> rest = trimmed;
        int node = 0;
        bool canonical = true;

        while (rest.Length > 0)
        {
            node++;
            int plus = rest.IndexOf('+');
            ReadOnlySpan<char> group = plus < 0 ? rest : rest[..plus];
            rest = plus < 0 ? ReadOnlySpan<char>.Empty : rest[(plus + 1)..];

            if (node > 3)
            {
                throw Error(text, $"The cell string {ArchitectureFormatException.Quote(text)} has more than 3 '+'-separated node groups; a NATS-Bench topology cell has nodes 1, 2 and 3.");
            }

            if (plus >= 0 && rest.Length == 0)
            {
                throw Error(text, $"The cell string {ArchitectureFormatException.Quote(text)} ends with '+'; {Expected}.");
            }

            canonical &= ParseGroup(text, group, node, operations);
        }

        if (node != 3)
        {
            throw Error(text, $"The cell string {ArchitectureFormatException.Quote(text)} has {MessageWording.Count(node, "node group", "node groups")}; a NATS-Bench topology cell has 3 (nodes 1, 2 and 3, with 1, 2 and 3 edges), so 6 edges in all.");
        }

        // Benchmark files store the canonical form, and reusing it saves formatting the cell again.
        return NatsTopologyCell.FromValidated(operations, canonical ? trimmed : null);
    }

    // Names every unknown operation of the cell string, so that a string with several typos is fixed in one pass.
    private static string DescribeUnknownOperations(string text)
    {
        var unknown = new List<string>();
        string[] groups = text.Trim().Split('+');
        for (int group = 0; group < groups.Length; group++)
        {
            foreach (string entry in groups[group].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                int tilde = entry.LastIndexOf('~');
                string name = tilde < 0 ? entry : entry[..tilde];
                if (tilde >= 0 && !NatsOperationNames.TryParseBenchmarkName(name, out _) && !NatsOperationNames.TryParse(name, out _))
                {
                    unknown.Add($"'{name}' on an edge into node {group + 1}");
                }
            }
        }

        return unknown.Count == 1
            ? $"Unknown operation {unknown[0]}"
            : $"Unknown operations {string.Join(", ", unknown.Take(unknown.Count - 1))} and {unknown[^1]}";
    }

    // Group k lists the k edges into node k as |op~source|op~source|..., each source 0..k-1 exactly once. Returns
    // whether the group is written canonically: benchmark names, sources in ascending order, one digit each.
    private static bool ParseGroup(string text, ReadOnlySpan<char> group, int node, NatsOperation[] operations)
    {
        if (group.Length < 2 || group[0] != '|' || group[^1] != '|')
        {
            throw Error(text, $"The group '{group}' for node {node} must start and end with '|'; {Expected}.");
        }

        ReadOnlySpan<char> entries = group[1..^1];
        bool[] seen = new bool[node];
        int count = 0;
        bool canonical = true;

        bool more = true;
        while (more)
        {
            ReadOnlySpan<char> entry = NextItem(ref entries, '|', out more);
            count++;
            if (count > node)
            {
                throw Error(text, $"Node {node} has more than {MessageWording.Count(node, "edge", "edges")} in {ArchitectureFormatException.Quote(text)}; {ExpectedEdges(node)}.");
            }

            int tilde = entry.LastIndexOf('~');
            if (tilde < 0)
            {
                throw Error(text, $"The edge '{entry}' into node {node} has no '~source'; edges are written op~j, for example nor_conv_3x3~0.");
            }

            bool benchmarkName = NatsOperationNames.TryParseBenchmarkName(entry[..tilde], out NatsOperation operation);
            if (!benchmarkName && !NatsOperationNames.TryParse(entry[..tilde], out operation))
            {
                throw Error(text, $"{DescribeUnknownOperations(text)}; {NatsOperationNames.ValidNames}.");
            }

            if (!int.TryParse(entry[(tilde + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int source) || source >= node)
            {
                throw Error(text, $"The source node '{entry[(tilde + 1)..]}' of edge '{entry}' is out of range; node {node} takes inputs from {MessageWording.Nodes(0, node - 1)}.");
            }

            if (seen[source])
            {
                throw Error(text, $"Node {node} lists source node {source} twice; each of {MessageWording.Nodes(0, node - 1)} feeds it exactly once.");
            }

            seen[source] = true;
            operations[EdgeIndex(source, node)] = operation;
            canonical &= benchmarkName && source == count - 1 && tilde == entry.Length - 2;
        }

        if (count != node)
        {
            throw Error(text, $"Node {node} has {MessageWording.Count(count, "edge", "edges")} in {ArchitectureFormatException.Quote(text)}; {ExpectedEdges(node)}.");
        }

        return canonical;
    }

    private static string ExpectedEdges(int node) => node == 1
        ? "it takes exactly 1 edge, from node 0"
        : $"it takes exactly {node} edges, one from each of {MessageWording.Nodes(0, node - 1)}";

    private static NatsTopologyCell ParseNasLibIndices(string text, string trimmed)
    {
        char close = trimmed[0] == '(' ? ')' : ']';
        if (trimmed[^1] != close)
        {
            throw Error(text, $"The op_indices tuple {ArchitectureFormatException.Quote(text)} is not closed with '{close}'.");
        }

        ReadOnlySpan<char> inner = trimmed.AsSpan(1, trimmed.Length - 2);
        if (inner.Trim().IsEmpty)
        {
            throw Error(text, $"The tuple {ArchitectureFormatException.Quote(text)} is empty. NASLib's op_indices form of a NATS-Bench topology cell lists {NatsTopologyCell.EdgeCount} operation indices, such as (4, 3, 3, 0, 0, 0), and its DARTS compact form lists two cells of (input, operation) pairs.");
        }

        var operations = new NatsOperation[NatsTopologyCell.EdgeCount];
        int count = 0;

        bool more = true;
        while (more)
        {
            ReadOnlySpan<char> item = NextItem(ref inner, ',', out more).Trim();
            if (item.IsEmpty)
            {
                throw Error(text, $"Entry {count + 1} of the op_indices tuple {ArchitectureFormatException.Quote(text)} is empty, so the tuple is incomplete; a NATS-Bench topology cell lists {NatsTopologyCell.EdgeCount} operation indices, such as (4, 3, 3, 0, 0, 0).");
            }

            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int code) || code >= NasLibOperations.Length)
            {
                throw Error(text, $"'{item}' in {ArchitectureFormatException.Quote(text)} is no NASLib operation index; NASLib numbers them 0 skip_connect, 1 none, 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3.");
            }

            if (count < NatsTopologyCell.EdgeCount)
            {
                operations[NasLibEdgeToCellEdge[count]] = NasLibOperations[code];
            }

            count++;
        }

        if (count != NatsTopologyCell.EdgeCount)
        {
            throw Error(text, $"The op_indices tuple {ArchitectureFormatException.Quote(text)} has {MessageWording.Count(count, "entry", "entries")}; a NATS-Bench topology cell has {NatsTopologyCell.EdgeCount} edges.");
        }

        return NatsTopologyCell.FromValidated(operations, canonicalText: null);
    }

    // Cuts the text up to the next separator off the front of rest; more is false for the last item.
    private static ReadOnlySpan<char> NextItem(ref ReadOnlySpan<char> rest, char separator, out bool more)
    {
        int end = rest.IndexOf(separator);
        more = end >= 0;
        ReadOnlySpan<char> item = more ? rest[..end] : rest;
        rest = more ? rest[(end + 1)..] : ReadOnlySpan<char>.Empty;
        return item;
    }

    private static int EdgeIndex(int from, int to) => to switch
    {
        1 => 0,
        2 => 1 + from,
        _ => 3 + from,
    };

    private static ArchitectureFormatException Error(string text, string message) =>
        new(message, text, SearchSpace.NatsTopology);
}

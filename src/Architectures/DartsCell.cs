using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Canopy.Architectures;

/// <summary>
/// One DARTS cell, normal or reduction: edges into the four intermediate nodes 2 to 5, each node summing its edges,
/// and the list of nodes concatenated into the cell output. Node k takes inputs from nodes 0 to k − 1, where nodes 0
/// and 1 are the outputs of the two previous cells.
/// </summary>
/// <remarks>
/// A cell has one of two forms. A genotype cell lists two edges per node, eight in all, as DARTS derives them.
/// A candidate-edge cell lists all 14 candidate edges in the standard order (node 2 from 0, 1; node 3 from 0, 1, 2;
/// node 4 from 0 to 3; node 5 from 0 to 4), with none on the edges it drops, so a node may keep any number of
/// inputs. A candidate-edge list that keeps exactly two edges per node becomes a genotype cell.
/// </remarks>
public sealed class DartsCell
{
    /// <summary>The number of intermediate nodes, 2 to 5.</summary>
    public const int IntermediateNodeCount = 4;

    /// <summary>The number of edges in a genotype cell: two per intermediate node.</summary>
    public const int GenotypeEdgeCount = 8;

    /// <summary>The number of candidate edges: 2 + 3 + 4 + 5.</summary>
    public const int CandidateEdgeCount = 14;

    private static readonly int[] DefaultConcat = { 2, 3, 4, 5 };

    private readonly DartsEdge[] _edges;
    private readonly int[] _concat;

    // A mutation keeps one cell of its parent, so the cell keeps its text for the child's canonical form. Two threads
    // may format it at once, and both write the same string.
    private string? _formattedEdges;

    private DartsCell(DartsEdge[] edges, int[] concat, bool listsCandidateEdges)
    {
        _edges = edges;

        // Concatenation order only permutes channels, and every layer that reads the cell output reads all of them,
        // so one network keeps one canonical string. The check has already rejected repeated nodes.
        _concat = IsAscending(concat) ? concat : concat.Order().ToArray();
        ListsCandidateEdges = listsCandidateEdges;
    }

    private static bool IsAscending(int[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The edges in the order they are written, grouped by node.</summary>
    public IReadOnlyList<DartsEdge> Edges => _edges;

    /// <summary>The nodes whose outputs are concatenated into the cell output in ascending order, normally 2, 3, 4, 5.</summary>
    public IReadOnlyList<int> Concat => _concat;

    /// <summary>True for a candidate-edge cell (14 edges, none included); false for a genotype cell (8 edges).</summary>
    public bool ListsCandidateEdges { get; }

    /// <summary>Creates a genotype cell from eight (operation, input) pairs, two per node in node order.</summary>
    /// <exception cref="ArgumentException">There are not eight pairs, an input is out of range, or the concat list is invalid.</exception>
    public static DartsCell FromPairs(IEnumerable<(DartsOperation Operation, int Input)> pairs, IEnumerable<int>? concat = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToList();
        int[] concatList = concat?.ToArray() ?? DefaultConcat;

        string? problem = list.Count == GenotypeEdgeCount ? CheckConcat(concatList) : $"a genotype cell has {GenotypeEdgeCount} (operation, input) pairs, two per intermediate node, but {MessageWording.Given(list.Count, "pair", "pairs")}";
        problem ??= CheckPairs(list);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid DARTS cell: {problem}.", nameof(pairs));
        }

        return CreateGenotypeCell(list, concatList);
    }

    /// <summary>
    /// Creates a cell from one operation per candidate edge, in the standard order: node 2 from inputs 0, 1; node 3
    /// from 0, 1, 2; node 4 from 0 to 3; node 5 from 0 to 4. Every edge whose operation is not none is kept.
    /// </summary>
    /// <exception cref="ArgumentException">There are not 14 operations, or the concat list is invalid.</exception>
    public static DartsCell FromCandidateEdges(IEnumerable<DartsOperation> operations, IEnumerable<int>? concat = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        DartsOperation[] list = operations.ToArray();
        int[] concatList = concat?.ToArray() ?? DefaultConcat;

        string? problem = list.Length == CandidateEdgeCount ? CheckConcat(concatList) : $"a cell has {CandidateEdgeCount} candidate edges, but {MessageWording.Given(list.Length, "operation", "operations")}";
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid DARTS cell: {problem}.", nameof(operations));
        }

        return CreateFromCandidateEdges(list, concatList);
    }

    /// <summary>Returns the edges into intermediate node <paramref name="node"/> (2 to 5), none edges included.</summary>
    public IEnumerable<DartsEdge> InputsOf(int node) => _edges.Where(edge => edge.Node == node);

    /// <summary>Returns the edges in genotype notation, for example [('sep_conv_3x3', 0), ('skip_connect', 1), ...].</summary>
    public string FormatEdges() => _formattedEdges ??= BuildEdges();

    /// <summary>Returns the concat list in genotype notation, for example [2, 3, 4, 5].</summary>
    public string FormatConcat() => "[" + string.Join(", ", _concat) + "]";

    private string BuildEdges()
    {
        var builder = new StringBuilder(_edges.Length * 22);
        builder.Append('[');
        for (int i = 0; i < _edges.Length; i++)
        {
            builder.Append(i == 0 ? "(" : ", (").Append('\'').Append(DartsOperationNames.Name(_edges[i].Operation)).Append("', ").Append(_edges[i].Input).Append(')');
        }

        return builder.Append(']').ToString();
    }

    /// <summary>
    /// Builds a cell from genotype pairs: eight pairs are a genotype cell, fourteen in candidate-edge order a
    /// candidate-edge cell. Returns null with a reason for any other list.
    /// </summary>
    internal static DartsCell? TryFromGenotypeList(List<(DartsOperation Operation, int Input)> pairs, int[] concat, out string? problem)
    {
        // A count of another space comes before the concat list, which such a cell writes for its own nodes.
        if (pairs.Count != GenotypeEdgeCount && pairs.Count != CandidateEdgeCount)
        {
            problem = DescribePairCount(pairs.Count);
            return null;
        }

        problem = CheckConcat(concat);
        if (problem is null && pairs.Count == GenotypeEdgeCount)
        {
            problem = CheckPairs(pairs);
            return problem is null ? CreateGenotypeCell(pairs, concat) : null;
        }

        if (problem is null && pairs.Count == CandidateEdgeCount)
        {
            problem = CheckCandidateOrder(pairs);
            return problem is null ? CreateFromCandidateEdges(pairs.Select(pair => pair.Operation).ToArray(), concat) : null;
        }

        return null;
    }

    private static string DescribePairCount(int count)
    {
        // NASNet and AmoebaNet cells have five intermediate nodes, so their genotypes list ten pairs.
        string nodes = count > GenotypeEdgeCount && count % 2 == 0 ? $", two for each of {count / 2} intermediate nodes" : string.Empty;
        return $"the cell lists {MessageWording.Count(count, "(operation, input) pair", "(operation, input) pairs")}{nodes}; a DARTS cell has {IntermediateNodeCount} intermediate nodes and lists {GenotypeEdgeCount} pairs (two per node) or {CandidateEdgeCount} (every candidate edge in order, with none on dropped edges)";
    }

    /// <summary>
    /// Builds a genotype cell from pairs already checked by the caller. A node sums its two edges, so their order
    /// carries no meaning. Each node's pairs are put in input order, then operation order, so that one network
    /// prints, compares and is looked up as one string whichever order the pairs were written in.
    /// </summary>
    internal static DartsCell CreateGenotypeCell(IReadOnlyList<(DartsOperation Operation, int Input)> pairs, int[] concat)
    {
        var edges = new DartsEdge[GenotypeEdgeCount];
        for (int i = 0; i < edges.Length; i += 2)
        {
            var first = pairs[i];
            var second = pairs[i + 1];
            if (second.Input < first.Input || (second.Input == first.Input && second.Operation < first.Operation))
            {
                (first, second) = (second, first);
            }

            edges[i] = new DartsEdge(2 + i / 2, first.Input, first.Operation);
            edges[i + 1] = new DartsEdge(2 + i / 2, second.Input, second.Operation);
        }

        return new DartsCell(edges, concat, listsCandidateEdges: false);
    }

    // Keeps the genotype form when every node has exactly two edges other than none, so that a candidate-edge
    // list and the equivalent genotype print the same.
    private static DartsCell CreateFromCandidateEdges(DartsOperation[] operations, int[] concat)
    {
        var edges = new DartsEdge[CandidateEdgeCount];
        int position = 0;
        for (int node = 2; node < 2 + IntermediateNodeCount; node++)
        {
            for (int input = 0; input < node; input++)
            {
                edges[position] = new DartsEdge(node, input, operations[position]);
                position++;
            }
        }

        bool twoPerNode = Enumerable.Range(2, IntermediateNodeCount)
            .All(node => edges.Count(edge => edge.Node == node && edge.Operation != DartsOperation.None) == 2);
        if (twoPerNode)
        {
            return new DartsCell(edges.Where(edge => edge.Operation != DartsOperation.None).ToArray(), concat, listsCandidateEdges: false);
        }

        return new DartsCell(edges, concat, listsCandidateEdges: true);
    }

    private static string? CheckPairs(IReadOnlyList<(DartsOperation Operation, int Input)> pairs)
    {
        for (int i = 0; i < pairs.Count; i++)
        {
            int node = 2 + i / 2;
            if (pairs[i].Input < 0 || pairs[i].Input >= node)
            {
                return $"pair {i + 1} ('{DartsOperationNames.Name(pairs[i].Operation)}', {pairs[i].Input}) feeds node {node}, which takes inputs from {MessageWording.Nodes(0, node - 1)} only";
            }
        }

        return null;
    }

    private static string? CheckCandidateOrder(IReadOnlyList<(DartsOperation Operation, int Input)> pairs)
    {
        int position = 0;
        for (int node = 2; node < 2 + IntermediateNodeCount; node++)
        {
            for (int input = 0; input < node; input++)
            {
                if (pairs[position].Input != input)
                {
                    return $"pair {position + 1} of a 14-pair cell must be the edge from node {input} into node {node}, but its input is {pairs[position].Input}; list every candidate edge in order, with none on dropped edges";
                }

                position++;
            }
        }

        return null;
    }

    private static string? CheckConcat(int[] concat)
    {
        if (concat.Length == 0)
        {
            return "the concat list is empty; DARTS cells normally concatenate nodes [2, 3, 4, 5]";
        }

        foreach (int node in concat)
        {
            if (node < 2 || node > 1 + IntermediateNodeCount)
            {
                return $"the concat list names node {node}, but only the intermediate nodes 2 to {1 + IntermediateNodeCount} can be concatenated into the cell output";
            }
        }

        return concat.Distinct().Count() == concat.Length ? null : "the concat list names a node twice";
    }
}

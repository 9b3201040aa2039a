using System;
using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Scoring;

/// <summary>
/// Traces the DARTS network: a 3×3 stem to 3C channels, cells with the given channel counts and reductions at
/// cells/3 and 2·cells/3, global average pooling and a linear classifier without a ReLU in front.
/// Each cell preprocesses its two inputs (the outputs of the two previous cells) with ReLU-conv1×1-BN, or with
/// a factorized reduction when the cell before the previous one was at twice the resolution. Cells, cell inputs and
/// edges that no path of live operations joins to the network output are left out.
/// </summary>
internal static class DartsTracing
{
    // Nodes 0 and 1 (the cell inputs) and the intermediate nodes 2 to 5.
    private const int NodeCount = 2 + DartsCell.IntermediateNodeCount;

    public static void Trace(NetworkTracer tracer, DartsGenotype genotype, IReadOnlyList<int> widths, int stemChannels, int imageSide)
    {
        // Only what reaches the network output can change its function, so regions born elsewhere do not count.
        Span<bool> normalReaches = stackalloc bool[NodeCount];
        Span<bool> reduceReaches = stackalloc bool[NodeCount];
        MarkNodesReachingOutput(genotype.Normal, normalReaches);
        MarkNodesReachingOutput(genotype.Reduce, reduceReaches);
        Span<bool> needed = stackalloc bool[widths.Count];
        MarkNeededCells(widths.Count, normalReaches, reduceReaches, needed);

        int image = tracer.Input(3, imageSide * imageSide);
        int stem = tracer.Convolve(image, stemChannels, window: 9, stride: 1, reluBefore: false);

        int previousPrevious = stem;
        int previous = stem;
        bool previousReduced = false;
        for (int layer = 0; layer < widths.Count; layer++)
        {
            bool reduction = DartsGenotype.IsReductionCell(layer, widths.Count);
            DartsCell cell = reduction ? genotype.Reduce : genotype.Normal;
            int inputPositions = tracer[previous].Positions;
            int output = needed[layer]
                ? TraceCell(tracer, cell, reduction ? reduceReaches : normalReaches, previousPrevious, previous, widths[layer], reduction, previousReduced)
                : tracer.Constant(widths[layer] * cell.Concat.Count, reduction ? Math.Max(1, inputPositions / 4) : inputPositions);
            previousPrevious = previous;
            previous = output;
            previousReduced = reduction;
        }
    }

    /// <summary>
    /// Marks the nodes of a cell that reach its output through edges other than none: the concatenated nodes, and
    /// every node with an edge into a marked node.
    /// </summary>
    internal static void MarkNodesReachingOutput(DartsCell cell, Span<bool> reaches)
    {
        reaches.Clear();
        foreach (int node in cell.Concat)
        {
            reaches[node] = true;
        }

        // Edges are grouped by node in ascending order and lead from lower nodes, so one pass from the end suffices.
        IReadOnlyList<DartsEdge> edges = cell.Edges;
        for (int i = edges.Count - 1; i >= 0; i--)
        {
            DartsEdge edge = edges[i];
            reaches[edge.Input] |= reaches[edge.Node] && edge.Operation != DartsOperation.None;
        }
    }

    /// <summary>
    /// Marks the cells whose output the network output depends on: the last cell, and every cell whose output a
    /// marked cell reads as input 0 (the cell before the previous one) or input 1 (the previous one).
    /// </summary>
    internal static void MarkNeededCells(int cellCount, ReadOnlySpan<bool> normalReaches, ReadOnlySpan<bool> reduceReaches, Span<bool> needed)
    {
        needed.Clear();
        needed[cellCount - 1] = true;
        for (int layer = cellCount - 1; layer >= 0; layer--)
        {
            if (!needed[layer])
            {
                continue;
            }

            ReadOnlySpan<bool> reaches = DartsGenotype.IsReductionCell(layer, cellCount) ? reduceReaches : normalReaches;
            if (reaches[0] && layer >= 2)
            {
                needed[layer - 2] = true;
            }

            if (reaches[1] && layer >= 1)
            {
                needed[layer - 1] = true;
            }
        }
    }

    private static int TraceCell(
        NetworkTracer tracer, DartsCell cell, ReadOnlySpan<bool> reaches, int previousPrevious, int previous, int channels, bool reduction, bool previousReduced)
    {
        int inputPositions = tracer[previous].Positions;

        // ReLU-conv1×1-BN, or a factorized reduction. An input that no path carries to the cell output is never
        // preprocessed.
        int s0 = !reaches[0]
            ? tracer.Constant(channels, inputPositions)
            : previousReduced
                ? FactorizedReduction(tracer, previousPrevious, channels)
                : tracer.Convolve(previousPrevious, channels, window: 1, stride: 1, reluBefore: true);
        int s1 = reaches[1]
            ? tracer.Convolve(previous, channels, window: 1, stride: 1, reluBefore: true)
            : tracer.Constant(channels, inputPositions);

        Span<int> nodes = stackalloc int[NodeCount];
        nodes[0] = s0;
        nodes[1] = s1;
        int outputPositions = reduction ? Math.Max(1, inputPositions / 4) : inputPositions;

        // Edges come grouped by node in node order, so each node's sum closes when the next node's edges begin.
        // A node has at most one edge from each earlier node, so the last node, with 1 + IntermediateNodeCount inputs,
        // has the most.
        Span<int> terms = stackalloc int[1 + DartsCell.IntermediateNodeCount];
        int termCount = 0;
        int node = 2;
        IReadOnlyList<DartsEdge> edges = cell.Edges;
        for (int i = 0; i < edges.Count; i++)
        {
            DartsEdge edge = edges[i];
            for (; node < edge.Node; node++)
            {
                nodes[node] = tracer.Sum(terms[..termCount], channels, outputPositions);
                termCount = 0;
            }

            int stride = reduction && edge.Input < 2 ? 2 : 1;
            DartsOperation operation = reaches[edge.Node] ? edge.Operation : DartsOperation.None;
            terms[termCount++] = Apply(tracer, nodes[edge.Input], operation, channels, stride);
        }

        for (; node < nodes.Length; node++)
        {
            nodes[node] = tracer.Sum(terms[..termCount], channels, outputPositions);
            termCount = 0;
        }

        // The concat list names distinct intermediate nodes, so it has at most one entry per intermediate node.
        IReadOnlyList<int> concat = cell.Concat;
        Span<int> parts = stackalloc int[DartsCell.IntermediateNodeCount];
        for (int i = 0; i < concat.Count; i++)
        {
            parts[i] = nodes[concat[i]];
        }

        return tracer.Concatenate(parts[..concat.Count]);
    }

    private static int Apply(NetworkTracer tracer, int source, DartsOperation operation, int channels, int stride)
    {
        switch (operation)
        {
            case DartsOperation.SepConv3x3:
            case DartsOperation.SepConv5x5:
                // ReLU, depthwise k×k, pointwise 1×1, BN, applied twice: two ReLU'd tensors, each read through k×k.
                int taps = operation == DartsOperation.SepConv3x3 ? 9 : 25;
                int middle = tracer.Convolve(source, channels, taps, stride, reluBefore: true);
                return tracer.Convolve(middle, channels, taps, stride: 1, reluBefore: true);
            case DartsOperation.DilConv3x3:
            case DartsOperation.DilConv5x5:
                // With dilation 2 at stride 2 every tap lands on an even row and column, so each output position
                // reads one input position's worth of new dimensions, not four.
                return tracer.Convolve(source, channels, operation == DartsOperation.DilConv3x3 ? 9 : 25, stride, reluBefore: true, positionsRead: 1);
            case DartsOperation.MaxPool3x3:
                return tracer.MaxPool(source, window: 9, stride);
            case DartsOperation.AvgPool3x3:
                return tracer.AveragePool(source, window: 9, stride);
            case DartsOperation.SkipConnect:
                // At stride 2 the identity becomes a factorized reduction.
                return stride == 1 ? source : FactorizedReduction(tracer, source, channels);
            default:
                return tracer.Constant(channels, Math.Max(1, tracer[source].Positions / (stride * stride)));
        }
    }

    // ReLU and two 1×1 stride-2 convolutions, one on the grid offset by a row and a column: each output position reads
    // 2 of its 4 input positions, and the other two reach no output.
    private static int FactorizedReduction(NetworkTracer tracer, int source, int channels) =>
        tracer.Convolve(source, channels, window: 2, stride: 2, reluBefore: true, positionsRead: 2);
}

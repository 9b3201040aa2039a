using System;
using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Scoring;

/// <summary>
/// Traces the DARTS network: a 3×3 stem to 3C channels, cells with the given channel counts and reductions at
/// cells/3 and 2·cells/3, global average pooling and a linear classifier without a ReLU in front.
/// Each cell preprocesses its two inputs (the outputs of the two previous cells) with ReLU-conv1×1-BN, or with
/// a factorized reduction when the cell before the previous one was at twice the resolution.
/// </summary>
internal static class DartsTracing
{
    public static void Trace(NetworkTracer tracer, DartsGenotype genotype, IReadOnlyList<int> widths, int stemChannels, int imageSide)
    {
        int image = tracer.Input(3, imageSide * imageSide);
        int stem = tracer.Convolve(image, stemChannels, window: 9, stride: 1, reluBefore: false);

        int previousPrevious = stem;
        int previous = stem;
        bool previousReduced = false;
        for (int layer = 0; layer < widths.Count; layer++)
        {
            bool reduction = DartsGenotype.IsReductionCell(layer, widths.Count);
            DartsCell cell = reduction ? genotype.Reduce : genotype.Normal;
            int output = TraceCell(tracer, cell, previousPrevious, previous, widths[layer], reduction, previousReduced);
            previousPrevious = previous;
            previous = output;
            previousReduced = reduction;
        }
    }

    private static int TraceCell(
        NetworkTracer tracer, DartsCell cell, int previousPrevious, int previous, int channels, bool reduction, bool previousReduced)
    {
        // ReLU-conv1×1-BN, or a factorized reduction: ReLU and two 1×1 stride-2 convolutions on offset grids.
        int s0 = previousReduced
            ? tracer.Convolve(previousPrevious, channels, window: 2, stride: 2, reluBefore: true)
            : tracer.Convolve(previousPrevious, channels, window: 1, stride: 1, reluBefore: true);
        int s1 = tracer.Convolve(previous, channels, window: 1, stride: 1, reluBefore: true);

        Span<int> nodes = stackalloc int[2 + DartsCell.IntermediateNodeCount];
        nodes[0] = s0;
        nodes[1] = s1;
        int inputPositions = tracer[s1].Positions;
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
            terms[termCount++] = Apply(tracer, nodes[edge.Input], edge.Operation, channels, stride);
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
                return tracer.Convolve(source, channels, window: 9, stride, reluBefore: true);
            case DartsOperation.DilConv5x5:
                return tracer.Convolve(source, channels, window: 25, stride, reluBefore: true);
            case DartsOperation.MaxPool3x3:
                return tracer.MaxPool(source, window: 9, stride);
            case DartsOperation.AvgPool3x3:
                return tracer.AveragePool(source, window: 9, stride);
            case DartsOperation.SkipConnect:
                // At stride 2 the identity becomes a factorized reduction.
                return stride == 1 ? source : tracer.Convolve(source, channels, window: 2, stride: 2, reluBefore: true);
            default:
                return tracer.Constant(channels, Math.Max(1, tracer[source].Positions / (stride * stride)));
        }
    }
}

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
    public static void Trace(RegionLedger ledger, DartsGenotype genotype, IReadOnlyList<int> widths, int stemChannels, int imageSide)
    {
        var tracer = new NetworkTracer(ledger);
        TensorValue image = tracer.Input(3, imageSide * imageSide);
        TensorValue stem = tracer.Convolve(image, stemChannels, window: 9, stride: 1, reluBefore: false);

        TensorValue previousPrevious = stem;
        TensorValue previous = stem;
        bool previousReduced = false;
        for (int layer = 0; layer < widths.Count; layer++)
        {
            bool reduction = DartsGenotype.IsReductionCell(layer, widths.Count);
            DartsCell cell = reduction ? genotype.Reduce : genotype.Normal;
            TensorValue output = TraceCell(tracer, cell, previousPrevious, previous, widths[layer], reduction, previousReduced);
            previousPrevious = previous;
            previous = output;
            previousReduced = reduction;
        }
    }

    private static TensorValue TraceCell(
        NetworkTracer tracer, DartsCell cell, TensorValue previousPrevious, TensorValue previous, int channels, bool reduction, bool previousReduced)
    {
        // ReLU-conv1×1-BN, or a factorized reduction: ReLU and two 1×1 stride-2 convolutions on offset grids.
        TensorValue s0 = previousReduced
            ? tracer.Convolve(previousPrevious, channels, window: 2, stride: 2, reluBefore: true)
            : tracer.Convolve(previousPrevious, channels, window: 1, stride: 1, reluBefore: true);
        TensorValue s1 = tracer.Convolve(previous, channels, window: 1, stride: 1, reluBefore: true);

        var nodes = new TensorValue[2 + DartsCell.IntermediateNodeCount];
        nodes[0] = s0;
        nodes[1] = s1;
        int outputPositions = reduction ? Math.Max(1, s1.Positions / 4) : s1.Positions;

        // Edges come grouped by node in node order, so each node's sum closes when the next node's edges begin.
        var terms = new List<TensorValue>(5);
        int node = 2;
        foreach (DartsEdge edge in cell.Edges)
        {
            for (; node < edge.Node; node++)
            {
                nodes[node] = tracer.Sum(terms, channels, outputPositions);
                terms.Clear();
            }

            int stride = reduction && edge.Input < 2 ? 2 : 1;
            terms.Add(Apply(tracer, nodes[edge.Input], edge.Operation, channels, stride));
        }

        for (; node < nodes.Length; node++)
        {
            nodes[node] = tracer.Sum(terms, channels, outputPositions);
            terms.Clear();
        }

        var parts = new TensorValue[cell.Concat.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = nodes[cell.Concat[i]];
        }

        return tracer.Concatenate(parts);
    }

    private static TensorValue Apply(NetworkTracer tracer, TensorValue source, DartsOperation operation, int channels, int stride)
    {
        switch (operation)
        {
            case DartsOperation.SepConv3x3:
            case DartsOperation.SepConv5x5:
                // ReLU, depthwise k×k, pointwise 1×1, BN, applied twice: two ReLU'd tensors, each read through k×k.
                int taps = operation == DartsOperation.SepConv3x3 ? 9 : 25;
                TensorValue middle = tracer.Convolve(source, channels, taps, stride, reluBefore: true);
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
                return TensorValue.Constant(channels, Math.Max(1, source.Positions / (stride * stride)));
        }
    }
}

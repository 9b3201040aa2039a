using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Scoring;

/// <summary>The DARTS operations, as the region count distinguishes them.</summary>
internal enum DartsOp
{
    Zero,
    MaxPool3x3,
    AveragePool3x3,
    Identity,
    SeparableConv3x3,
    SeparableConv5x5,
    DilatedConv3x3,
    DilatedConv5x5,
}

/// <summary>One DARTS cell: for each intermediate node 2.., the (operation, input node) pairs it sums, and the
/// nodes concatenated into the cell output.</summary>
internal sealed record DartsCellSpec(IReadOnlyList<IReadOnlyList<(DartsOp Operation, int Input)>> Nodes, IReadOnlyList<int> Concat);

/// <summary>
/// Traces the DARTS network: a 3×3 stem to 3C channels, <c>cells</c> cells with reductions at cells/3 and
/// 2·cells/3 (channels double there), global average pooling and a linear classifier without a ReLU in front.
/// Each cell preprocesses its two inputs (the outputs of the two previous cells) with ReLU-conv1×1-BN, or with
/// a factorized reduction when the cell before the previous one was at twice the resolution.
/// </summary>
internal static class DartsTracing
{
    public static NetworkTracer Trace(DartsCellSpec normal, DartsCellSpec reduce, int cells, int initialChannels, int imageSide)
    {
        var tracer = new NetworkTracer(3L * imageSide * imageSide);
        TensorValue image = tracer.Input(3, imageSide * imageSide);
        TensorValue stem = tracer.Convolve(image, 3 * initialChannels, window: 9, stride: 1, reluBefore: false);

        TensorValue previousPrevious = stem;
        TensorValue previous = stem;
        bool previousReduced = false;
        int channels = initialChannels;
        for (int layer = 0; layer < cells; layer++)
        {
            bool reduction = layer == cells / 3 || layer == 2 * cells / 3;
            if (reduction)
            {
                channels *= 2;
            }

            TensorValue output = TraceCell(tracer, reduction ? reduce : normal, previousPrevious, previous, channels, reduction, previousReduced);
            previousPrevious = previous;
            previous = output;
            previousReduced = reduction;
        }

        return tracer;
    }

    private static TensorValue TraceCell(
        NetworkTracer tracer, DartsCellSpec cell, TensorValue previousPrevious, TensorValue previous, int channels, bool reduction, bool previousReduced)
    {
        // ReLU-conv1×1-BN, or a factorized reduction: ReLU and two 1×1 stride-2 convolutions on offset grids.
        TensorValue s0 = previousReduced
            ? tracer.Convolve(previousPrevious, channels, window: 2, stride: 2, reluBefore: true)
            : tracer.Convolve(previousPrevious, channels, window: 1, stride: 1, reluBefore: true);
        TensorValue s1 = tracer.Convolve(previous, channels, window: 1, stride: 1, reluBefore: true);

        var nodes = new List<TensorValue> { s0, s1 };
        int outputPositions = reduction ? Math.Max(1, s1.Positions / 4) : s1.Positions;
        foreach (IReadOnlyList<(DartsOp Operation, int Input)> edges in cell.Nodes)
        {
            var terms = new List<TensorValue>();
            foreach ((DartsOp operation, int input) in edges)
            {
                int stride = reduction && input < 2 ? 2 : 1;
                terms.Add(Apply(tracer, nodes[input], operation, channels, stride));
            }

            nodes.Add(tracer.Sum(terms, channels, outputPositions));
        }

        return tracer.Concatenate(cell.Concat.Select(index => nodes[index]).ToArray());
    }

    private static TensorValue Apply(NetworkTracer tracer, TensorValue source, DartsOp operation, int channels, int stride)
    {
        switch (operation)
        {
            case DartsOp.SeparableConv3x3:
            case DartsOp.SeparableConv5x5:
                // ReLU, depthwise k×k, pointwise 1×1, BN, applied twice: two ReLU'd tensors, each read through k×k.
                int taps = operation == DartsOp.SeparableConv3x3 ? 9 : 25;
                TensorValue middle = tracer.Convolve(source, channels, taps, stride, reluBefore: true);
                return tracer.Convolve(middle, channels, taps, stride: 1, reluBefore: true);
            case DartsOp.DilatedConv3x3:
                return tracer.Convolve(source, channels, window: 9, stride, reluBefore: true);
            case DartsOp.DilatedConv5x5:
                return tracer.Convolve(source, channels, window: 25, stride, reluBefore: true);
            case DartsOp.MaxPool3x3:
                return tracer.MaxPool(source, window: 9, stride);
            case DartsOp.AveragePool3x3:
                return tracer.AveragePool(source, window: 9, stride);
            case DartsOp.Identity:
                // At stride 2 the identity becomes a factorized reduction.
                return stride == 1 ? source : tracer.Convolve(source, channels, window: 2, stride: 2, reluBefore: true);
            default:
                return TensorValue.Constant(channels, Math.Max(1, source.Positions / (stride * stride)));
        }
    }
}

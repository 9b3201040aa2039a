using System;
using System.Collections.Generic;
using System.Linq;
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

        var nodes = new List<TensorValue> { s0, s1 };
        int outputPositions = reduction ? Math.Max(1, s1.Positions / 4) : s1.Positions;
        for (int node = 2; node < 2 + DartsCell.IntermediateNodeCount; node++)
        {
            var terms = new List<TensorValue>();
            foreach (DartsEdge edge in cell.InputsOf(node))
            {
                int stride = reduction && edge.Input < 2 ? 2 : 1;
                terms.Add(Apply(tracer, nodes[edge.Input], edge.Operation, channels, stride));
            }

            nodes.Add(tracer.Sum(terms, channels, outputPositions));
        }

        return tracer.Concatenate(cell.Concat.Select(index => nodes[index]).ToArray());
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

using System;
using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>
/// Counts DARTS networks as quark0/darts model.py (NetworkCIFAR) and operations.py build them: a 3×3 stem
/// convolution to 3C channels with BN, the cells, global average pooling and a linear classifier. The auxiliary
/// head is left out, as DARTS' count_parameters_in_MB leaves it out: it only adds a training loss.
/// </summary>
internal static class DartsCosts
{
    // NOTE: neither NAS-Bench-301 nor DARTS trained on ImageNet16-120; for it Canopy counts the same network on
    // 16×16 inputs with 120 classes, which no published figure checks.
    public static NetworkCost Count(DartsGenotype genotype, Dataset dataset, DartsNetwork network)
    {
        (int[] widths, int stemChannels) = NetworkWidths(genotype, network);
        var counter = new LayerCounter();

        int side = counter.Conv2d(3, stemChannels, kernel: 3, DatasetFacts.ImageSide(dataset), padding: 1);
        counter.BatchNorm(stemChannels);

        var previousPrevious = (Channels: stemChannels, Side: side);
        var previous = (Channels: stemChannels, Side: side);
        bool previousReduced = false;

        for (int i = 0; i < widths.Length; i++)
        {
            bool reduction = DartsGenotype.IsReductionCell(i, widths.Length);
            DartsCell cell = reduction ? genotype.Reduce : genotype.Normal;

            int outputSide = Cell(counter, cell, widths[i], reduction, previousPrevious, previous, previousReduced);
            previousPrevious = previous;
            previous = (cell.Concat.Count * widths[i], outputSide);
            previousReduced = reduction;
        }

        counter.Linear(previous.Channels, DatasetFacts.ClassCount(dataset));
        return counter.ToCost();
    }

    /// <summary>
    /// Returns the channel count C of every cell and the stem width. Benchmark networks start at C = 32
    /// (NAS-Bench-301, 8 cells) or C = 36 (evaluation, 20 cells) and double C at each reduction cell.
    /// </summary>
    private static (int[] Widths, int StemChannels) NetworkWidths(DartsGenotype genotype, DartsNetwork network)
    {
        if (genotype.Widths is { } custom)
        {
            var copy = new int[custom.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = custom[i];
            }

            return (copy, 3 * copy[0]);
        }

        (int cells, int channels) = network switch
        {
            DartsNetwork.NasBench301 => (8, 32),
            DartsNetwork.Evaluation => (20, 36),
            _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown DARTS network."),
        };

        var widths = new int[cells];
        int current = channels;
        for (int i = 0; i < cells; i++)
        {
            if (DartsGenotype.IsReductionCell(i, cells))
            {
                current *= 2;
            }

            widths[i] = current;
        }

        return (widths, 3 * channels);
    }

    // The two inputs are preprocessed to C channels by ReLU-conv1×1-BN, or by FactorizedReduce when the previous
    // cell halved the resolution. In a reduction cell the edges from the two inputs have stride 2.
    private static int Cell(
        LayerCounter counter, DartsCell cell, int channels, bool reduction, (int Channels, int Side) previousPrevious, (int Channels, int Side) previous, bool previousReduced)
    {
        var sides = new int[2 + DartsCell.IntermediateNodeCount];
        sides[0] = previousReduced
            ? FactorizedReduce(counter, previousPrevious.Channels, channels, previousPrevious.Side)
            : counter.ReluConvBatchNorm(previousPrevious.Channels, channels, kernel: 1, previousPrevious.Side);
        sides[1] = counter.ReluConvBatchNorm(previous.Channels, channels, kernel: 1, previous.Side);

        foreach (DartsEdge edge in cell.Edges)
        {
            int stride = reduction && edge.Input < 2 ? 2 : 1;
            sides[edge.Node] = Operation(counter, edge.Operation, channels, sides[edge.Input], stride);
        }

        return sides[cell.Concat[0]];
    }

    private static int Operation(LayerCounter counter, DartsOperation operation, int channels, int side, int stride) => operation switch
    {
        DartsOperation.SepConv3x3 => SeparableConvolution(counter, channels, kernel: 3, side, stride),
        DartsOperation.SepConv5x5 => SeparableConvolution(counter, channels, kernel: 5, side, stride),
        DartsOperation.DilConv3x3 => DilatedConvolution(counter, channels, kernel: 3, side, stride),
        DartsOperation.DilConv5x5 => DilatedConvolution(counter, channels, kernel: 5, side, stride),
        DartsOperation.SkipConnect => stride == 1 ? side : FactorizedReduce(counter, channels, channels, side),
        DartsOperation.MaxPool3x3 or DartsOperation.AvgPool3x3 => (side + 2 - 3) / stride + 1,
        DartsOperation.None => (side - 1) / stride + 1,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown DARTS operation."),
    };

    // SepConv: (ReLU, depthwise k×k, pointwise 1×1, BN) twice; only the first depthwise convolution has the stride.
    private static int SeparableConvolution(LayerCounter counter, int channels, int kernel, int side, int stride)
    {
        int padding = kernel / 2;
        side = counter.Conv2d(channels, channels, kernel, side, stride, padding, groups: channels);
        counter.Conv2d(channels, channels, kernel: 1, side);
        counter.BatchNorm(channels);

        side = counter.Conv2d(channels, channels, kernel, side, padding: padding, groups: channels);
        counter.Conv2d(channels, channels, kernel: 1, side);
        counter.BatchNorm(channels);
        return side;
    }

    // DilConv: ReLU, depthwise k×k with dilation 2 and padding k − 1, pointwise 1×1, BN.
    private static int DilatedConvolution(LayerCounter counter, int channels, int kernel, int side, int stride)
    {
        side = counter.Conv2d(channels, channels, kernel, side, stride, padding: kernel - 1, dilation: 2, groups: channels);
        counter.Conv2d(channels, channels, kernel: 1, side);
        counter.BatchNorm(channels);
        return side;
    }

    // FactorizedReduce: ReLU, two 1×1 stride-2 convolutions to C_out/2 channels each (the second on the input
    // shifted by one pixel), concatenated, then BN.
    private static int FactorizedReduce(LayerCounter counter, int inChannels, int outChannels, int side)
    {
        if (side % 2 != 0)
        {
            throw new InvalidOperationException($"A factorized reduction of a {side}×{side} feature map gives halves of different sizes, which DARTS cannot concatenate.");
        }

        int outputSide = counter.Conv2d(inChannels, outChannels / 2, kernel: 1, side, stride: 2);
        counter.Conv2d(inChannels, outChannels / 2, kernel: 1, side - 1, stride: 2);
        counter.BatchNorm(outChannels);
        return outputSide;
    }
}

using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>
/// Counts the NATS-Bench networks as xautodl builds them: TinyNetwork for the topology space and
/// DynamicShapeTinyNet for the size space. Both are a 3×3 stem convolution with BN, cells (InferCell) and
/// stride-2 residual blocks (ResNetBasicblock), then BN, ReLU, global average pooling and a linear classifier.
/// </summary>
internal static class NatsCosts
{
    private const int TopologyChannels = 16;
    private const int TopologyCellsPerStage = 5;

    /// <summary>
    /// Counts the topology-space network: three stages of five cells at 16, 32 and 64 channels, with a residual
    /// block between stages.
    /// </summary>
    public static NetworkCost Topology(NatsTopologyCell cell, Dataset dataset)
    {
        var counter = new LayerCounter();
        int side = DatasetFacts.ImageSide(dataset);
        int channels = TopologyChannels;

        side = Stem(counter, channels, side);
        for (int stage = 0; stage < 3; stage++)
        {
            if (stage > 0)
            {
                side = ResidualBlock(counter, channels, channels * 2, side);
                channels *= 2;
            }

            for (int i = 0; i < TopologyCellsPerStage; i++)
            {
                Cell(counter, cell.Operations, channels, channels, side);
            }
        }

        Head(counter, channels, dataset);
        return counter.ToCost();
    }

    /// <summary>
    /// Counts the size-space network: layers [cell, residual block, cell, residual block, cell] with the five
    /// widths, one cell per stage, every cell the topology of index 9930. The stem has the first width.
    /// </summary>
    public static NetworkCost Size(NatsSizeArchitecture architecture, Dataset dataset)
    {
        var counter = new LayerCounter();
        int side = DatasetFacts.ImageSide(dataset);
        IReadOnlyList<int> widths = architecture.Widths;

        side = Stem(counter, widths[0], side);
        int previous = widths[0];
        for (int layer = 0; layer < widths.Count; layer++)
        {
            if (layer is 1 or 3)
            {
                side = ResidualBlock(counter, previous, widths[layer], side);
            }
            else
            {
                Cell(counter, NatsSizeArchitecture.Cell.Operations, previous, widths[layer], side);
            }

            previous = widths[layer];
        }

        Head(counter, previous, dataset);
        return counter.ToCost();
    }

    private static int Stem(LayerCounter counter, int channels, int side)
    {
        side = counter.Conv2d(3, channels, kernel: 3, side, padding: 1);
        counter.BatchNorm(channels);
        return side;
    }

    // InferCell: edges out of node 0 map C_in → C_out, the others C_out → C_out. The zero op and the identity
    // have no parameters. When C_in ≠ C_out, skip_connect becomes a stride-1 FactorizedReduce (1×1 conv + BN),
    // and avg_pool_3x3 gets a ReLU-conv1×1-BN preprocess.
    private static void Cell(LayerCounter counter, IReadOnlyList<NatsOperation> operations, int inChannels, int outChannels, int side)
    {
        for (int edge = 0; edge < NatsTopologyCell.EdgeCount; edge++)
        {
            int edgeIn = NatsTopologyCell.Edges[edge].From == 0 ? inChannels : outChannels;
            switch (operations[edge])
            {
                case NatsOperation.NorConv1x1:
                    counter.ReluConvBatchNorm(edgeIn, outChannels, kernel: 1, side);
                    break;
                case NatsOperation.NorConv3x3:
                    counter.ReluConvBatchNorm(edgeIn, outChannels, kernel: 3, side, padding: 1);
                    break;
                case NatsOperation.SkipConnect when edgeIn != outChannels:
                    counter.Conv2d(edgeIn, outChannels, kernel: 1, side);
                    counter.BatchNorm(outChannels);
                    break;
                case NatsOperation.AvgPool3x3 when edgeIn != outChannels:
                    counter.ReluConvBatchNorm(edgeIn, outChannels, kernel: 1, side);
                    break;
            }
        }
    }

    // ResNetBasicblock with stride 2: ReLU-conv3×3(s2)-BN, ReLU-conv3×3-BN, and a shortcut of 2×2 average
    // pooling followed by a 1×1 convolution without BN.
    private static int ResidualBlock(LayerCounter counter, int inChannels, int outChannels, int side)
    {
        int outputSide = counter.ReluConvBatchNorm(inChannels, outChannels, kernel: 3, side, stride: 2, padding: 1);
        counter.ReluConvBatchNorm(outChannels, outChannels, kernel: 3, outputSide, padding: 1);
        counter.Conv2d(inChannels, outChannels, kernel: 1, outputSide);
        return outputSide;
    }

    private static void Head(LayerCounter counter, int channels, Dataset dataset)
    {
        counter.BatchNorm(channels);
        counter.Linear(channels, DatasetFacts.ClassCount(dataset));
    }
}

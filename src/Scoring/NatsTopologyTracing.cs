using System;
using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Scoring;

/// <summary>
/// Traces the network that NATS-Bench trains for a topology cell. It has a 3×3 stem to 16 channels, three stages of
/// five cells with 16, 32 and 64 channels, and a residual reduction block between stages. Batch norm, ReLU, global
/// average pooling and a linear classifier end it. Cells are DAGs over nodes 0..3 whose edges are listed in the order
/// (0→1), (0→2), (1→2), (0→3), (1→3), (2→3), and a node sums its incoming edges.
/// </summary>
internal static class NatsTopologyTracing
{
    private static IReadOnlyList<(int From, int To)> Edges => NatsTopologyCell.Edges;

    private const int CellsPerStage = 5;

    public static void Trace(NetworkTracer tracer, IReadOnlyList<NatsOperation> operations, int imageSide)
    {
        NatsOperation[] live = LiveOperations(operations);
        int image = tracer.Input(3, imageSide * imageSide);
        int current = tracer.Convolve(image, 16, window: 9, stride: 1, reluBefore: false);

        int channels = 16;
        for (int stage = 0; stage < 3; stage++)
        {
            if (stage > 0)
            {
                current = ResidualReduction(tracer, current, channels * 2);
                channels *= 2;
            }

            for (int cell = 0; cell < CellsPerStage; cell++)
            {
                current = TraceCell(tracer, current, live, channels, channels);
            }
        }

        tracer.ReadByClassifier(current);
    }

    /// <summary>
    /// Traces one cell from <paramref name="inChannels"/> to <paramref name="outChannels"/>; when they differ, as in
    /// the NATS size space, the edges out of node 0 change the channel count.
    /// </summary>
    public static int TraceCell(NetworkTracer tracer, int input, IReadOnlyList<NatsOperation> live, int inChannels, int outChannels)
    {
        int positions = tracer[input].Positions;
        Span<int> nodes = stackalloc int[4];

        // Node 3 has the most inputs: nodes 0, 1 and 2.
        Span<int> terms = stackalloc int[3];
        nodes[0] = input;
        for (int to = 1; to <= 3; to++)
        {
            int termCount = 0;
            for (int e = 0; e < Edges.Count; e++)
            {
                if (Edges[e].To == to && live[e] != NatsOperation.None)
                {
                    bool resize = Edges[e].From == 0 && inChannels != outChannels;
                    terms[termCount++] = Apply(tracer, nodes[Edges[e].From], live[e], outChannels, resize);
                }
            }

            nodes[to] = tracer.Sum(terms[..termCount], outChannels, positions);
        }

        return nodes[3];
    }

    /// <summary>
    /// Replaces every operation whose target does not reach the cell output by the zero operation. An edge from a node
    /// that does not depend on the input stays, because a convolution of it adds batch norm's shift β, and the
    /// tracer follows that constant through identities, poolings and sums.
    /// </summary>
    public static NatsOperation[] LiveOperations(IReadOnlyList<NatsOperation> operations)
    {
        if (operations.Count != Edges.Count)
        {
            throw new ArgumentException($"A cell has {Edges.Count} edges; {operations.Count} operations were given.", nameof(operations));
        }

        var reachesOutput = new bool[4];
        reachesOutput[3] = true;
        for (int e = Edges.Count - 1; e >= 0; e--)
        {
            reachesOutput[Edges[e].From] |= reachesOutput[Edges[e].To] && operations[e] != NatsOperation.None;
        }

        var live = new NatsOperation[Edges.Count];
        for (int e = 0; e < Edges.Count; e++)
        {
            live[e] = reachesOutput[Edges[e].To] ? operations[e] : NatsOperation.None;
        }

        return live;
    }

    // A stride-2 ResNet basic block: ReLU-conv3×3(s2)-BN, ReLU-conv3×3-BN, plus a 2×2 average pool and a 1×1
    // convolution (no ReLU) as the shortcut.
    internal static int ResidualReduction(NetworkTracer tracer, int input, int outChannels)
    {
        int first = tracer.Convolve(input, outChannels, window: 9, stride: 2, reluBefore: true);
        int second = tracer.Convolve(first, outChannels, window: 9, stride: 1, reluBefore: true);
        int pooled = tracer.AveragePool(input, window: 4, stride: 2);
        int shortcut = tracer.Convolve(pooled, outChannels, window: 1, stride: 1, reluBefore: false);
        return tracer.Sum([second, shortcut], outChannels, tracer[second].Positions);
    }

    private static int Apply(NetworkTracer tracer, int source, NatsOperation operation, int outChannels, bool resize)
    {
        switch (operation)
        {
            case NatsOperation.NorConv1x1:
                return tracer.Convolve(source, outChannels, window: 1, stride: 1, reluBefore: true);
            case NatsOperation.NorConv3x3:
                return tracer.Convolve(source, outChannels, window: 9, stride: 1, reluBefore: true);
            case NatsOperation.AvgPool3x3:
                // A channel change puts ReLU-conv1×1-BN in front of the pooling.
                int pooledInput = resize ? tracer.Convolve(source, outChannels, window: 1, stride: 1, reluBefore: true) : source;
                return tracer.AveragePool(pooledInput, window: 9, stride: 1);
            case NatsOperation.SkipConnect:
                // A channel change turns the identity into a factorized reduction at stride 1: conv1×1-BN, without
                // the ReLU that it applies only at stride 2.
                return resize ? tracer.Convolve(source, outChannels, window: 1, stride: 1, reluBefore: false) : source;
            default:
                return tracer.Constant(outChannels, tracer[source].Positions);
        }
    }
}

using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Scoring;

/// <summary>
/// Traces the network of the NATS-Bench size space. It uses the topology cell of NAS-Bench-201 index 9930, one cell
/// per stage, laid out as [cell, reduction block, cell, reduction block, cell] with the five chosen channel counts.
/// The first count also sets the stem.
/// </summary>
internal static class NatsSizeTracing
{
    public static void Trace(NetworkTracer tracer, IReadOnlyList<int> channels, int imageSide)
    {
        int image = tracer.Input(3, imageSide * imageSide);
        int current = tracer.Convolve(image, channels[0], window: 9, stride: 1, reluBefore: false);

        current = NatsTopologyTracing.TraceCell(tracer, current, NatsSizeArchitecture.Cell.Operations, channels[0], channels[0]);
        current = NatsTopologyTracing.ResidualReduction(tracer, current, channels[1]);
        current = NatsTopologyTracing.TraceCell(tracer, current, NatsSizeArchitecture.Cell.Operations, channels[1], channels[2]);
        current = NatsTopologyTracing.ResidualReduction(tracer, current, channels[3]);
        current = NatsTopologyTracing.TraceCell(tracer, current, NatsSizeArchitecture.Cell.Operations, channels[3], channels[4]);

        tracer.ReadByClassifier(current);
    }
}

using System;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>
/// Exact parameter and FLOP counts of the network a benchmark trains for an architecture, following the
/// NAS-Bench-201 convention: parameters include the affine BN parameters, and FLOPs are the multiply-accumulates
/// of convolutions and linear layers only.
/// </summary>
public static class CostModel
{
    /// <summary>
    /// Counts the network of <paramref name="architecture"/> on <paramref name="dataset"/> (10, 100 or 120 classes;
    /// 32×32 or 16×16 input). DARTS genotypes without their own cell widths are counted in
    /// <paramref name="dartsNetwork"/>. MLPs are counted over their hidden layers only, whatever the dataset,
    /// because their input dimension is part of the architecture and the output layer depends on the task.
    /// </summary>
    /// <exception cref="OverflowException">A count exceeds Int64, which only an MLP of absurd widths can reach.</exception>
    public static NetworkCost Count(Architecture architecture, Dataset dataset, DartsNetwork dartsNetwork = DartsNetwork.NasBench301)
    {
        ArgumentNullException.ThrowIfNull(architecture);

        return architecture switch
        {
            NatsTopologyCell cell => NatsCosts.Topology(cell, dataset),
            NatsSizeArchitecture size => NatsCosts.Size(size, dataset),
            DartsGenotype genotype => DartsCosts.Count(genotype, dataset, dartsNetwork),
            MlpArchitecture mlp => new NetworkCost(
                mlp.Network.ParameterCount ?? throw new OverflowException($"The parameter count of {mlp.Canonical} exceeds Int64."),
                mlp.Network.Flops ?? throw new OverflowException($"The FLOP count of {mlp.Canonical} exceeds Int64."),
                BatchNormParameters: 0),
            _ => throw new ArgumentException($"No cost model for architectures of type {architecture.GetType().Name}.", nameof(architecture)),
        };
    }
}

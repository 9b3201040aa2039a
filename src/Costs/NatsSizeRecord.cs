using System.Linq;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>A NATS-Bench size architecture with its five channel counts and NATS-Bench index.</summary>
public sealed class NatsSizeRecord : ArchitectureRecord
{
    internal NatsSizeRecord(NatsSizeArchitecture architecture, Dataset dataset, NetworkCost? cost)
        : base(architecture, dataset, NetworkDescription.Of(architecture), cost)
    {
        Channels = architecture.Widths.ToArray();
        BenchmarkIndex = architecture.Index;
    }

    /// <summary>The channel counts of [cell, residual block, cell, residual block, cell].</summary>
    public int[] Channels { get; }

    /// <summary>The NATS-Bench size-space index.</summary>
    public int BenchmarkIndex { get; }
}

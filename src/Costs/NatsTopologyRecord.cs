using System.Linq;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>A NATS-Bench topology cell with its six edge operations.</summary>
public sealed class NatsTopologyRecord : ArchitectureRecord
{
    internal NatsTopologyRecord(NatsTopologyCell cell, Dataset dataset, NetworkCost? cost)
        : base(cell, dataset, NetworkDescription.Of(cell), cost)
    {
        Operations = cell.Operations.Select(NatsOperationNames.Name).ToArray();
    }

    /// <summary>The operations on edges (0→1), (0→2), (1→2), (0→3), (1→3), (2→3).</summary>
    public string[] Operations { get; }
}

using System.Linq;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>A fully connected network with the properties Get-TropicalScore binds by name.</summary>
public sealed class MlpRecord : ArchitectureRecord
{
    internal MlpRecord(MlpArchitecture mlp, Dataset dataset, NetworkCost? cost)
        : base(mlp, dataset, NetworkDescription.Of(mlp), cost)
    {
        InputDimension = mlp.InputDimension;
        LayerWidths = mlp.Widths.ToArray();
    }

    public long InputDimension { get; }

    /// <summary>The hidden-layer widths n1..nL.</summary>
    public long[] LayerWidths { get; }
}

using System.Linq;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// The architecture of a search space with the fewest parameters and the fewest FLOPs, both at once, for telling
/// an impossible limit apart before a search spends its budget.
/// </summary>
internal static class SmallestArchitecture
{
    public static Architecture Of(SearchSpace space, MlpSampler mlpSampler) => space switch
    {
        // Every edge none: none, skip_connect and avg_pool_3x3 cost nothing, and every convolution costs something.
        SearchSpace.NatsTopology => NatsTopologyCell.FromIndex(0),

        // Costs grow with every width, so 8:8:8:8:8 is the smallest.
        SearchSpace.NatsSize => NatsSizeArchitecture.FromIndex(0),

        // Pooling costs nothing. Every other operation the space allows costs something, except skip_connect at
        // stride 1, which costs nothing either, so no genotype is smaller than one of max pooling alone.
        SearchSpace.Darts => DartsGenotype.Create(AllMaxPool(), AllMaxPool()),

        // Costs grow with every width and with every added layer.
        _ => MlpArchitecture.Create(mlpSampler.InputDimension, Enumerable.Repeat((long)mlpSampler.MinWidth, mlpSampler.MinDepth)),
    };

    private static DartsCell AllMaxPool() =>
        DartsCell.FromPairs(Enumerable.Range(0, DartsCell.GenotypeEdgeCount).Select(edge => (DartsOperation.MaxPool3x3, edge % 2)));
}

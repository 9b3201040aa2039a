using Canopy.Architectures;
using Canopy.Regions;

namespace Canopy.Scoring;

/// <summary>What to count and for which benchmark network.</summary>
/// <param name="Mode">The region mode; Generic is the Canopy score.</param>
/// <param name="Dataset">Sets the input resolution and the classifier of the benchmark network.</param>
/// <param name="DartsNetwork">The network DARTS genotypes without their own widths are evaluated in.</param>
public sealed record ScoringOptions(
    RegionMode Mode = RegionMode.Generic,
    Dataset Dataset = Dataset.Cifar10,
    DartsNetwork DartsNetwork = DartsNetwork.NasBench301);

using System.Numerics;
using Canopy.Architectures;
using Canopy.Regions;

namespace Canopy.Scoring;

/// <summary>The score of one architecture, with the analytic size baselines it is compared against.</summary>
public sealed class ArchitectureScore
{
    /// <summary>The architecture in canonical form.</summary>
    public required string Architecture { get; init; }

    /// <summary>The search space the architecture belongs to, for example "NatsTopology" or "Mlp".</summary>
    public required string SearchSpace { get; init; }

    /// <summary>The name of the <see cref="RegionMode"/> that <see cref="TropicalScore"/> counts in, for example "Generic".</summary>
    public required string Mode { get; init; }

    /// <summary>
    /// The dataset whose benchmark network was scored, for example "ImageNet16-120"; null for fully connected
    /// networks, whose size no dataset changes.
    /// </summary>
    public string? Dataset { get; init; }

    /// <summary>
    /// The name of the <see cref="Architectures.DartsNetwork"/> that a DARTS genotype without cell widths of its own was
    /// scored in, for example "NasBench301"; null for other architectures.
    /// </summary>
    public string? DartsNetwork { get; init; }

    /// <summary>The base-10 logarithm of the region count.</summary>
    public required double TropicalScore { get; init; }

    /// <summary>
    /// The region count of a fully connected network as an integer, or null when it has more than
    /// <see cref="RegionBounds.ExactDigitLimit"/> digits. Always null for cell-based networks, whose local count is a
    /// product over positions rather than a number of regions of the input space.
    /// </summary>
    public BigInteger? RegionCount { get; init; }

    /// <summary>The number of trainable parameters of the network the benchmark trains; null when above Int64.</summary>
    public long? ParameterCount { get; init; }

    /// <summary>Multiply-accumulate operations of convolutions and linear layers for one input; null when above Int64.</summary>
    public long? Flops { get; init; }

    /// <summary>The formula that produced the count, with its source.</summary>
    public string Formula { get; init; } = string.Empty;

    /// <summary>True when the count is the proven maximum rather than a bound.</summary>
    public bool IsExactMaximum { get; init; }

    /// <summary>Returns the architecture in canonical form, so that a score passed where text is expected reads as its architecture.</summary>
    public override string ToString() => Architecture;
}

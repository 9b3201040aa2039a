using Canopy.Architectures;
using Canopy.Regions;

namespace Canopy.Search;

/// <summary>The best architecture one seed's search found, with its scores and the cost of finding it.</summary>
public sealed class SearchSummary
{
    public required ulong Seed { get; init; }

    /// <summary>The name of the <see cref="Architectures.SearchSpace"/> searched, for example "NatsTopology".</summary>
    public required string SearchSpace { get; init; }

    /// <summary>The name of the <see cref="SearchStrategy"/>, for example "RegularizedEvolution".</summary>
    public required string Strategy { get; init; }

    /// <summary>The name of the <see cref="SearchObjective"/> that the search maximises, for example "TropicalScore".</summary>
    public required string Objective { get; init; }

    /// <summary>The name of the <see cref="RegionMode"/> that <see cref="TropicalScore"/> counts in, for example "Generic".</summary>
    public required string Mode { get; init; }

    /// <summary>The name of the <see cref="Search.TieBreaker"/> that decides between candidates of equal objective value, for example "None".</summary>
    public required string TieBreaker { get; init; }

    /// <summary>
    /// The dataset whose network every candidate was scored and costed on, as NATS-Bench names it; null in an MLP search.
    /// </summary>
    public required string? Dataset { get; init; }

    /// <summary>
    /// The name of the <see cref="Architectures.DartsNetwork"/> that DARTS candidates are scored and costed in, for
    /// example "NasBench301"; null in the other search spaces.
    /// </summary>
    public string? DartsNetwork { get; init; }

    /// <summary>The best accepted architecture in canonical form.</summary>
    public required string Architecture { get; init; }

    /// <summary>The architecture's value of <see cref="Objective"/>.</summary>
    public required double Score { get; init; }

    public required double TropicalScore { get; init; }

    public long? ParameterCount { get; init; }

    public long? Flops { get; init; }

    /// <summary>The evaluation at which the architecture was first found.</summary>
    public required int Step { get; init; }

    /// <summary>The number of evaluations the run made, rejected candidates included.</summary>
    public required int Evaluations { get; init; }

    /// <summary>The number of evaluations whose candidate was over a limit or could not be scored.</summary>
    public required int Rejected { get; init; }

    /// <summary>The benchmark's stored value for the architecture in the target column, or null (see <see cref="SearchStep.BestTarget"/>).</summary>
    public double? Target { get; init; }

    /// <summary>The benchmark column that <see cref="Target"/> is read from, or null without a benchmark.</summary>
    public string? TargetColumn { get; init; }

    /// <summary>Returns the seed and the architecture found.</summary>
    public override string ToString() => $"Seed {Seed}: {Architecture}";
}

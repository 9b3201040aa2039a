using Canopy.Architectures;
using Canopy.Regions;

namespace Canopy.Search;

/// <summary>
/// One evaluation of a search run and the best architecture found up to and including it: the trajectory record
/// that Invoke-CanopySearch writes and Export-CanopyPlot -Kind Trajectory draws.
/// </summary>
public sealed class SearchStep
{
    public required ulong Seed { get; init; }

    /// <summary>The 1-based number of this evaluation within its run.</summary>
    public required int Step { get; init; }

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
    /// The dataset whose network every candidate is scored and costed on, as NATS-Bench names it; null in an MLP search.
    /// </summary>
    public required string? Dataset { get; init; }

    /// <summary>
    /// The name of the <see cref="Architectures.DartsNetwork"/> that DARTS candidates are scored and costed in, for
    /// example "NasBench301"; null in the other search spaces.
    /// </summary>
    public string? DartsNetwork { get; init; }

    /// <summary>The evaluated candidate in canonical form.</summary>
    public required string Architecture { get; init; }

    /// <summary>The candidate's value of <see cref="Objective"/>, or null when scoring failed.</summary>
    public double? Score { get; init; }

    /// <summary>The base-10 logarithm of the candidate's region count, or null when scoring failed.</summary>
    public double? TropicalScore { get; init; }

    /// <summary>The candidate's parameter count, or null when scoring failed or the count is above Int64.</summary>
    public long? ParameterCount { get; init; }

    /// <summary>The candidate's FLOP count, or null when scoring failed or the count is above Int64.</summary>
    public long? Flops { get; init; }

    /// <summary>
    /// The name of the candidate's <see cref="EvaluationStatus"/>: "Accepted", or the reason for the rejection, such as
    /// "FlopLimitExceeded".
    /// </summary>
    public required string Status { get; init; }

    /// <summary>Why the scorer could not count the candidate's regions, when <see cref="Status"/> is ScoringFailed.</summary>
    public string? ScoringError { get; init; }

    /// <summary>
    /// True when the candidate met every limit, so it joined the population and could become the best. It is derived
    /// from <see cref="Status"/>, so it has no setter of its own.
    /// </summary>
    public bool Accepted => StatusValue == EvaluationStatus.Accepted;

    /// <summary>
    /// Why the candidate was rejected, in the words of the default table: params, flops or failed; null when accepted.
    /// It is derived from <see cref="Status"/>, so it has no setter of its own.
    /// </summary>
    public string? Rejection => StatusValue switch
    {
        EvaluationStatus.ParameterLimitExceeded => "params",
        EvaluationStatus.FlopLimitExceeded => "flops",
        EvaluationStatus.ScoringFailed => "failed",
        _ => null,
    };

    /// <summary>True when this candidate became the new best architecture.</summary>
    public required bool Improved { get; init; }

    /// <summary>The best accepted architecture so far, or null while none has been accepted.</summary>
    public string? BestArchitecture { get; init; }

    /// <summary>The <see cref="Objective"/> value of <see cref="BestArchitecture"/>.</summary>
    public double? BestScore { get; init; }

    /// <summary>
    /// The benchmark's stored value for <see cref="BestArchitecture"/> in the target column, or null without a
    /// benchmark, while there is no best architecture, or when the benchmark has no numeric value for it.
    /// </summary>
    public double? BestTarget { get; init; }

    /// <summary>The benchmark column that <see cref="BestTarget"/> is read from, or null without a benchmark.</summary>
    public string? TargetColumn { get; init; }

    // A status that names no member, as a step built from a hashtable may have, counts as neither accepted nor rejected.
    private EvaluationStatus? StatusValue => EnumProperties.TryParse(Status, out EvaluationStatus status) ? status : null;

    /// <summary>Returns the seed, the step and the candidate, which is what a test failure or a log line needs.</summary>
    public override string ToString() => $"Seed {Seed}, step {Step}: {Architecture}";
}

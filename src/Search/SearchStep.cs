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

    public required SearchSpace SearchSpace { get; init; }

    public required SearchStrategy Strategy { get; init; }

    public required SearchObjective Objective { get; init; }

    /// <summary>The region mode that <see cref="TropicalScore"/> counts in.</summary>
    public required RegionMode Mode { get; init; }

    public required TieBreaker TieBreaker { get; init; }

    /// <summary>The dataset whose network every candidate is scored and costed on, as NATS-Bench names it.</summary>
    public required string Dataset { get; init; }

    /// <summary>The network DARTS candidates are scored and costed in; null in the other search spaces.</summary>
    public DartsNetwork? DartsNetwork { get; init; }

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

    /// <summary>Whether the candidate was accepted, and if not, why.</summary>
    public required EvaluationStatus Status { get; init; }

    /// <summary>Why the scorer could not count the candidate's regions, when <see cref="Status"/> is ScoringFailed.</summary>
    public string? ScoringError { get; init; }

    /// <summary>True when the candidate met every limit, so it joined the population and could become the best.</summary>
    public bool Accepted => Status == EvaluationStatus.Accepted;

    /// <summary>Why the candidate was rejected, in the words of the default table: params, flops or failed; null when accepted.</summary>
    public string? Rejection => Status switch
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
    public double? BestTarget { get; internal set; }

    /// <summary>The benchmark column that <see cref="BestTarget"/> is read from, or null without a benchmark.</summary>
    public string? TargetColumn { get; init; }

    /// <summary>Returns the seed, the step and the candidate, which is what a test failure or a log line needs.</summary>
    public override string ToString() => $"Seed {Seed}, step {Step}: {Architecture}";
}

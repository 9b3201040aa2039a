using Canopy.Architectures;
using Canopy.Scoring;

namespace Canopy.Search;

/// <summary>One scored candidate of a search run.</summary>
/// <param name="Step">The 1-based number of the evaluation within its run.</param>
/// <param name="Architecture">The candidate.</param>
/// <param name="Score">The score and costs, or null when scoring failed.</param>
/// <param name="Status">Whether the candidate was accepted, and if not, why.</param>
/// <param name="Fitness">The objective and tie-break values; meaningful only for accepted candidates.</param>
/// <param name="Error">Why scoring failed, or null.</param>
internal sealed record Evaluation(int Step, Architecture Architecture, ArchitectureScore? Score, EvaluationStatus Status, Fitness Fitness, string? Error)
{
    public bool Accepted => Status == EvaluationStatus.Accepted;

    /// <summary>
    /// Returns whether this evaluation beats <paramref name="other"/>: a higher fitness, or an equal fitness and an
    /// earlier step, so that of equal candidates the first one evaluated wins.
    /// </summary>
    public bool Beats(Evaluation other)
    {
        int comparison = Fitness.CompareTo(other.Fitness);
        return comparison > 0 || (comparison == 0 && Step < other.Step);
    }
}

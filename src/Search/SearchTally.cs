using System;
using System.Collections.Generic;
using System.Globalization;

namespace Canopy.Search;

/// <summary>
/// Counts over the seeds of a search what deserves a warning once at the end: candidates that could not be scored,
/// and best architectures for which the benchmark has no value.
/// </summary>
public sealed class SearchTally
{
    private readonly List<ulong> _seedsWithMissingTargets = new();

    /// <summary>The number of candidates whose regions could not be counted.</summary>
    public int ScoringFailures { get; private set; }

    /// <summary>The first such candidate and the reason, or null.</summary>
    public string? FirstScoringFailure { get; private set; }

    /// <summary>The number of distinct best-so-far architectures looked up, summed over seeds.</summary>
    public int TargetsLookedUp { get; private set; }

    /// <summary>How many of them the benchmark does not contain.</summary>
    public int TargetsAbsent { get; private set; }

    /// <summary>How many of them it contains without a finite number in the target column.</summary>
    public int TargetsWithoutNumber { get; private set; }

    /// <summary>How many of them it contains in several rows with different target values, of which the first is reported.</summary>
    public int TargetsWithDifferingRows { get; private set; }

    /// <summary>The seeds with at least one best architecture that got no target value, in the order added.</summary>
    public IReadOnlyList<ulong> SeedsWithMissingTargets => _seedsWithMissingTargets;

    public void Add(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ScoringFailures += result.CountOf(EvaluationStatus.ScoringFailed);
        FirstScoringFailure ??= result.FirstScoringFailure;

        if (result.Targets is { } targets)
        {
            TargetsLookedUp += targets.Architectures;
            TargetsAbsent += targets.Absent;
            TargetsWithoutNumber += targets.WithoutNumber;
            TargetsWithDifferingRows += targets.ValuesDiffer;
            if (targets.Absent + targets.WithoutNumber > 0)
            {
                _seedsWithMissingTargets.Add(result.Seed);
            }
        }
    }

    /// <summary>Describes why a run's candidates were rejected, for example "1,000 over the parameter limit".</summary>
    public static string DescribeRejections(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = new List<string>();
        AddCount(parts, result, EvaluationStatus.ParameterLimitExceeded, "over the parameter limit");
        AddCount(parts, result, EvaluationStatus.FlopLimitExceeded, "over the FLOP limit");
        AddCount(parts, result, EvaluationStatus.ScoringFailed, "not scored");
        return parts.Count == 0 ? "no candidate was rejected" : string.Join(", ", parts);
    }

    private static void AddCount(List<string> parts, SearchResult result, EvaluationStatus status, string text)
    {
        int count = result.CountOf(status);
        if (count > 0)
        {
            parts.Add(count.ToString("N0", CultureInfo.InvariantCulture) + " " + text);
        }
    }
}

using System;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// The outcome of one seed's search: the best architecture it found and counts of its evaluations. It keeps no
/// trajectory, because the steps go to the run's progress sink as they are made.
/// </summary>
public sealed class SearchResult
{
    private readonly int[] _statusCounts;
    private readonly Evaluation? _best;

    internal SearchResult(ulong seed, SearchOptions options, int evaluations, int[] statusCounts, string? firstScoringFailure, Evaluation? best, SearchStep? bestStep)
    {
        Seed = seed;
        Options = options;
        Evaluations = evaluations;
        _statusCounts = (int[])statusCounts.Clone();
        FirstScoringFailure = firstScoringFailure;
        _best = best;
        BestStep = bestStep;
    }

    public ulong Seed { get; }

    public SearchOptions Options { get; }

    /// <summary>The number of evaluations the run made, rejected candidates included.</summary>
    public int Evaluations { get; }

    /// <summary>The number of evaluations whose candidate was over a limit or could not be scored.</summary>
    public int Rejected => Evaluations - CountOf(EvaluationStatus.Accepted);

    /// <summary>The first candidate that could not be scored, with the reason, or null.</summary>
    public string? FirstScoringFailure { get; }

    /// <summary>The step that first found the best architecture, or null when no candidate was accepted.</summary>
    public SearchStep? BestStep { get; }

    /// <summary>How the benchmark lookup of the best architectures went, or null when the search had no benchmark.</summary>
    public TargetLookupResult? Targets { get; internal init; }

    /// <summary>Returns the number of evaluations that ended with <paramref name="status"/>.</summary>
    public int CountOf(EvaluationStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "No such evaluation status.");
        }

        return _statusCounts[(int)status];
    }

    /// <summary>Returns the summary of the run, or null when no candidate was accepted.</summary>
    public SearchSummary? ToSummary()
    {
        if (_best?.Score is not { } score)
        {
            return null;
        }

        return new SearchSummary
        {
            Seed = Seed,
            SearchSpace = Options.SearchSpace.ToString(),
            Strategy = Options.Strategy.ToString(),
            Objective = Options.Objective.ToString(),
            Mode = Options.Scoring.Mode.ToString(),
            TieBreaker = Options.TieBreaker.ToString(),
            Dataset = SearchRun.DatasetNameOf(Options),
            DartsNetwork = SearchRun.DartsNetworkOf(Options)?.ToString(),
            Architecture = score.Architecture,
            Score = _best.Fitness.Objective,
            TropicalScore = score.TropicalScore,
            ParameterCount = score.ParameterCount,
            Flops = score.Flops,
            Step = _best.Step,
            Evaluations = Evaluations,
            Rejected = Rejected,

            // The best architecture has not changed since the step that found it, so neither has its target.
            Target = BestStep?.BestTarget,
            TargetColumn = BestStep?.TargetColumn,
        };
    }
}

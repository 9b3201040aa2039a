using System;
using System.Globalization;
using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;

namespace Canopy.Search;

/// <summary>Scores candidates, checks them against the parameter and FLOP limits, and computes their fitness.</summary>
internal sealed class CandidateEvaluator
{
    private readonly SearchOptions _options;

    public CandidateEvaluator(SearchOptions options)
    {
        _options = options;
    }

    /// <summary>Evaluates one candidate as evaluation number <paramref name="step"/> of its run.</summary>
    /// <exception cref="NotSupportedException">The region mode is not defined for the search space.</exception>
    public Evaluation Evaluate(int step, Architecture architecture)
    {
        ArchitectureScore score;
        try
        {
            score = TropicalScorer.Score(architecture, _options.Scoring);
        }
        catch (Exception exception) when (exception is RegionCountTooLargeException or OverflowException)
        {
            return new Evaluation(step, architecture, null, EvaluationStatus.ScoringFailed, default, exception.Message);
        }

        EvaluationStatus status = CheckLimits(score);
        if (status != EvaluationStatus.Accepted)
        {
            return new Evaluation(step, architecture, score, status, default, null);
        }

        double? objective = Value(score, _options.Objective);
        double? tieBreak = _options.TieBreaker switch
        {
            TieBreaker.ParameterCount => score.ParameterCount,
            TieBreaker.Flops => score.Flops,
            _ => 0,
        };

        // A count above Int64 or an infinite score cannot be ranked, so such a candidate never becomes the best.
        if (objective is not { } objectiveValue || !double.IsFinite(objectiveValue))
        {
            return new Evaluation(step, architecture, score, EvaluationStatus.ScoringFailed, default, $"Its {_options.Objective} is {Describe(objective)}, so it cannot be ranked.");
        }

        if (tieBreak is not { } tieBreakValue)
        {
            return new Evaluation(step, architecture, score, EvaluationStatus.ScoringFailed, default, $"Its {_options.TieBreaker}, the tie-breaker, is above Int64, so it cannot be ranked.");
        }

        return new Evaluation(step, architecture, score, EvaluationStatus.Accepted, new Fitness(objectiveValue, tieBreakValue), null);
    }

    /// <summary>Returns the value of <paramref name="objective"/> in a score, or null when it is unknown.</summary>
    public static double? Value(ArchitectureScore score, SearchObjective objective) => objective switch
    {
        SearchObjective.ParameterCount => score.ParameterCount,
        SearchObjective.Flops => score.Flops,
        _ => score.TropicalScore,
    };

    private static string Describe(double? value) => value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "above Int64";

    // A count above Int64 is reported as null, and it is over any limit.
    private EvaluationStatus CheckLimits(ArchitectureScore score)
    {
        if (_options.MaxParameters is { } maxParameters && (score.ParameterCount is not { } parameters || parameters > maxParameters))
        {
            return EvaluationStatus.ParameterLimitExceeded;
        }

        if (_options.MaxFlops is { } maxFlops && (score.Flops is not { } flops || flops > maxFlops))
        {
            return EvaluationStatus.FlopLimitExceeded;
        }

        return EvaluationStatus.Accepted;
    }
}

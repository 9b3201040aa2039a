using System;
using System.Threading;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// One seed's search in progress: evaluates candidates against the budget, keeps the best accepted one (the
/// incumbent stays unless a candidate is strictly fitter), and reports one trajectory step per evaluation.
/// </summary>
/// <remarks>
/// A run keeps counts, the best evaluation and its step, never the trajectory, so its memory does not grow with the
/// budget. A caller that needs the steps collects them from the progress sink.
/// </remarks>
internal sealed class SearchRun
{
    private readonly CandidateEvaluator _evaluator;
    private readonly BestTargetLookup? _targets;
    private readonly string? _targetColumn;
    private readonly string? _datasetName;

    // Every step carries the run's settings by name; naming them once keeps string work out of each evaluation.
    private readonly (string SearchSpace, string Strategy, string Objective, string Mode, string TieBreaker, string? DartsNetwork) _names;
    private static readonly string[] StatusNames = Enum.GetNames<EvaluationStatus>();
    private readonly IProgress<SearchStep>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly int[] _statusCounts = new int[Enum.GetValues<EvaluationStatus>().Length];
    private int _evaluations;
    private Evaluation? _best;
    private SearchStep? _bestStep;
    private double? _bestTarget;
    private string? _firstScoringFailure;

    public SearchRun(SearchOptions options, ulong seed, BenchmarkTargets? targets, IProgress<SearchStep>? progress, CancellationToken cancellationToken)
    {
        Options = options;
        Seed = seed;
        _evaluator = new CandidateEvaluator(options);
        _targets = targets is null ? null : new BestTargetLookup(targets);
        _targetColumn = targets?.Column;
        _datasetName = DatasetNameOf(options);
        _names = (options.SearchSpace.ToString(), options.Strategy.ToString(), options.Objective.ToString(), options.Scoring.Mode.ToString(), options.TieBreaker.ToString(), DartsNetworkOf(options)?.ToString());
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    public SearchOptions Options { get; }

    /// <summary>
    /// Returns the name of the dataset whose network candidates are counted on, or null for MLPs, whose input dimension
    /// is part of the architecture, as Get-TropicalScore's score objects have it.
    /// </summary>
    internal static string? DatasetNameOf(SearchOptions options) =>
        options.SearchSpace == SearchSpace.Mlp ? null : DatasetFacts.Name(options.Scoring.Dataset);

    /// <summary>Returns the network a search's DARTS candidates are counted in, or null for the other search spaces.</summary>
    internal static DartsNetwork? DartsNetworkOf(SearchOptions options) =>
        options.SearchSpace == SearchSpace.Darts ? options.Scoring.DartsNetwork : null;

    public ulong Seed { get; }

    public bool HasBudget => _evaluations < Options.Budget;

    /// <summary>Evaluates one candidate, counts it and reports its step.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The budget is spent.</exception>
    public Evaluation Evaluate(Architecture architecture)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!HasBudget)
        {
            throw new InvalidOperationException($"The budget of {Options.Budget} evaluations is spent.");
        }

        Evaluation evaluation = _evaluator.Evaluate(_evaluations + 1, architecture);
        Count(evaluation);

        bool improved = evaluation.Accepted && (_best is null || evaluation.Beats(_best));
        if (improved)
        {
            _best = evaluation;

            // Each improvement is a new architecture, because an equal one is never strictly fitter.
            _bestTarget = _targets?.ValueOf(architecture.Canonical);
        }

        SearchStep step = CreateStep(evaluation, improved);
        if (improved)
        {
            _bestStep = step;
        }

        _progress?.Report(step);
        return evaluation;
    }

    public SearchResult Finish() =>
        new(Seed, Options, _evaluations, _statusCounts, _firstScoringFailure, _best, _bestStep) { Targets = _targets?.Result };

    private void Count(Evaluation evaluation)
    {
        _evaluations++;
        _statusCounts[(int)evaluation.Status]++;
        if (evaluation.Status == EvaluationStatus.ScoringFailed)
        {
            // A deep MLP's canonical string can run to tens of thousands of characters, too long for a warning.
            _firstScoringFailure ??= $"{TextExcerpt.Of(evaluation.Architecture.Canonical)}: {evaluation.Error}";
        }
    }

    private SearchStep CreateStep(Evaluation evaluation, bool improved) => new()
    {
        Seed = Seed,
        Step = evaluation.Step,
        SearchSpace = _names.SearchSpace,
        Strategy = _names.Strategy,
        Objective = _names.Objective,
        Mode = _names.Mode,
        TieBreaker = _names.TieBreaker,
        Dataset = _datasetName,
        DartsNetwork = _names.DartsNetwork,
        Architecture = evaluation.Architecture.Canonical,
        Score = evaluation.Score is { } score ? CandidateEvaluator.Value(score, Options.Objective) : null,
        TropicalScore = evaluation.Score?.TropicalScore,
        ParameterCount = evaluation.Score?.ParameterCount,
        Flops = evaluation.Score?.Flops,
        Status = StatusNames[(int)evaluation.Status],
        ScoringError = evaluation.Error,
        Improved = improved,
        BestArchitecture = _best?.Architecture.Canonical,
        BestScore = _best?.Fitness.Objective,
        BestTarget = _bestTarget,
        TargetColumn = _targetColumn,
    };
}

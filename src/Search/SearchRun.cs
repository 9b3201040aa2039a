using System;
using System.Collections.Generic;
using System.Threading;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// One seed's search in progress: evaluates candidates against the budget, keeps the best accepted one (the
/// incumbent stays unless a candidate is strictly fitter), and records one trajectory step per evaluation.
/// </summary>
internal sealed class SearchRun
{
    private readonly CandidateEvaluator _evaluator;
    private readonly IProgress<SearchStep>? _progress;
    private readonly CancellationToken _cancellationToken;
    // TODO: keep only counts and the distinct best architectures when no caller needs every step, so that memory
    // would not grow with the budget; today a run keeps all its steps (see SearchResult.Steps).
    private readonly List<SearchStep> _steps;
    private Evaluation? _best;

    public SearchRun(SearchOptions options, ulong seed, IProgress<SearchStep>? progress, CancellationToken cancellationToken)
    {
        Options = options;
        Seed = seed;
        _evaluator = new CandidateEvaluator(options);
        _progress = progress;
        _cancellationToken = cancellationToken;
        _steps = new List<SearchStep>(Math.Min(options.Budget, 1 << 16));
    }

    public SearchOptions Options { get; }

    public ulong Seed { get; }

    public bool HasBudget => _steps.Count < Options.Budget;

    /// <summary>Evaluates one candidate, records its step and reports it.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The budget is spent.</exception>
    public Evaluation Evaluate(Architecture architecture)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!HasBudget)
        {
            throw new InvalidOperationException($"The budget of {Options.Budget} evaluations is spent.");
        }

        Evaluation evaluation = _evaluator.Evaluate(_steps.Count + 1, architecture);
        bool improved = evaluation.Accepted && (_best is null || evaluation.Beats(_best));
        if (improved)
        {
            _best = evaluation;
        }

        var step = new SearchStep
        {
            Seed = Seed,
            Step = evaluation.Step,
            Strategy = Options.Strategy,
            Objective = Options.Objective,
            Architecture = architecture.Canonical,
            Score = evaluation.Score is { } score ? CandidateEvaluator.Value(score, Options.Objective) : null,
            TropicalScore = evaluation.Score?.TropicalScore,
            ParameterCount = evaluation.Score?.ParameterCount,
            Flops = evaluation.Score?.Flops,
            Status = evaluation.Status,
            ScoringError = evaluation.Error,
            Improved = improved,
            BestArchitecture = _best?.Architecture.Canonical,
            BestScore = _best?.Fitness.Objective,
        };
        _steps.Add(step);
        _progress?.Report(step);
        return evaluation;
    }

    public SearchResult Finish() => new(Seed, Options, _steps, _best);
}

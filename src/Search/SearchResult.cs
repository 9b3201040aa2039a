using System.Collections.Generic;
using System.Linq;

namespace Canopy.Search;

/// <summary>The trajectory of one seed's search and the best architecture it found.</summary>
public sealed class SearchResult
{
    private readonly Evaluation? _best;

    internal SearchResult(ulong seed, SearchOptions options, IReadOnlyList<SearchStep> steps, Evaluation? best)
    {
        Seed = seed;
        Options = options;
        Steps = steps;
        _best = best;
    }

    public ulong Seed { get; }

    public SearchOptions Options { get; }

    /// <summary>One record per evaluation, in order.</summary>
    public IReadOnlyList<SearchStep> Steps { get; }

    public int Evaluations => Steps.Count;

    /// <summary>The number of evaluations whose candidate was over a limit or could not be scored.</summary>
    public int Rejected => Steps.Count(step => !step.Accepted);

    /// <summary>The step that first found the best architecture, or null when no candidate was accepted.</summary>
    public SearchStep? BestStep => _best is null ? null : Steps[_best.Step - 1];

    /// <summary>How the benchmark lookup of the best architectures went, or null when the search had no benchmark.</summary>
    public TargetLookupResult? Targets { get; internal set; }

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
            SearchSpace = Options.SearchSpace,
            Strategy = Options.Strategy,
            Objective = Options.Objective,
            Architecture = score.Architecture,
            Score = _best.Fitness.Objective,
            TropicalScore = score.TropicalScore,
            ParameterCount = score.ParameterCount,
            Flops = score.Flops,
            Step = _best.Step,
            Evaluations = Evaluations,
            Rejected = Rejected,
            Target = Steps[^1].BestTarget,
        };
    }
}

using System;
using Canopy.Architectures;
using Canopy.Scoring;

namespace Canopy.Search;

/// <summary>What one search run explores, how, and under which limits. Every seed of a search uses the same options.</summary>
public sealed record SearchOptions
{
    public const int DefaultBudget = 1000;
    public const int DefaultPopulationSize = 50;
    public const int DefaultSampleSize = 10;

    public required SearchSpace SearchSpace { get; init; }

    public SearchStrategy Strategy { get; init; } = SearchStrategy.RegularizedEvolution;

    /// <summary>The number of evaluations per seed, rejected candidates included.</summary>
    public int Budget { get; init; } = DefaultBudget;

    /// <summary>The number of members P that regularized evolution keeps alive.</summary>
    public int PopulationSize { get; init; } = DefaultPopulationSize;

    /// <summary>The number of members S drawn, with replacement, for each tournament.</summary>
    public int SampleSize { get; init; } = DefaultSampleSize;

    public SearchObjective Objective { get; init; } = SearchObjective.TropicalScore;

    public TieBreaker TieBreaker { get; init; } = TieBreaker.None;

    /// <summary>The region mode, dataset and DARTS network that every candidate is scored and costed with.</summary>
    public ScoringOptions Scoring { get; init; } = new();

    /// <summary>The largest parameter count a candidate may have and still be accepted, or null for no limit.</summary>
    public long? MaxParameters { get; init; }

    /// <summary>The largest FLOP count a candidate may have and still be accepted, or null for no limit.</summary>
    public long? MaxFlops { get; init; }

    /// <summary>The input dimension, depth range and width range of the MLP space, for sampling and mutation.</summary>
    public MlpSampler MlpSampler { get; init; } = new();

    /// <summary>Checks the sizes and limits, independently of the search space.</summary>
    /// <exception cref="ArgumentException">A size or limit is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Budget, 1, nameof(Budget));
        ArgumentOutOfRangeException.ThrowIfLessThan(PopulationSize, 1, nameof(PopulationSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleSize, 1, nameof(SampleSize));
        ArgumentNullException.ThrowIfNull(Scoring, nameof(Scoring));
        ArgumentNullException.ThrowIfNull(MlpSampler, nameof(MlpSampler));

        // Random search draws no tournament, so there the two sizes are ignored, as documented.
        if (Strategy == SearchStrategy.RegularizedEvolution && SampleSize > PopulationSize)
        {
            throw new ArgumentException($"The tournament sample size {SampleSize} exceeds the population size {PopulationSize}. A tournament draws its sample from the population, so the sample size must not exceed the population size.", nameof(SampleSize));
        }

        if (MaxParameters < 1 || MaxFlops < 1)
        {
            throw new ArgumentException("The parameter and FLOP limits must be at least 1.", MaxParameters < 1 ? nameof(MaxParameters) : nameof(MaxFlops));
        }
    }
}

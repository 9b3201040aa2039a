using Canopy.Numerics;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Canopy.Architectures;
using Canopy.Costs;
using Canopy.Regions;
using Canopy.Scoring;
using Canopy.Search;
using Xunit;

namespace Canopy.Tests.Search;

public class SearchTests
{
    public static TheoryData<SearchSpace, SearchStrategy> EverySpaceAndStrategy()
    {
        var data = new TheoryData<SearchSpace, SearchStrategy>();
        foreach (SearchSpace space in Enum.GetValues<SearchSpace>())
        {
            foreach (SearchStrategy strategy in Enum.GetValues<SearchStrategy>())
            {
                data.Add(space, strategy);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySpaceAndStrategy))]
    public void SameSeedGivesSameTrajectory(SearchSpace space, SearchStrategy strategy)
    {
        SearchOptions options = Options(space, strategy, budget: 120);

        string[] first = Describe(Trajectory(options, 4).Steps);
        string[] again = Describe(Trajectory(options, 4).Steps);
        string[] other = Describe(Trajectory(options, 5).Steps);

        Assert.Equal(120, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(SearchSpace.NatsTopology)]
    [InlineData(SearchSpace.Darts)]
    public void EvolutionFollowsAlgorithmOne(SearchSpace space)
    {
        SearchOptions options = Options(space, SearchStrategy.RegularizedEvolution, budget: 300) with { PopulationSize = 20, SampleSize = 5 };

        string[] expected = ReferenceEvolution(options, seed: 8);
        string[] actual = Trajectory(options, 8).Steps.Select(step => step.Architecture).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EvolutionWithLimitFollowsAlgorithmOne()
    {
        SearchOptions options = Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget: 400) with
        {
            PopulationSize = 15,
            SampleSize = 4,
            MaxParameters = 600_000,
        };

        string[] expected = ReferenceEvolution(options, seed: 9);
        (_, List<SearchStep> steps) = Trajectory(options, 9);

        Assert.Equal(expected, steps.Select(step => step.Architecture));
        Assert.Contains(steps, step => !step.Accepted);
    }

    [Fact]
    public void CandidateOverLimitIsNeverAccepted()
    {
        const long limit = 500_000;
        SearchOptions options = Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget: 1000) with { MaxParameters = limit };

        (SearchResult result, List<SearchStep> steps) = Trajectory(options, 3);

        SearchStep[] rejected = steps.Where(step => step.ParameterCount > limit).ToArray();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, step => Assert.Equal(nameof(EvaluationStatus.ParameterLimitExceeded), step.Status));
        Assert.All(rejected, step => Assert.False(step.Accepted));
        Assert.All(rejected, step => Assert.False(step.Improved));
        Assert.All(steps.Where(step => step.Accepted), step => Assert.True(step.ParameterCount <= limit));
        var rejectedArchitectures = rejected.Select(step => step.Architecture).ToHashSet();
        Assert.DoesNotContain(steps, step => step.BestArchitecture is { } best && rejectedArchitectures.Contains(best));
        Assert.True(result.ToSummary()!.ParameterCount <= limit);
        Assert.Equal(rejected.Length, result.Rejected);
        Assert.Equal(rejected.Length, result.CountOf(EvaluationStatus.ParameterLimitExceeded));
        Assert.Equal(1000 - rejected.Length, result.CountOf(EvaluationStatus.Accepted));
    }

    [Fact]
    public void RecordsNameTheirSettings()
    {
        SearchOptions options = Options(SearchSpace.Darts, SearchStrategy.Random, budget: 5) with
        {
            Objective = SearchObjective.Flops,
            TieBreaker = TieBreaker.ParameterCount,
            Scoring = new ScoringOptions(RegionMode.TropicalBound, Dataset.Cifar10, DartsNetwork.Evaluation),
        };

        (SearchResult result, List<SearchStep> steps) = Trajectory(options, 1);
        SearchSummary summary = result.ToSummary()!;

        foreach ((string SearchSpace, string Strategy, string Objective, string Mode, string TieBreaker, string? DartsNetwork) names in
            steps.Select(step => (step.SearchSpace, step.Strategy, step.Objective, step.Mode, step.TieBreaker, step.DartsNetwork))
                .Append((summary.SearchSpace, summary.Strategy, summary.Objective, summary.Mode, summary.TieBreaker, summary.DartsNetwork)))
        {
            Assert.Equal("Darts", names.SearchSpace);
            Assert.Equal("Random", names.Strategy);
            Assert.Equal("Flops", names.Objective);
            Assert.Equal("TropicalBound", names.Mode);
            Assert.Equal("ParameterCount", names.TieBreaker);
            Assert.Equal("Evaluation", names.DartsNetwork);
        }

        Assert.All(steps, step => Assert.Equal(nameof(EvaluationStatus.Accepted), step.Status));
    }

    [Fact]
    public void OtherSpacesHaveNoDartsNetwork()
    {
        (SearchResult result, List<SearchStep> steps) = Trajectory(Options(SearchSpace.NatsTopology, SearchStrategy.Random, budget: 2), 1);

        Assert.All(steps, step => Assert.Null(step.DartsNetwork));
        Assert.Null(result.ToSummary()!.DartsNetwork);
    }

    [Theory]
    [InlineData("Accepted", true, null)]
    [InlineData("accepted", true, null)]
    [InlineData("0", true, null)]
    [InlineData("ParameterLimitExceeded", false, "params")]
    [InlineData("2", false, "flops")]
    [InlineData("ScoringFailed", false, "failed")]
    [InlineData("Unknown", false, null)]
    public void StepDerivesAcceptedFromStatus(string status, bool accepted, string? rejection)
    {
        var step = new SearchStep
        {
            Seed = 1,
            Step = 1,
            SearchSpace = "NatsTopology",
            Strategy = "Random",
            Objective = "TropicalScore",
            Mode = "Generic",
            TieBreaker = "None",
            Dataset = "cifar10",
            Architecture = Canopy.Tests.Storage.KnownArchitectures.Nb201Best,
            Status = status,
            Improved = false,
            BestTarget = 93.1,
        };

        Assert.Equal(accepted, step.Accepted);
        Assert.Equal(rejection, step.Rejection);
        Assert.Equal(93.1, step.BestTarget);
    }

    [Fact]
    public void FlopLimitRejectsLikeParameterLimit()
    {
        const long limit = 60_000_000;
        SearchOptions options = Options(SearchSpace.NatsSize, SearchStrategy.Random, budget: 300) with { MaxFlops = limit };

        (SearchResult result, List<SearchStep> steps) = Trajectory(options, 1);

        Assert.Contains(steps, step => step.Status == nameof(EvaluationStatus.FlopLimitExceeded));
        Assert.All(steps, step => Assert.Equal(step.Flops <= limit, step.Accepted));
        Assert.Equal(steps.Count(step => !step.Accepted), result.CountOf(EvaluationStatus.FlopLimitExceeded));
    }

    [Fact]
    public void RejectedCandidateNeverBecomesBest()
    {
        // The first seed whose first candidate breaks the limit shows the steps before any candidate is accepted.
        const long limit = 60_000_000;
        SearchOptions options = Options(SearchSpace.NatsSize, SearchStrategy.Random, budget: 300) with { MaxFlops = limit };
        List<SearchStep> steps = Enumerable.Range(1, 50)
            .Select(seed => Trajectory(options, (ulong)seed).Item2)
            .First(trajectory => !trajectory[0].Accepted);

        int firstAccepted = steps.FindIndex(step => step.Accepted);

        Assert.True(firstAccepted > 0);
        Assert.All(steps.Take(firstAccepted), step => Assert.Null(step.BestArchitecture));
        Assert.All(steps.Where(step => !step.Accepted), step => Assert.False(step.Improved));
    }

    [Fact]
    public void ImpossibleLimitFailsBeforeSearching()
    {
        // The smallest NAS-Bench-201 network (every edge none) has 73,306 parameters and 7,783,050 FLOPs on CIFAR-10.
        SearchOptions parameters = Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget: 10) with { MaxParameters = 73_305 };
        SearchOptions flops = parameters with { MaxParameters = null, MaxFlops = 7_783_049 };
        SearchOptions feasible = parameters with { MaxParameters = 73_306 };

        SearchOptions both = parameters with { MaxFlops = 7_783_049 };

        var parameterError = Assert.Throws<SearchConstraintException>(() => ArchitectureSearch.Validate(parameters));
        var flopError = Assert.Throws<SearchConstraintException>(() => ArchitectureSearch.Validate(flops));
        var bothError = Assert.Throws<SearchConstraintException>(() => ArchitectureSearch.Validate(both));
        ArchitectureSearch.Validate(feasible);

        Assert.Equal(73_306, parameterError.SmallestParameters);
        Assert.Equal(7_783_050, flopError.SmallestFlops);
        Assert.Contains("73,306 parameters", parameterError.Message);
        Assert.Equal(73_305, parameterError.BrokenParameterLimit);
        Assert.Null(parameterError.BrokenFlopLimit);
        Assert.Null(flopError.BrokenParameterLimit);
        Assert.Equal(7_783_049, flopError.BrokenFlopLimit);
        Assert.Equal(73_305, bothError.BrokenParameterLimit);
        Assert.Equal(7_783_049, bothError.BrokenFlopLimit);
        Assert.Contains("has 73,306 parameters and 7,783,050 FLOPs on cifar10.", bothError.Message);
    }

    [Fact]
    public void NatsSmallestArchitecturesAreSmallest()
    {
        foreach (SearchSpace space in new[] { SearchSpace.NatsTopology, SearchSpace.NatsSize })
        {
            var smallest = CostModel.Count(SmallestArchitecture.Of(space, new MlpSampler()), Dataset.Cifar100);
            var all = ArchitectureSource.Enumerate(space).Select(architecture => CostModel.Count(architecture, Dataset.Cifar100)).ToArray();

            Assert.Equal(all.Min(cost => cost.Parameters), smallest.Parameters);
            Assert.Equal(all.Min(cost => cost.Flops), smallest.Flops);
        }
    }

    [Fact]
    public void DartsAndMlpSmallestArchitecturesAreSmallest()
    {
        var mlp = new MlpSampler(100, 2, 6, 5, 50);
        foreach ((SearchSpace space, IEnumerable<Architecture> samples) in new[] { (SearchSpace.Darts, ArchitectureSource.Sample(SearchSpace.Darts, 1)), (SearchSpace.Mlp, ArchitectureSource.Sample(SearchSpace.Mlp, 1, mlp)) })
        {
            var smallest = CostModel.Count(SmallestArchitecture.Of(space, mlp), Dataset.Cifar10, DartsNetwork.Evaluation);
            var sampled = samples.Take(3000).Select(architecture => CostModel.Count(architecture, Dataset.Cifar10, DartsNetwork.Evaluation)).ToArray();

            Assert.True(sampled.Min(cost => cost.Parameters) >= smallest.Parameters, $"{space}: a sample has fewer parameters than the smallest architecture");
            Assert.True(sampled.Min(cost => cost.Flops) >= smallest.Flops, $"{space}: a sample has fewer FLOPs than the smallest architecture");
        }
    }

    [Fact]
    public void ModeOfFullyConnectedNetworksFailsOnCells()
    {
        SearchOptions options = Options(SearchSpace.NatsTopology, SearchStrategy.Random, budget: 10) with { Scoring = new ScoringOptions(RegionMode.SerraBound) };

        Assert.Throws<NotSupportedException>(() => ArchitectureSearch.Validate(options));
    }

    [Fact]
    public void SampleLargerThanPopulationIsInvalid()
    {
        SearchOptions options = Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget: 10) with { PopulationSize = 5, SampleSize = 6 };

        Assert.Throws<ArgumentException>(() => ArchitectureSearch.Validate(options));
        ArchitectureSearch.Validate(options with { Strategy = SearchStrategy.Random });
    }

    [Fact]
    public void MlpEvolutionWithOneNetworkIsInvalid()
    {
        SearchOptions options = Options(SearchSpace.Mlp, SearchStrategy.RegularizedEvolution, budget: 10) with { MlpSampler = new MlpSampler(10, 2, 2, 8, 8) };

        Assert.Throws<ArgumentException>(() => ArchitectureSearch.Validate(options));
        ArchitectureSearch.Validate(options with { Strategy = SearchStrategy.Random });
    }

    [Theory]
    [InlineData(TieBreaker.None)]
    [InlineData(TieBreaker.ParameterCount)]
    [InlineData(TieBreaker.Flops)]
    public void BestFollowsObjectiveThenTieBreakerThenStep(TieBreaker tieBreaker)
    {
        SearchOptions options = Options(SearchSpace.NatsTopology, SearchStrategy.RegularizedEvolution, budget: 500) with { TieBreaker = tieBreaker };

        (SearchResult result, List<SearchStep> steps) = Trajectory(options, 2);

        // Recomputes the best after every step from the steps alone, with scores rounded far above rounding noise.
        SearchStep? best = null;
        foreach (SearchStep step in steps)
        {
            if (step.Accepted && (best is null || Key(step, tieBreaker).CompareTo(Key(best, tieBreaker)) > 0))
            {
                best = step;
            }

            Assert.Equal(best?.Architecture, step.BestArchitecture);
            Assert.Equal(ReferenceEquals(best, step), step.Improved);
        }

        Assert.NotNull(best);
        Assert.Same(best, result.BestStep);
        Assert.Equal(best.Step, result.ToSummary()!.Step);
    }

    [Fact]
    public void SizeObjectiveMaximisesParameterCount()
    {
        SearchOptions options = Options(SearchSpace.NatsTopology, SearchStrategy.Random, budget: 400) with { Objective = SearchObjective.ParameterCount };

        (SearchResult result, List<SearchStep> steps) = Trajectory(options, 6);

        long maximum = steps.Max(step => step.ParameterCount!.Value);
        Assert.Equal(maximum, steps[^1].BestScore);
        Assert.All(steps, step => Assert.Equal((double)step.ParameterCount!.Value, step.Score));
        Assert.Equal(maximum, result.ToSummary()!.ParameterCount);
    }

    [Fact]
    public void RandomSearchEvaluatesShuffledSpaceOnce()
    {
        SearchOptions options = Options(SearchSpace.NatsTopology, SearchStrategy.Random, budget: 20_000);

        (SearchResult result, List<SearchStep> steps) = Trajectory(options, 12);

        Assert.Equal(NatsTopologyCell.CellCount, result.Evaluations);
        Assert.Equal(ArchitectureSource.Shuffle(SearchSpace.NatsTopology, 12).Select(cell => cell.Canonical), steps.Select(step => step.Architecture));
        double bestScore = steps.Max(step => step.TropicalScore!.Value);
        Assert.Equal(bestScore, result.ToSummary()!.TropicalScore, 9);
    }

    [Fact]
    public void EvolutionStartsFromRandomSearchCandidates()
    {
        SearchOptions evolution = Options(SearchSpace.Darts, SearchStrategy.RegularizedEvolution, budget: 60) with { PopulationSize = 25, SampleSize = 5 };
        SearchOptions random = evolution with { Strategy = SearchStrategy.Random };

        string[] evolved = Trajectory(evolution, 30).Steps.Select(step => step.Architecture).ToArray();
        string[] sampled = Trajectory(random, 30).Steps.Select(step => step.Architecture).ToArray();

        Assert.Equal(sampled.Take(25), evolved.Take(25));
        Assert.Equal(DartsSampler.Samples(30).Take(60).Select(genotype => genotype.Canonical), sampled);
        Assert.NotEqual(sampled.Skip(25), evolved.Skip(25));
    }

    [Fact]
    public void CancelledRunStopsBeforeEvaluating()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        SearchOptions options = Options(SearchSpace.Darts, SearchStrategy.RegularizedEvolution, budget: 100);

        Assert.Throws<OperationCanceledException>(() => ArchitectureSearch.Run(options, 0, null, cancellation.Token));
    }

    [Fact]
    public void ProgressReportsEveryStepInOrder()
    {
        var reported = new List<SearchStep>();
        SearchOptions options = Options(SearchSpace.NatsSize, SearchStrategy.RegularizedEvolution, budget: 50) with { PopulationSize = 10, SampleSize = 3 };

        SearchResult result = ArchitectureSearch.Run(options, 1, new SynchronousProgress(reported.Add));

        Assert.Equal(Enumerable.Range(1, 50), reported.Select(step => step.Step));
        Assert.Equal(50, result.Evaluations);
        Assert.Same(reported.Last(step => step.Improved), result.BestStep);
    }

    [Fact]
    public void UncountableCandidateIsRejected()
    {
        // (2^40 + 1) · 2^30 parameters in the first layer alone exceed Int64.
        var evaluator = new CandidateEvaluator(Options(SearchSpace.Mlp, SearchStrategy.Random, budget: 1) with { Objective = SearchObjective.ParameterCount });
        var limited = new CandidateEvaluator(Options(SearchSpace.Mlp, SearchStrategy.Random, budget: 1) with { MaxParameters = long.MaxValue });
        MlpArchitecture huge = MlpArchitecture.Create(1L << 40, new long[] { 1L << 30 });

        Evaluation unranked = evaluator.Evaluate(1, huge);
        Evaluation overLimit = limited.Evaluate(1, huge);

        Assert.Equal(EvaluationStatus.ScoringFailed, unranked.Status);
        Assert.NotNull(unranked.Error);
        Assert.Equal(EvaluationStatus.ParameterLimitExceeded, overLimit.Status);
    }

    [Fact]
    public void TieBreakerRanksByItsOwnCount()
    {
        // With one input and every width at least 3, the Generic region count is ∏(n_l + 1): 8·5·6 = 240 for
        // mlp:1:7-4-5 and 4·4·15 = 240 for mlp:1:3-3-14. The first has 2·7 + 8·4 + 5·5 = 71 parameters and
        // 7 + 28 + 20 = 55 FLOPs, the second 2·3 + 4·3 + 4·14 = 74 parameters and 3 + 9 + 42 = 54 FLOPs, so the two
        // counts rank the tie oppositely.
        MlpArchitecture fewerParameters = MlpArchitecture.Create(1, new long[] { 7, 4, 5 });
        MlpArchitecture fewerFlops = MlpArchitecture.Create(1, new long[] { 3, 3, 14 });
        SearchOptions options = Options(SearchSpace.Mlp, SearchStrategy.Random, budget: 2);
        var byParameters = new CandidateEvaluator(options with { TieBreaker = TieBreaker.ParameterCount });
        var byFlops = new CandidateEvaluator(options with { TieBreaker = TieBreaker.Flops });

        Evaluation firstByParameters = byParameters.Evaluate(1, fewerParameters);
        Evaluation secondByParameters = byParameters.Evaluate(2, fewerFlops);
        Evaluation firstByFlops = byFlops.Evaluate(1, fewerParameters);
        Evaluation secondByFlops = byFlops.Evaluate(2, fewerFlops);

        Assert.Equal(Math.Log10(240), firstByParameters.Fitness.Objective, 12);
        Assert.Equal(Math.Log10(240), secondByParameters.Fitness.Objective, 12);
        Assert.Equal(71, firstByParameters.Fitness.TieBreak);
        Assert.Equal(74, secondByParameters.Fitness.TieBreak);
        Assert.True(secondByParameters.Beats(firstByParameters));
        Assert.Equal(55, firstByFlops.Fitness.TieBreak);
        Assert.Equal(54, secondByFlops.Fitness.TieBreak);
        Assert.False(secondByFlops.Beats(firstByFlops));
    }

    [Fact]
    public void CandidateAtLimitIsAccepted()
    {
        // mlp:4:6 has (4 + 1)·6 = 30 parameters and 4·6 = 24 FLOPs, and a limit is the largest count still accepted.
        MlpArchitecture mlp = MlpArchitecture.Create(4, new long[] { 6 });
        SearchOptions options = Options(SearchSpace.Mlp, SearchStrategy.Random, budget: 1);

        Evaluation atParameterLimit = new CandidateEvaluator(options with { MaxParameters = 30 }).Evaluate(1, mlp);
        Evaluation overParameterLimit = new CandidateEvaluator(options with { MaxParameters = 29 }).Evaluate(1, mlp);
        Evaluation atFlopLimit = new CandidateEvaluator(options with { MaxFlops = 24 }).Evaluate(1, mlp);
        Evaluation overFlopLimit = new CandidateEvaluator(options with { MaxFlops = 23 }).Evaluate(1, mlp);

        Assert.Equal(EvaluationStatus.Accepted, atParameterLimit.Status);
        Assert.Equal(EvaluationStatus.ParameterLimitExceeded, overParameterLimit.Status);
        Assert.Equal(EvaluationStatus.Accepted, atFlopLimit.Status);
        Assert.Equal(EvaluationStatus.FlopLimitExceeded, overFlopLimit.Status);
    }

    internal static SearchOptions Options(SearchSpace space, SearchStrategy strategy, int budget) => new()
    {
        SearchSpace = space,
        Strategy = strategy,
        Budget = budget,
        PopulationSize = 30,
        SampleSize = 5,
        MlpSampler = new MlpSampler(inputDimension: 64, minDepth: 1, maxDepth: 4, minWidth: 8, maxWidth: 96),
    };

    /// <summary>Runs one seed and collects the steps it reports, because a result keeps no trajectory.</summary>
    internal static (SearchResult Result, List<SearchStep> Steps) Trajectory(SearchOptions options, ulong seed)
    {
        var steps = new List<SearchStep>();
        SearchResult result = ArchitectureSearch.Run(options, seed, new SynchronousProgress(steps.Add));
        return (result, steps);
    }

    // Every field of every step, so that two trajectories compare equal only when they are identical.
    private static string[] Describe(List<SearchStep> steps) => steps
        .Select(step => string.Join("|", step.Seed, step.Step, step.Strategy, step.Architecture, step.Score?.ToString("R"), step.ParameterCount, step.Flops, step.Status, step.Improved, step.BestArchitecture, step.BestScore?.ToString("R")))
        .ToArray();

    private static (double Score, double TieBreak, int Earlier) Key(SearchStep step, TieBreaker tieBreaker) =>
        (Math.Round(step.Score!.Value, 6), tieBreaker switch
        {
            TieBreaker.ParameterCount => step.ParameterCount!.Value,
            TieBreaker.Flops => step.Flops!.Value,
            _ => 0,
        }, -step.Step);

    /// <summary>
    /// Algorithm 1 of Real et al. (2019) written out plainly: a list as the population, the oldest at position 0,
    /// tournaments with replacement, the fittest (then earliest) parent, one mutation, and the oldest removed. Scores
    /// are rounded to 6 decimals, far above the rounding noise of equal region counts.
    /// </summary>
    private static string[] ReferenceEvolution(SearchOptions options, ulong seed)
    {
        var random = Xoshiro256StarStar.ForStream(seed, ArchitectureSearch.EvolutionStream);
        IEnumerable<Architecture> stream = options.SearchSpace == SearchSpace.Darts
            ? DartsSampler.Samples(seed)
            : ArchitectureSource.Shuffle(options.SearchSpace, seed);
        using IEnumerator<Architecture> fresh = stream.GetEnumerator();
        var population = new List<(Architecture Architecture, double Score, int Step)>();
        var history = new List<string>();

        bool Evaluate(Architecture architecture, out double score)
        {
            ArchitectureScore scored = TropicalScorer.Score(architecture, options.Scoring);
            history.Add(architecture.Canonical);
            score = Math.Round(scored.TropicalScore, 6);
            return options.MaxParameters is not { } limit || scored.ParameterCount <= limit;
        }

        while (population.Count < options.PopulationSize && history.Count < options.Budget)
        {
            fresh.MoveNext();
            if (Evaluate(fresh.Current, out double score))
            {
                population.Add((fresh.Current, score, history.Count));
            }
        }

        while (history.Count < options.Budget)
        {
            var sample = new List<(Architecture Architecture, double Score, int Step)>();
            for (int i = 0; i < options.SampleSize; i++)
            {
                sample.Add(population[random.NextInt32(population.Count)]);
            }

            var parent = sample.OrderByDescending(member => member.Score).ThenBy(member => member.Step).First();
            Architecture child = ArchitectureMutator.Mutate(parent.Architecture, random, options.MlpSampler);
            if (Evaluate(child, out double childScore))
            {
                population.Add((child, childScore, history.Count));
                population.RemoveAt(0);
            }
        }

        return history.ToArray();
    }

    internal sealed class SynchronousProgress : IProgress<SearchStep>
    {
        private readonly Action<SearchStep> _report;

        public SynchronousProgress(Action<SearchStep> report)
        {
            _report = report;
        }

        public void Report(SearchStep value) => _report(value);
    }
}

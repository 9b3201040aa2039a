using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Commands.Infrastructure.Records;
using Canopy.Regions;
using Canopy.Scoring;
using Canopy.Search;
using Canopy.Storage;

namespace Canopy.Commands;

/// <summary>
/// Searches a space for high-scoring architectures without training: regularized evolution or random search, one
/// reproducible run per seed, guided by the tropical score or by an analytic size. Writes one trajectory record per
/// evaluation, or one summary per seed, optionally with the stored benchmark value of the best architecture.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CanopySearch", DefaultParameterSetName = PlainSet)]
[OutputType(typeof(SearchStep), typeof(SearchSummary))]
public sealed class InvokeCanopySearchCommand : PSCmdlet, IDisposable
{
    private const string PlainSet = "Plain";
    private const string BenchmarkSet = "Benchmark";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private static readonly MlpSampler DefaultMlp = new();

    // Type names of the views that add the BestTarget or Target column, for records of a search with a benchmark.
    private const string StepWithTargetView = "Canopy.Search.SearchStep#Target";
    private const string SummaryWithTargetView = "Canopy.Search.SearchSummary#Target";

    private readonly CancellationTokenSource _cancellation = new();
    private readonly Stopwatch _sinceProgress = new();
    private ParallelSearch? _search;
    private bool _progressShown;
    private bool _withTargets;

    // The cache that the benchmark lookups read, or null without -Benchmark.
    private string? _databasePath;

    /// <summary>The space to search.</summary>
    [Parameter(Mandatory = true, Position = 0,
        HelpMessage = "Type the search space to search: NatsTopology, NatsSize, Darts or Mlp.")]
    public SearchSpace SearchSpace { get; set; }

    /// <summary>Regularized evolution, or random search as the baseline.</summary>
    [Parameter]
    public SearchStrategy Strategy { get; set; } = SearchStrategy.RegularizedEvolution;

    /// <summary>The number of evaluations per seed, rejected candidates included.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, int.MaxValue)]
    public int Budget { get; set; } = SearchOptions.DefaultBudget;

    /// <summary>The number of architectures regularized evolution keeps alive.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, int.MaxValue)]
    public int PopulationSize { get; set; } = SearchOptions.DefaultPopulationSize;

    /// <summary>The number of population members drawn for each tournament.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, int.MaxValue)]
    public int SampleSize { get; set; } = SearchOptions.DefaultSampleSize;

    /// <summary>One independent run per seed. The same seed gives the same trajectory on any machine.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateNotNullOrEmpty]
    [ValidateRange(0, long.MaxValue)]
    public long[] Seed { get; set; } = { 0 };

    /// <summary>The region mode of the tropical score.</summary>
    [Parameter]
    public RegionMode Mode { get; set; } = RegionMode.Generic;

    /// <summary>The value the search maximises.</summary>
    [Parameter]
    public SearchObjective Objective { get; set; } = SearchObjective.TropicalScore;

    /// <summary>What decides between equal objective values before the earlier evaluation does.</summary>
    [Parameter]
    public TieBreaker TieBreaker { get; set; } = TieBreaker.None;

    /// <summary>The largest parameter count a candidate may have to be accepted.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, long.MaxValue)]
    public long MaxParameters { get; set; }

    /// <summary>The largest FLOP count a candidate may have to be accepted.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, long.MaxValue)]
    public long MaxFlops { get; set; }

    /// <summary>The dataset whose resolution and classifier the benchmark network uses.</summary>
    [Parameter]
    [DatasetNameTransformation]
    [ArgumentCompleter(typeof(DatasetNameCompleter))]
    [ValidateDatasetName]
    public string Dataset { get; set; } = DatasetNames.Cifar10;

    /// <summary>The network DARTS genotypes are scored and costed in.</summary>
    [Parameter]
    public DartsNetwork DartsNetwork { get; set; } = DartsNetwork.NasBench301;

    /// <summary>The input dimension of the MLP space.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, FullyConnectedNetwork.MaxSize)]
    public long InputDimension { get; set; } = DefaultMlp.InputDimension;

    /// <summary>The smallest and largest number of hidden layers in the MLP space.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateCount(2, 2)]
    [ValidateRange(1, 100_000)]
    public int[] DepthRange { get; set; } = { DefaultMlp.MinDepth, DefaultMlp.MaxDepth };

    /// <summary>The smallest and largest hidden width in the MLP space.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateCount(2, 2)]
    [ValidateRange(1, int.MaxValue - 1)]
    public int[] WidthRange { get; set; } = { DefaultMlp.MinWidth, DefaultMlp.MaxWidth };

    /// <summary>The stored benchmark that supplies the BestTarget and Target values.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BenchmarkSet,
        HelpMessage = "Type the name of a stored benchmark that holds the accuracies to report, such as nats_bench, as Get-CanopyBenchmark lists it.")]
    [ArgumentCompleter(typeof(BenchmarkNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Benchmark { get; set; } = string.Empty;

    /// <summary>The benchmark column to report, for example a test accuracy.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BenchmarkSet,
        HelpMessage = "Type the numeric column of the benchmark to report for the best architectures, such as CIFAR10TestAccuracy200Epochs.")]
    [ArgumentCompleter(typeof(BenchmarkColumnCompleter))]
    [ValidateNotNullOrEmpty]
    public string Target { get; set; } = string.Empty;

    /// <summary>The cache file; by default $env:CANOPY_DATABASE, else benchmarks.db in the per-user data folder.</summary>
    [Parameter(ParameterSetName = BenchmarkSet)]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>Writes one summary per seed instead of one record per evaluation.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    public void Dispose()
    {
        // A downstream Select-Object -First ends the pipeline without StopProcessing, so the runs are stopped here.
        _cancellation.Cancel();
        if (_search is not null)
        {
            ((IAsyncResult)_search.Completion).AsyncWaitHandle.WaitOne();
        }

        _cancellation.Dispose();
    }

    protected override void ProcessRecord()
    {
        SearchOptions options = CreateOptions();
        BenchmarkTargets? targets = ParameterSetName == BenchmarkSet ? OpenTargets() : null;
        ulong[] seeds = DistinctSeeds();
        _withTargets = targets is not null;
        _search = Start(options, seeds, targets);
        WriteVerbose(SearchMessages.Settings(options, SearchSpace, Dataset, seeds.Length, targets, TargetProperty));

        // Get-TropicalScore warns alike about a -Dataset that changes no MLP, so a loop over spaces may pass it to all.
        if (SearchSpace == SearchSpace.Mlp && IsBound(nameof(Dataset)))
        {
            WriteWarning($"-Dataset {Dataset} sets the benchmark network of cell-based architectures, so it does not change an Mlp search, whose networks take -InputDimension.");
        }

        // Reading another dataset's accuracy is allowed, so a mismatch warns before the search starts and does not stop
        // it. -Dataset does not change MLP networks, so an MLP search has no dataset to mismatch.
        if (targets is not null && SearchSpace != SearchSpace.Mlp && SearchMessages.DatasetMismatch(targets, Dataset, TargetProperty) is { } mismatch)
        {
            WriteWarning(mismatch);
        }

        var tally = new SearchTally();
        _sinceProgress.Start();
        for (int i = 0; i < _search.Seeds.Count; i++)
        {
            WriteSeed(i, tally);
        }

        if (_progressShown)
        {
            WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        foreach (string warning in SearchMessages.Warnings(tally, targets, TargetProperty))
        {
            WriteWarning(warning);
        }
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    private string Activity => $"Invoke-CanopySearch -SearchSpace {SearchSpace} -Strategy {Strategy}";

    private SearchOptions CreateOptions()
    {
        CheckParameters();
        return new SearchOptions
        {
            SearchSpace = SearchSpace,
            Strategy = Strategy,
            Budget = Budget,
            PopulationSize = PopulationSize,
            SampleSize = SampleSize,
            Objective = Objective,
            TieBreaker = TieBreaker,
            Scoring = new ScoringOptions(Mode, DatasetNames.Parse(Dataset), DartsNetwork),
            MaxParameters = IsBound(nameof(MaxParameters)) ? MaxParameters : null,
            MaxFlops = IsBound(nameof(MaxFlops)) ? MaxFlops : null,
            MlpSampler = new MlpSampler(InputDimension, DepthRange[0], DepthRange[1], WidthRange[0], WidthRange[1]),
        };
    }

    private void CheckParameters()
    {
        if ((SearchSpaceParameters.Check(SearchSpace, MyInvocation.BoundParameters, DepthRange, WidthRange) ??
            RegionModeArguments.Check(Mode, SearchSpace)) is { } error)
        {
            ThrowTerminatingError(error);
        }
    }

    // Fails before any search starts, so a wrong name costs no search time.
    private BenchmarkTargets OpenTargets()
    {
        var store = new BenchmarkStore(CachePaths.Resolve(this, Database));
        _databasePath = store.DatabasePath;
        BenchmarkTargets? targets = SearchTargetLookup.Open(store, Benchmark, Target, SearchSpace, out ErrorRecord? error);
        if (error is not null)
        {
            ThrowTerminatingError(error);
        }

        return targets!;
    }

    private ParallelSearch Start(SearchOptions options, ulong[] seeds, BenchmarkTargets? targets)
    {
        try
        {
            // A summary needs only the best architecture, so the seeds hand over nothing but the improvements.
            PublishedSteps published = Summary ? PublishedSteps.Improvements : PublishedSteps.All;
            return ParallelSearch.Start(options, seeds, targets, published, _cancellation.Token);
        }
        catch (NotSupportedException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "ModeNotSupported", ErrorCategory.InvalidArgument, Mode));
        }
        catch (SearchConstraintException exception)
        {
            // A count beyond Int64 exceeds every limit that can be given, so only a smaller network helps.
            bool beyondAnyLimit = (exception.BrokenParameterLimit is not null && exception.SmallestParameters is null) ||
                (exception.BrokenFlopLimit is not null && exception.SmallestFlops is null);
            string advice = (exception.BrokenParameterLimit, exception.BrokenFlopLimit) switch
            {
                _ when beyondAnyLimit => "No limit admits a count above Int64. Choose a smaller -InputDimension, -WidthRange or -DepthRange.",
                ({ }, { }) => "Raise -MaxParameters and -MaxFlops to at least those counts.",
                ({ }, null) => "Raise -MaxParameters to at least that count.",
                _ => "Raise -MaxFlops to at least that count.",
            };
            ThrowTerminatingError(ErrorRecords.Create(
                new ArgumentException($"{exception.Message} {advice}", exception),
                "ConstraintInfeasible",
                ErrorCategory.InvalidArgument,
                exception.BrokenParameterLimit ?? exception.BrokenFlopLimit));
        }
        catch (ArgumentException exception)
        {
            // The target is the value the user typed: the sample size, or the MLP ranges that leave one network.
            object target = exception.ParamName switch
            {
                nameof(SearchOptions.SampleSize) => SampleSize,
                nameof(SearchOptions.MlpSampler) => new Hashtable { [nameof(DepthRange)] = DepthRange, [nameof(WidthRange)] = WidthRange },
                _ => options,
            };
            ThrowTerminatingError(ErrorRecords.Create(
                new ArgumentException(ExceptionText.Plain(exception), exception), "SearchOptionsInvalid", ErrorCategory.InvalidArgument, target));
        }

        throw new InvalidOperationException("Unreachable, because ThrowTerminatingError always throws.");
    }

    // Writes one seed's steps as they arrive (or its summary at the end), showing progress while waiting.
    private void WriteSeed(int index, SearchTally tally)
    {
        SeedSearch seed = _search!.Seeds[index];
        while (!seed.IsFinished)
        {
            bool received;
            SearchStep? step;
            try
            {
                received = seed.TryTake(out step, ProgressInterval, _cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            if (received)
            {
                WriteStep(step!);
            }

            WriteImprovements();
            ShowProgress(index);
        }

        SearchResult result;
        try
        {
            result = seed.Result.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception exception) when (_databasePath is not null && CacheErrors.FromException(exception, _databasePath) is { } error)
        {
            // The benchmark lookups read the cache, and a damaged file fails them all.
            ThrowTerminatingError(error);
            return;
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "SearchFailed", ErrorCategory.InvalidOperation, seed.Seed));
            return;
        }

        tally.Add(result);
        WriteImprovements();
        FinishSeed(result);
    }

    // Reports the new bests of every seed as they are found, also of seeds whose steps are still held back.
    private void WriteImprovements()
    {
        while (_search!.TryTakeImprovement(out SearchStep? step))
        {
            WriteVerbose($"Seed {step.Seed}, step {step.Step}: new best {step.BestArchitecture} with {step.Objective} {SearchMessages.Score(step.BestScore, Objective)}.");
        }
    }

    private void WriteStep(SearchStep step)
    {
        if (!Summary)
        {
            WriteObject(_withTargets ? OutputViews.WithView(step, StepWithTargetView) : step);
        }
    }

    private void FinishSeed(SearchResult result)
    {
        SearchSummary? summary = result.ToSummary();
        if (summary is null)
        {
            WriteError(ErrorRecords.Create(
                $"Seed {result.Seed}: none of the {result.Evaluations:N0} candidates was accepted ({SearchTally.DescribeRejections(result)}). Raise the limits or -Budget.",
                "FeasibleArchitectureNotFound",
                ErrorCategory.ObjectNotFound,
                result.Seed));
            return;
        }

        // Evolution draws at random until P candidates are accepted, so a run that accepts fewer never mutates. A budget
        // below P is a documented choice, but rejections that keep a larger budget from filling the population are not.
        // A finite space whose every architecture was drawn goes on by mutation, so such a run did mutate.
        long accepted = result.Evaluations - result.Rejected;
        if (Strategy == SearchStrategy.RegularizedEvolution && accepted < PopulationSize && result.Evaluations > PopulationSize &&
            result.Evaluations <= SpaceSize(SearchSpace))
        {
            WriteWarning($"Seed {result.Seed} accepted {accepted:N0} of {result.Evaluations:N0} candidates, fewer than -PopulationSize {PopulationSize}, so the population never filled and every candidate was drawn at random, as -Strategy Random draws them. Raise the limits or -Budget, or lower -PopulationSize.");
        }

        WriteVerbose($"Seed {result.Seed} finished after {result.Evaluations:N0} evaluations ({result.Rejected:N0} rejected): best {summary.Architecture} with {summary.Objective} {SearchMessages.Score(summary.Score, Objective)}, found at step {summary.Step}{(summary.Target is { } target ? $", {Target} {SearchMessages.Value(target)}" : string.Empty)}.");
        if (Summary)
        {
            WriteObject(_withTargets ? OutputViews.WithView(summary, SummaryWithTargetView) : summary);
        }
    }

    // The number of architectures a search space holds; the DARTS and MLP spaces are too large to draw them all.
    private static long SpaceSize(SearchSpace space) => space switch
    {
        SearchSpace.NatsTopology => NatsTopologyCell.CellCount,
        SearchSpace.NatsSize => NatsSizeArchitecture.ArchitectureCount,
        _ => long.MaxValue,
    };

    private void ShowProgress(int index)
    {
        if (_sinceProgress.Elapsed < ProgressInterval)
        {
            return;
        }

        long done = _search!.Evaluations;
        long planned = _search.PlannedEvaluations;
        WriteProgress(new ProgressRecord(1, Activity, $"{done:N0} of {planned:N0} evaluations; writing seed {_search.Seeds[index].Seed} ({index + 1} of {_search.Seeds.Count})")
        {
            PercentComplete = (int)Math.Min(100, 100 * done / planned),
        });
        _progressShown = true;
        _sinceProgress.Restart();
    }

    // The same seed gives the same trajectory, so a repeated seed would only repeat a run.
    private ulong[] DistinctSeeds()
    {
        ulong[] seeds = Seed.Select(seed => (ulong)seed).Distinct().ToArray();
        if (seeds.Length < Seed.Length)
        {
            string repeated = string.Join(", ", Seed.GroupBy(seed => seed).Where(group => group.Count() > 1).Select(group => group.Key));
            WriteWarning($"-Seed repeats {repeated}; the same seed gives the same run, so each seed runs once.");
        }

        return seeds;
    }

    private bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    // The property that carries looked-up values in the records this call writes.
    private string TargetProperty => Summary ? "Target" : "BestTarget";
}

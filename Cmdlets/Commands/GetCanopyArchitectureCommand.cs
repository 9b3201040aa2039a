using System;
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
using Canopy.Costs;
using Canopy.Regions;

namespace Canopy.Commands;

/// <summary>
/// Streams the architectures of a search space with their exact parameter and FLOP counts: every NATS-Bench
/// topology cell or size architecture (in order, or shuffled by -Seed), or reproducible samples of the DARTS and
/// MLP spaces.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CanopyArchitecture")]
[OutputType(typeof(NatsTopologyRecord), typeof(NatsSizeRecord), typeof(DartsRecord), typeof(MlpRecord))]
public sealed class GetCanopyArchitectureCommand : PSCmdlet, IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The search space to enumerate or sample.</summary>
    [Parameter(Mandatory = true, Position = 0,
        HelpMessage = "Type the search space to list: NatsTopology or NatsSize for every architecture, Darts or Mlp for random samples.")]
    public SearchSpace SearchSpace { get; set; }

    /// <summary>How many architectures to output; by default all of a NATS-Bench space, or 100 samples.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>The seed of the samples, or of the shuffled order of a NATS-Bench space; 0 when sampling without one.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(0, long.MaxValue)]
    public long Seed { get; set; }

    /// <summary>The dataset whose resolution and classifier the benchmark network uses.</summary>
    [Parameter]
    [DatasetNameTransformation]
    [ArgumentCompleter(typeof(DatasetNameCompleter))]
    [ValidateDatasetName]
    public string Dataset { get; set; } = DatasetNames.Cifar10;

    /// <summary>The network DARTS genotypes are counted in.</summary>
    [Parameter]
    public DartsNetwork DartsNetwork { get; set; } = DartsNetwork.NasBench301;

    /// <summary>The input dimension of sampled MLPs.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, FullyConnectedNetwork.MaxSize)]
    public long InputDimension { get; set; } = ArchitectureConversion.DefaultInputDimension;

    /// <summary>The smallest and largest number of hidden layers of sampled MLPs; by default 1 and 10.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateCount(2, 2)]
    [ValidateRange(1, 100_000)]
    public int[] DepthRange { get; set; } = { 1, 10 };

    /// <summary>The smallest and largest hidden width of sampled MLPs; by default 16 and 1024.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateCount(2, 2)]
    [ValidateRange(1, int.MaxValue - 1)]
    public int[] WidthRange { get; set; } = { 16, 1024 };

    public void Dispose() => _cancellation.Dispose();

    protected override void ProcessRecord()
    {
        IEnumerable<Architecture> source = Source(out int total);
        Dataset dataset = DatasetNames.Parse(Dataset);
        string activity = $"Get-CanopyArchitecture -SearchSpace {SearchSpace}";
        var sinceProgress = Stopwatch.StartNew();
        bool progressShown = false;
        int written = 0;

        foreach (Architecture architecture in source.Take(total))
        {
            if (_cancellation.IsCancellationRequested)
            {
                break;
            }

            WriteObject(ArchitectureConversion.ToOutput(ArchitectureRecord.Create(architecture, dataset, DartsNetwork)));
            written++;

            if (sinceProgress.Elapsed >= ProgressInterval)
            {
                WriteProgress(new ProgressRecord(1, activity, $"{written:N0} of {total:N0}") { PercentComplete = (int)(100L * written / total) });
                progressShown = true;
                sinceProgress.Restart();
            }
        }

        if (progressShown)
        {
            WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    private IEnumerable<Architecture> Source(out int total)
    {
        CheckMlpParameters();
        bool seeded = MyInvocation.BoundParameters.ContainsKey(nameof(Seed));
        bool counted = MyInvocation.BoundParameters.ContainsKey(nameof(Count));

        if (ArchitectureSource.Size(SearchSpace) is { } size)
        {
            total = counted ? Math.Min(Count, size) : size;
            WriteVerbose(seeded
                ? $"Streaming {total:N0} of the {size:N0} {SearchSpace} architectures in a random order fixed by seed {Seed}."
                : $"Streaming {total:N0} of the {size:N0} {SearchSpace} architectures in {(SearchSpace == SearchSpace.NatsSize ? "NATS-Bench index order" : "Canopy's base-5 order of the six edge operations, which differs from NATS-Bench's index order")}.");
            return seeded ? ArchitectureSource.Shuffle(SearchSpace, (ulong)Seed) : ArchitectureSource.Enumerate(SearchSpace);
        }

        total = counted ? Count : ArchitectureSource.DefaultSampleCount;
        MlpSampler sampler = CreateMlpSampler();
        WriteVerbose(SearchSpace == SearchSpace.Darts
            ? $"Sampling {total:N0} DARTS genotypes with seed {Seed}, uniform over input pairs and the seven operations other than none, as NAS-Bench-301 samples; counts are for {(DartsNetwork == DartsNetwork.Evaluation ? "the DARTS evaluation network" : "the NAS-Bench-301 network")}."
            : $"Sampling {total:N0} MLPs with seed {Seed}: {sampler.InputDimension} inputs, {sampler.MinDepth} to {sampler.MaxDepth} hidden layers of {sampler.MinWidth} to {sampler.MaxWidth} units.");
        return ArchitectureSource.Sample(SearchSpace, (ulong)Seed, sampler);
    }

    private MlpSampler CreateMlpSampler()
    {
        if (DepthRange[0] > DepthRange[1] || WidthRange[0] > WidthRange[1])
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"-DepthRange {DepthRange[0]},{DepthRange[1]} or -WidthRange {WidthRange[0]},{WidthRange[1]} has its minimum above its maximum; give the smaller number first.",
                "RangeInvalid",
                ErrorCategory.InvalidArgument,
                DepthRange[0] > DepthRange[1] ? DepthRange : WidthRange));
        }

        return new MlpSampler(InputDimension, DepthRange[0], DepthRange[1], WidthRange[0], WidthRange[1]);
    }

    private void CheckMlpParameters()
    {
        if (SearchSpaceParameters.Check(SearchSpace, MyInvocation.BoundParameters, DepthRange, WidthRange) is { } error)
        {
            ThrowTerminatingError(error);
        }
    }
}

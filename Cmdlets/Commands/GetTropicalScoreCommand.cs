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
using Canopy.Costs;
using Canopy.Regions;
using Canopy.Scoring;
using Canopy.Search;

namespace Canopy.Commands;

/// <summary>
/// Scores architectures by the number of linear regions their ReLU networks can express. Accepts layer widths,
/// architecture strings, architecture objects, and records whose architecture sits in a property; records come
/// out with TropicalScore, ParameterCount, Flops and SearchSpace added.
/// </summary>
[Cmdlet(VerbsCommon.Get, "TropicalScore", DefaultParameterSetName = WidthsSet)]
[OutputType(typeof(ArchitectureScore), typeof(PSObject))]
public sealed class GetTropicalScoreCommand : PSCmdlet, IDisposable
{
    /// <summary>The input dimension used when none is given: a 32×32 RGB image, as in CIFAR.</summary>
    public const long DefaultInputDimension = MlpFields.DefaultInputDimension;

    internal const string WidthsSet = "Widths";
    internal const string ArchitectureSet = "Architecture";
    private const string InputObjectSet = "InputObject";

    private readonly ScoringBatch _batch = new();
    private readonly Dictionary<(Dataset, DartsNetwork), ScoringOptions> _optionsByNetwork = new();
    private readonly ScoreProperties _scoreProperties = new();
    private readonly RecordDatasets _recordDatasets = new();
    private readonly RecordDartsNetworks _recordNetworks = new();
    private readonly DartsNetworkWarnings _networkWarnings = new();
    private readonly ReplacedCounts _replacedCounts = new();
    private readonly Stopwatch _clock = new();

    // MLP records that take the default input dimension are counted only when -InputDimension does not choose it.
    private DefaultInputDimensions? _defaultedDimensions;
    private IgnoredArguments _ignoredArguments = new(datasetGiven: false, inputDimension: null);
    private CancellationTokenSource _cancellation = new();
    private ScoringOptions _options = new();
    private long _recordNumber;
    private long _scored;

    private readonly OversizedCounts _oversizedCounts = new();
    private long _failed;
    private bool _progressShown;
    private bool _verbose;
    private long _verboseRecords;
    private string? _lastVerboseFormula;
    private bool _widthsAreArchitectures;
    private bool _datasetGiven;
    private bool _dartsNetworkGiven;
    private bool _modeGiven;

    /// <summary>The hidden-layer widths n1..nL of a fully connected network, as numbers or text such as "64,128,64" or "[64, 128, 64]".</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = WidthsSet,
        HelpMessage = "Type the hidden-layer widths of a fully connected network, such as 64,128,64, or an architecture string.")]
    [Alias("Widths")]
    [AllowEmptyString]
    public string[] LayerWidths { get; set; } = Array.Empty<string>();

    /// <summary>The input dimension n0 of fully connected networks; records with their own InputDimension keep it.</summary>
    [Parameter(ParameterSetName = WidthsSet)]
    [Parameter(ParameterSetName = ArchitectureSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [WholeNumberTransformation]
    [ValidateRange(1, FullyConnectedNetwork.MaxSize)]
    public long InputDimension { get; set; } = DefaultInputDimension;

    /// <summary>Architecture strings in any encoding Canopy reads.</summary>
    /// <remarks>
    /// The first positional argument binds here only when a parameter outside the Widths set, such as -SearchSpace,
    /// is given. Otherwise it binds to -LayerWidths of the default set, which reads architecture strings too.
    /// </remarks>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArchitectureSet,
        HelpMessage = "Type an architecture string: a NAS-Bench-201 cell, a NATS-Bench size list, a DARTS genotype, a NASLib tuple or an MLP string such as mlp:3072:64-128-64.")]
    [AllowEmptyString]
    public string[] Architecture { get; set; } = Array.Empty<string>();

    /// <summary>Strings, architecture objects or records from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet,
        HelpMessage = "Type one architecture string to score, such as 8:16:24:32:64, or press Ctrl+C and pipe strings, architecture objects or records.")]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The record property that contains the architecture; by default the first of ArchitectureString, arch_str, arch, Architecture, genotype, arch_repr.</summary>
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ArchitecturePropertyCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ArchitectureProperty { get; set; }

    /// <summary>The search space of the strings; by default it is recognised from each string's form.</summary>
    [Parameter(ParameterSetName = ArchitectureSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    public SearchSpace? SearchSpace { get; set; }

    /// <summary>Which region count to report; Generic is the Canopy score.</summary>
    /// <remarks>
    /// NOTE: PowerShell 7.6 completes an enum parameter from its names before any ArgumentCompleter runs, so -Mode offers
    /// SerraBound and LowerBound after a cell -SearchSpace too. BeginProcessing rejects that pair.
    /// </remarks>
    [Parameter]
    public RegionMode Mode { get; set; } = RegionMode.Generic;

    /// <summary>The dataset whose resolution and classifier the benchmark network uses.</summary>
    [Parameter]
    [DatasetNameTransformation]
    [ArgumentCompleter(typeof(DatasetNameCompleter))]
    [ValidateDatasetName]
    public string Dataset { get; set; } = DatasetNames.Cifar10;

    /// <summary>The network DARTS genotypes are evaluated in, unless a genotype carries its own cell widths.</summary>
    [Parameter]
    public DartsNetwork DartsNetwork { get; set; } = DartsNetwork.NasBench301;

    public void Dispose() => _cancellation.Dispose();

    protected override void BeginProcessing()
    {
        // Every record of the space would fail alike, so one terminating error replaces thousands of record errors.
        if (SearchSpace is { } space && RegionModeArguments.Check(Mode, space) is { } modeError)
        {
            ThrowTerminatingError(modeError);
        }

        _options = new ScoringOptions(Mode, DatasetNames.Parse(Dataset), DartsNetwork);
        _datasetGiven = IsBound(nameof(Dataset));
        _modeGiven = IsBound(nameof(Mode));
        _dartsNetworkGiven = IsBound(nameof(DartsNetwork));
        _defaultedDimensions = IsBound(nameof(InputDimension)) ? null : new DefaultInputDimensions();
        _ignoredArguments = new IgnoredArguments(_datasetGiven, IsBound(nameof(InputDimension)) ? InputDimension : null);

        // Formatting a verbose line per record costs as much as scoring it, so it is only done when someone listens.
        _verbose = MyInvocation.BoundParameters.TryGetValue("Verbose", out object? flag)
            ? flag is SwitchParameter { IsPresent: true }
            : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        // The first positional argument binds to -LayerWidths, so architecture strings given by position land there.
        _widthsAreArchitectures = ParameterSetName == WidthsSet && LayerWidthsText.AreArchitectureStrings(LayerWidths, IsBound(nameof(InputDimension)));
        string described = _widthsAreArchitectures ? ArchitectureSet : ParameterSetName;
        WriteVerbose(ScoringVerbose.DescribeStart(described, _options, InputDimension, _datasetGiven, ArchitectureProperty));
        if (_widthsAreArchitectures && LayerWidthsText.FindBracketedWidths(LayerWidths) is { } widths)
        {
            WriteWarning($"'{widths.Text}' was read as an architecture of the search space it is valid in. For a fully connected network with these widths, give them without brackets: -LayerWidths {string.Join(",", widths.Widths)}.");
        }
        _clock.Start();
    }

    protected override void ProcessRecord()
    {
        // Records that arrive slowly, as from a long-running producer, are written before the next one is read.
        if (_batch.HasWaited)
        {
            Flush();
        }

        switch (ParameterSetName)
        {
            case WidthsSet when _widthsAreArchitectures:
                foreach (string text in LayerWidths)
                {
                    _recordNumber++;
                    Enqueue(Parse(text, text), text, record: null);
                }

                break;
            case WidthsSet when LayerWidthsText.JoinOperationList(LayerWidths) is { } operations:
                // Operation names given as separate arguments arrive as an array; read together, they get the error of a list.
                _recordNumber++;
                Enqueue(Parse(operations, operations), operations, record: null);
                break;
            case WidthsSet:
                _recordNumber++;
                Enqueue(FromWidths(LayerWidths, InputDimension, LayerWidths), target: LayerWidths, record: null);
                break;
            case ArchitectureSet:
                foreach (string text in Architecture)
                {
                    _recordNumber++;
                    Enqueue(Parse(text, text), text, record: null);
                }

                break;
            default:
                _recordNumber++;
                Classify(InputObject);
                break;
        }

        if (_batch.IsReady)
        {
            Flush();
        }
    }

    protected override void EndProcessing()
    {
        Flush();
        if (_progressShown)
        {
            WriteProgress(new ProgressRecord(1, "Scoring architectures", "Done") { RecordType = ProgressRecordType.Completed });
        }

        foreach (string warning in _scoreProperties.Describe())
        {
            WriteWarning(warning);
        }

        if (_replacedCounts.Describe() is { } replacedCounts)
        {
            WriteWarning(replacedCounts);
        }

        foreach (string warning in _ignoredArguments.Describe(Dataset))
        {
            WriteWarning(warning);
        }

        if (_recordNetworks.DescribeUnknown(DartsNetwork) is { } unknown)
        {
            WriteWarning(unknown);
        }

        foreach (string warning in _networkWarnings.Describe(DartsNetwork, "scores"))
        {
            WriteWarning(warning);
        }

        if (_recordDatasets.DescribeOverridden(Dataset) is { } overridden)
        {
            WriteWarning(overridden);
        }

        if (_recordDatasets.DescribeUnmodelled(Dataset) is { } unmodelled)
        {
            WriteWarning(unmodelled);
        }

        if (!_datasetGiven && _recordDatasets.DescribeLateDataset(Dataset) is { } late)
        {
            WriteWarning(late);
        }

        if (_defaultedDimensions?.Describe() is { } defaulted)
        {
            WriteWarning(defaulted);
        }

        if (_oversizedCounts.Describe("The TropicalScore is still computed.") is { } oversized)
        {
            WriteWarning(oversized);
        }

        WriteVerbose(ScoringVerbose.DescribeEnd(_recordNumber, _failed, _clock.Elapsed));
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    private void WriteRecordVerbose(long recordNumber, ArchitectureScore score)
    {
        _verboseRecords++;
        if (_verboseRecords > ScoringVerbose.MaxRecordLines)
        {
            if (_verboseRecords == ScoringVerbose.MaxRecordLines + 1)
            {
                WriteVerbose(ScoringVerbose.RecordLinesEnded);
            }

            return;
        }

        // The formula is named when it changes, so that a long run of one kind of record reads as a list of scores.
        string formula = score.Formula == _lastVerboseFormula ? string.Empty : $" ({score.Formula})";
        _lastVerboseFormula = score.Formula;
        WriteVerbose($"Record {recordNumber}: {score.Architecture} has TropicalScore {score.TropicalScore:N3}{formula}.");
    }

    private void Classify(PSObject? input)
    {
        // A null in the pipeline is a record too, so that later records keep their numbers.
        if (input is null)
        {
            ArchitectureConversion.Convert(null, SearchSpace, ArchitectureProperty, $"Record {_recordNumber}", out ErrorRecord? missing);
            WriteInputFailure(missing!);
            return;
        }

        // A dictionary's keys are not properties, so a hashtable becomes a record with one property per key.
        PSObject record = input.BaseObject is IDictionary dictionary ? ArchitectureConversion.ToRecord(dictionary) : input;
        Architecture? architecture = ArchitectureConversion.Convert(
            record, SearchSpace, ArchitectureProperty, $"Record {_recordNumber}", out ErrorRecord? error, InputDimension, _defaultedDimensions);
        // Strings, architecture objects and earlier scores become new score objects; every other record is returned
        // with the scores added.
        bool isRecord = input.BaseObject is not (string or Canopy.Architectures.Architecture or ArchitectureRecord or ArchitectureScore);
        if (error is not null)
        {
            if (isRecord)
            {
                ScoreProperties.Clear(record);
            }

            // The error's target is what the user piped, not the record made from a dictionary.
            WriteInputFailure(ReferenceEquals(record, input) ? error : ErrorRecords.Create(error.Exception, error.FullyQualifiedErrorId, error.CategoryInfo.Category, input));
            return;
        }

        ScoringOptions options = input.BaseObject switch
        {
            ArchitectureRecord architectureObject => OptionsFor(architectureObject),
            ArchitectureScore earlierScore => OptionsFor(earlierScore),
            _ when isRecord => OptionsFor(record, architecture!),
            _ => _options,
        };
        Enqueue(architecture, input, isRecord ? record : null, options);
    }

    // An object of New-CanopyArchitecture or Get-CanopyArchitecture keeps its dataset and DARTS network unless the
    // command line names them, because its parameter and FLOP counts were made for them.
    private ScoringOptions OptionsFor(ArchitectureRecord architecture)
    {
        Dataset dataset = _datasetGiven ? _options.Dataset : architecture.DatasetValue;
        DartsNetwork network = architecture is DartsRecord darts && !_dartsNetworkGiven
            ? darts.DartsNetworkValue
            : _options.DartsNetwork;
        return OptionsFor(dataset, network);
    }

    // A score keeps its network the same way, so that rescoring in another mode compares like with like.
    private ScoringOptions OptionsFor(ArchitectureScore earlier)
    {
        Dataset dataset = !_datasetGiven && DatasetNames.TryParse(earlier.Dataset, out Dataset named) ? named : _options.Dataset;
        DartsNetwork network = EnumProperties.TryParse(earlier.DartsNetwork, out DartsNetwork earlierNetwork) && !_dartsNetworkGiven
            ? earlierNetwork
            : _options.DartsNetwork;
        return OptionsFor(dataset, network);
    }

    // A record's Dataset and DartsNetwork columns, such as those of exported scores and of search records, choose its
    // network unless the command line does. Only genotypes without cell widths of their own are read for the network.
    private ScoringOptions OptionsFor(PSObject record, Architecture architecture)
    {
        Dataset dataset = !_datasetGiven && _recordDatasets.Read(record, _recordNumber) is { } named ? named : _options.Dataset;
        DartsNetwork network = architecture is DartsGenotype { Widths: null } genotype && !_dartsNetworkGiven && _recordNetworks.Read(record, genotype) is { } recordNetwork
            ? recordNetwork
            : _options.DartsNetwork;
        return OptionsFor(dataset, network);
    }

    private ScoringOptions OptionsFor(Dataset dataset, DartsNetwork network)
    {
        if (dataset == _options.Dataset && network == _options.DartsNetwork)
        {
            return _options;
        }

        if (!_optionsByNetwork.TryGetValue((dataset, network), out ScoringOptions? options))
        {
            options = new ScoringOptions(Mode, dataset, network);
            _optionsByNetwork[(dataset, network)] = options;
        }

        return options;
    }

    private bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    private void WriteFailure(ErrorRecord error)
    {
        _failed++;
        WriteError(error);
    }

    // Records read before a bad one are still waiting in the batch. Scoring them first keeps output in input order,
    // so -ErrorAction Stop keeps every record before the bad one.
    private void WriteInputFailure(ErrorRecord error)
    {
        Flush();
        WriteFailure(error);
    }

    private Architecture? Parse(string text, object target)
    {
        Architecture? architecture = ArchitectureConversion.Convert(text, SearchSpace, null, $"Record {_recordNumber}", out ErrorRecord? error, InputDimension, _defaultedDimensions);
        if (error is not null)
        {
            WriteInputFailure(ErrorRecords.Create(error.Exception, error.FullyQualifiedErrorId, error.CategoryInfo.Category, target));
        }

        return architecture;
    }

    private Architecture? FromWidths(IEnumerable<string> widthText, long inputDimension, object target)
    {
        try
        {
            return MlpArchitecture.Create(inputDimension, MlpFields.ParseWidths(widthText));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            WriteInputFailure(ErrorRecords.Create(
                new ArgumentException(LayerWidthsText.DescribeInvalidWidths(widthText, exception), exception),
                "LayerWidthsInvalid",
                ErrorCategory.InvalidArgument,
                target));
            return null;
        }
    }

    private void Enqueue(Architecture? architecture, object target, PSObject? record, ScoringOptions? options = null)
    {
        if (architecture is null)
        {
            return;
        }

        _batch.Add(new PendingScore(architecture, target, record, _recordNumber, options ?? _options));
        _ignoredArguments.Count(architecture);
        if (_dartsNetworkGiven)
        {
            _networkWarnings.Count(architecture);
        }
    }

    private void Flush()
    {
        if (_batch.Items.Count == 0)
        {
            return;
        }

        (ArchitectureScore? Score, Exception? Error)[] results;
        try
        {
            results = _batch.Score(_cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _batch.Clear();
            return;
        }

        for (int i = 0; i < results.Length; i++)
        {
            Emit(_batch.Items[i], results[i]);
        }

        _batch.Clear();
        _progressShown = true;
        WriteProgress(new ProgressRecord(1, "Scoring architectures", $"{_scored} scored"));
    }

    // TODO: adding the score costs a record more than the rest of scoring, and PowerShell offers no cheaper way. Each
    // lookup of a missing name searches the type table and the adapter, and Properties.Add copies each member. Adding
    // without the lookups would lose a record's own Flops column, because Properties.Add replaces a member of the same
    // name. Code properties through a type name cost less, but do not survive PSObject.Copy or Remove-Module.
    private void Emit(PendingScore item, (ArchitectureScore? Score, Exception? Error) result)
    {
        _scored++;
        if (result.Error is { } error)
        {
            if (item.Record is not null)
            {
                ScoreProperties.Clear(item.Record);
            }

            WriteFailure(ScoringError(error, item));
            return;
        }

        ArchitectureScore score = result.Score!;
        if (_verbose)
        {
            WriteRecordVerbose(item.RecordNumber, score);
        }

        if (score.ParameterCount is null || score.Flops is null)
        {
            _oversizedCounts.Add(item.RecordNumber, score.Architecture);
        }

        if (item.Record is null)
        {
            WriteObject(score);
            return;
        }

        Annotation annotation = _scoreProperties.Annotate(item.Record, score, item.Architecture, item.Options.DartsNetwork);
        ScoreProperties.AddSettingColumns(
            item.Record, score, item.Architecture, dataset: _datasetGiven || item.Options.Dataset != Canopy.Architectures.Dataset.Cifar10, _dartsNetworkGiven, _modeGiven);
        if (annotation.ChangedCounts is { } changedCounts)
        {
            CountReplaced(item, changedCounts);
        }

        // Only -Dataset scores a record on another network than its Dataset names, and MLPs have no dataset network.
        if (_datasetGiven && !annotation.CanopyColumns && score.Dataset is not null)
        {
            _recordDatasets.CountOverridden(item.Record, item.Options.Dataset, annotation.KeptOwnCount, item.RecordNumber);
        }

        WriteObject(item.Record);
    }

    // Counts the record only when no parameter on the command line chose its network, because then the change is
    // what the user requested.
    private void CountReplaced(PendingScore item, CountChange change)
    {
        bool dartsNetwork = item.Architecture is DartsGenotype { Widths: null };
        bool dataset = item.Architecture is not MlpArchitecture;
        bool inputDimension = item.Architecture is MlpArchitecture;
        bool chosen = (dartsNetwork && _dartsNetworkGiven) || (dataset && _datasetGiven) || (inputDimension && IsBound(nameof(InputDimension)));
        if (!chosen)
        {
            _replacedCounts.Count(item.RecordNumber, change, dartsNetwork, dataset, inputDimension);
        }
    }

    private ErrorRecord ScoringError(Exception error, PendingScore item)
    {
        (string id, ErrorCategory category) = error switch
        {
            NotSupportedException => ("ModeNotSupported", ErrorCategory.InvalidArgument),
            RegionCountTooLargeException => ("RegionCountTooLarge", ErrorCategory.LimitsExceeded),
            _ => ("ArchitectureInvalid", ErrorCategory.InvalidData),
        };
        // ArchitectureInvalid carries a FormatException from every cmdlet, so a script catches it the same way everywhere.
        string message = $"Record {item.RecordNumber} ({TextExcerpt.Of(item.Architecture.Canonical)}): {error.Message}";
        Exception exception = id == "ArchitectureInvalid" ? new FormatException(message, error) : new InvalidOperationException(message, error);
        return ErrorRecords.Create(exception, id, category, item.Target);
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Commands.Infrastructure.Records;
using Canopy.Costs;
using Canopy.Regions;

namespace Canopy.Commands;

/// <summary>
/// Builds architectures of any search space from a string, from piped records, or from their parts: NATS-Bench
/// topology operations, NATS-Bench size channels, DARTS candidate-edge operations or MLP widths. Each comes out with
/// its canonical string and the exact parameter and FLOP counts of its benchmark network.
/// </summary>
[Cmdlet(VerbsCommon.New, "CanopyArchitecture", DefaultParameterSetName = StringSet)]
[OutputType(typeof(NatsTopologyRecord), typeof(NatsSizeRecord), typeof(DartsRecord), typeof(MlpRecord))]
public sealed class NewCanopyArchitectureCommand : PSCmdlet
{
    private const string StringSet = "ArchitectureString";
    private const string InputObjectSet = "InputObject";
    private const string OperationsSet = "NatsTopology";
    private const string ChannelsSet = "NatsSize";
    private const string DartsCellsSet = "DartsCells";
    private const string MlpSet = "Mlp";

    private readonly RecordDartsNetworks _recordNetworks = new();
    private readonly RecordDatasets _recordDatasets = new();
    private readonly OversizedCounts _oversizedCounts = new();
    private readonly DartsNetworkWarnings _networkWarnings = new();
    private long _recordNumber;
    private long _built;
    private long _failed;
    private Dataset _dataset;
    private bool _datasetGiven;
    private bool _dartsNetworkGiven;

    // MLP records that take the default input dimension are counted only when -InputDimension does not choose it.
    private DefaultInputDimensions? _defaultedDimensions;
    private IgnoredArguments? _ignoredArguments;

    /// <summary>Architecture strings in any encoding Canopy reads.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = StringSet,
        HelpMessage = "Type an architecture string to convert, such as the NATS-Bench size list 8:16:24:32:64, a NAS-Bench-201 cell, a DARTS genotype or mlp:3072:64-128-64.")]
    [Alias("Architecture", "Genotype", "Cell")]
    [ValidateNotNull]
    [AllowEmptyString]
    public string[] ArchitectureString { get; set; } = Array.Empty<string>();

    /// <summary>Strings, architecture objects or records from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet,
        HelpMessage = "Type one architecture string to convert, such as 8:16:24:32:64, or press Ctrl+C and pipe strings, architecture objects or records.")]
    public PSObject? InputObject { get; set; }

    /// <summary>The record property that contains the architecture; by default the first of the usual names.</summary>
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ArchitecturePropertyCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ArchitectureProperty { get; set; }

    /// <summary>The six NATS-Bench topology operations on edges (0→1), (0→2), (1→2), (0→3), (1→3), (2→3).</summary>
    [Parameter(Mandatory = true, ParameterSetName = OperationsSet,
        HelpMessage = "Type the six NATS-Bench topology operations for the edges 0-1, 0-2, 1-2, 0-3, 1-3, 2-3, each none, skip_connect, nor_conv_1x1, nor_conv_3x3 or avg_pool_3x3.")]
    [CommaListTransformation]
    [ValidateCount(NatsTopologyCell.EdgeCount, NatsTopologyCell.EdgeCount)]
    [ArgumentCompleter(typeof(OperationNameCompleter))]
    [ValidateOperationNames(Architectures.SearchSpace.NatsTopology)]
    public string[] Operations { get; set; } = Array.Empty<string>();

    /// <summary>The five NATS-Bench size widths, each one of 8, 16, ..., 64.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ChannelsSet,
        HelpMessage = "Type the five NATS-Bench size widths, each 8, 16, 24, 32, 40, 48, 56 or 64, such as 8,16,24,32,64.")]
    [ArgumentCompleter(typeof(ChannelWidthCompleter))]
    [CommaListTransformation]
    [WholeNumberTransformation]
    [ValidateCount(NatsSizeArchitecture.LayerCount, NatsSizeArchitecture.LayerCount)]
    public int[] Channels { get; set; } = Array.Empty<int>();

    /// <summary>One DARTS operation per candidate edge of the normal cell, in the standard edge order.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DartsCellsSet,
        HelpMessage = "Type the 14 DARTS operations of the normal cell in the standard edge order, each none, max_pool_3x3, avg_pool_3x3, skip_connect, sep_conv_3x3, sep_conv_5x5, dil_conv_3x3 or dil_conv_5x5.")]
    [CommaListTransformation]
    [ValidateCount(DartsCell.CandidateEdgeCount, DartsCell.CandidateEdgeCount)]
    [ArgumentCompleter(typeof(OperationNameCompleter))]
    [ValidateOperationNames(Architectures.SearchSpace.Darts)]
    public string[] NormalOperations { get; set; } = Array.Empty<string>();

    /// <summary>One DARTS operation per candidate edge of the reduction cell; by default the normal cell's list.</summary>
    [Parameter(ParameterSetName = DartsCellsSet)]
    [CommaListTransformation]
    [ValidateCount(DartsCell.CandidateEdgeCount, DartsCell.CandidateEdgeCount)]
    [ArgumentCompleter(typeof(OperationNameCompleter))]
    [ValidateOperationNames(Architectures.SearchSpace.Darts)]
    public string[]? ReduceOperations { get; set; }

    /// <summary>The channel count of every cell of the DARTS network; by default the genotype goes into -DartsNetwork.</summary>
    [Parameter(ParameterSetName = DartsCellsSet)]
    [WholeNumberTransformation]
    [ValidateCount(1, DartsGenotype.MaxCells)]
    public int[]? Widths { get; set; }

    /// <summary>The hidden-layer widths of an MLP, as numbers or text such as "64,128,64" or "[64, 128, 64]".</summary>
    [Parameter(Mandatory = true, ParameterSetName = MlpSet,
        HelpMessage = "Type the hidden-layer widths of the MLP to build, such as 64,128,64.")]
    public string[] LayerWidths { get; set; } = Array.Empty<string>();

    /// <summary>The input dimension of the MLP, or of MLP widths and records without an input dimension of their own.</summary>
    [Parameter(ParameterSetName = MlpSet)]
    [Parameter(ParameterSetName = StringSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [WholeNumberTransformation]
    [ValidateRange(1, FullyConnectedNetwork.MaxSize)]
    public long InputDimension { get; set; } = ArchitectureConversion.DefaultInputDimension;

    /// <summary>The search space the strings or records must belong to; by default recognised from each string.</summary>
    [Parameter]
    public SearchSpace? SearchSpace { get; set; }

    /// <summary>The dataset whose resolution and classifier the benchmark network uses.</summary>
    [Parameter]
    [DatasetNameTransformation]
    [ArgumentCompleter(typeof(DatasetNameCompleter))]
    [ValidateDatasetName]
    public string Dataset { get; set; } = DatasetNames.Cifar10;

    /// <summary>The network DARTS genotypes are counted in, unless a genotype carries its own cell widths.</summary>
    [Parameter]
    public DartsNetwork DartsNetwork { get; set; } = DartsNetwork.NasBench301;

    protected override void BeginProcessing()
    {
        _dataset = DatasetNames.Parse(Dataset);
        _datasetGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Dataset));
        _dartsNetworkGiven = MyInvocation.BoundParameters.ContainsKey(nameof(DartsNetwork));
        _defaultedDimensions = MyInvocation.BoundParameters.ContainsKey(nameof(InputDimension)) ? null : new DefaultInputDimensions();

        // -InputDimension builds the MLP of -LayerWidths, so only strings and records can leave it unused.
        _ignoredArguments = ParameterSetName is StringSet or InputObjectSet && MyInvocation.BoundParameters.ContainsKey(nameof(InputDimension))
            ? new IgnoredArguments(datasetGiven: false, InputDimension)
            : null;

        // The cell widths define the whole network, so a benchmark network given with them could only be ignored.
        if (Widths is not null && _dartsNetworkGiven)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"-DartsNetwork applies to genotypes without -Widths only, because -Widths defines the network. Leave out -DartsNetwork, or leave out -Widths to count the genotype in the {DartsNetwork} network.",
                "ParameterNotApplicable",
                ErrorCategory.InvalidArgument,
                nameof(DartsNetwork)));
        }

        SearchSpace? implied = ParameterSetName switch
        {
            OperationsSet => Architectures.SearchSpace.NatsTopology,
            ChannelsSet => Architectures.SearchSpace.NatsSize,
            DartsCellsSet => Architectures.SearchSpace.Darts,
            MlpSet => Architectures.SearchSpace.Mlp,
            _ => null,
        };

        // Only DARTS genotypes have a benchmark network to choose, so the option would do nothing here.
        if (_dartsNetworkGiven && implied is not null && implied != Architectures.SearchSpace.Darts)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"-DartsNetwork applies to DARTS genotypes only, and the parameters given build {ArchitectureKind(implied.Value)}. Leave out -DartsNetwork.",
                "ParameterNotApplicable",
                ErrorCategory.InvalidArgument,
                nameof(DartsNetwork)));
        }

        if (implied is not null && SearchSpace is not null && SearchSpace != implied)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"-SearchSpace {SearchSpace} contradicts the parameters given, which build {ArchitectureKind(implied.Value)}. {Capitalized(ArchitectureKind(SearchSpace.Value))} is built from {BuildingParameters(SearchSpace.Value)}; omit -SearchSpace or pass {implied}.",
                "SearchSpaceMismatch",
                ErrorCategory.InvalidArgument,
                SearchSpace));
        }
    }

    private static string BuildingParameters(SearchSpace space) => space switch
    {
        Architectures.SearchSpace.NatsTopology => "-Operations",
        Architectures.SearchSpace.NatsSize => "-Channels",
        Architectures.SearchSpace.Darts => "-NormalOperations, with -ReduceOperations and -Widths optional",
        _ => "-LayerWidths",
    };

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case StringSet:
                foreach (string text in ArchitectureString)
                {
                    _recordNumber++;
                    Emit(ArchitectureConversion.Convert(text, SearchSpace, propertyName: null, $"Architecture {_recordNumber}", out ErrorRecord? error, InputDimension, _defaultedDimensions), error);
                }

                break;
            case InputObjectSet:
                _recordNumber++;
                Architecture? converted = ArchitectureConversion.Convert(
                    InputObject, SearchSpace, ArchitectureProperty, $"Record {_recordNumber}", out ErrorRecord? recordError, InputDimension, _defaultedDimensions);
                Emit(converted, recordError, NetworkOf(InputObject, converted), DatasetOf(InputObject));
                break;
            default:
                Emit(FromParts(out ErrorRecord? partsError), partsError);
                break;
        }
    }

    protected override void EndProcessing()
    {
        string built = _built == 1 ? "1 architecture" : $"{_built:N0} architectures";
        WriteVerbose(string.Create(CultureInfo.CurrentCulture, $"Built {built}; {_failed:N0} failed."));

        if (_recordNetworks.DescribeUnknown(DartsNetwork) is { } unknown)
        {
            WriteWarning(unknown);
        }

        if (_oversizedCounts.Describe("The architecture is still written.") is { } oversized)
        {
            WriteWarning(oversized);
        }

        if (_recordDatasets.DescribeUnmodelled(Dataset, "counted") is { } unmodelled)
        {
            WriteWarning(unmodelled);
        }

        if (!_datasetGiven && _recordDatasets.DescribeLateDataset(Dataset, "counted") is { } late)
        {
            WriteWarning(late);
        }

        foreach (string warning in _networkWarnings.Describe(DartsNetwork, "counts"))
        {
            WriteWarning(warning);
        }

        if (_defaultedDimensions?.Describe() is { } defaulted)
        {
            WriteWarning(defaulted);
        }

        foreach (string warning in _ignoredArguments?.Describe(Dataset, "counts") ?? Enumerable.Empty<string>())
        {
            WriteWarning(warning);
        }
    }

    private Architecture? FromParts(out ErrorRecord? error)
    {
        error = null;
        object target = ParameterSetName switch
        {
            OperationsSet => Operations,
            ChannelsSet => Channels,
            DartsCellsSet => (object?)Widths ?? NormalOperations,
            _ => LayerWidths,
        };

        try
        {
            return ParameterSetName switch
            {
                OperationsSet => NatsTopologyCell.Create(Operations.Select(ParseNatsOperation)),
                ChannelsSet => NatsSizeArchitecture.Create(Channels),
                DartsCellsSet => FromCandidateEdges(),
                _ => MlpFromWidths(),
            };
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            error = ErrorRecords.Create(new FormatException(ExceptionText.Plain(exception), exception), "ArchitectureInvalid", ErrorCategory.InvalidData, target);
            return null;
        }
    }

    // Widths in brackets, as a Python list prints them, are read as records with a LayerWidths property are.
    private MlpArchitecture MlpFromWidths() =>
        MlpFields.TryCreate(LayerWidths, InputDimension, out MlpArchitecture? mlp, out string? error) ? mlp! : throw new FormatException(error);

    // Without -ReduceOperations the reduction cell uses the normal cell's list; its edges from the two cell inputs
    // then run at stride 2.
    private DartsGenotype FromCandidateEdges()
    {
        DartsCell normal = DartsCell.FromCandidateEdges(NormalOperations.Select(ParseDartsOperation));
        DartsCell reduce = ReduceOperations is null ? normal : DartsCell.FromCandidateEdges(ReduceOperations.Select(ParseDartsOperation));
        return DartsGenotype.Create(normal, reduce, Widths);
    }

    // A piped record of a DARTS genotype keeps the network its DartsNetwork or Network column names, as in Get-TropicalScore.
    private DartsNetwork NetworkOf(PSObject? input, Architecture? architecture)
    {
        if (architecture is not DartsGenotype { Widths: null } genotype || _dartsNetworkGiven || input is null)
        {
            return DartsNetwork;
        }

        PSObject record = input.BaseObject is IDictionary dictionary ? ArchitectureConversion.ToRecord(dictionary) : input;
        return _recordNetworks.Read(record, genotype) ?? DartsNetwork;
    }

    // A piped record keeps the dataset its Dataset column names unless -Dataset is given, as in Get-TropicalScore.
    private Dataset DatasetOf(PSObject? input)
    {
        if (_datasetGiven || input is null)
        {
            return _dataset;
        }

        PSObject record = input.BaseObject is IDictionary dictionary ? ArchitectureConversion.ToRecord(dictionary) : input;
        return _recordDatasets.Read(record, _recordNumber) ?? _dataset;
    }

    private void Emit(Architecture? architecture, ErrorRecord? error, DartsNetwork? network = null, Dataset? dataset = null)
    {
        Dataset counted = dataset ?? _dataset;
        if (architecture is null)
        {
            _failed++;
            WriteError(error!);
            return;
        }

        _built++;
        _ignoredArguments?.Count(architecture);

        if (_dartsNetworkGiven)
        {
            _networkWarnings.Count(architecture);
        }
        ArchitectureRecord record = ArchitectureRecord.Create(architecture, counted, network ?? DartsNetwork);
        if (record.ParameterCount is null || record.Flops is null)
        {
            _oversizedCounts.Add(_recordNumber, record.Architecture);
        }

        if (_built <= ScoringVerbose.MaxRecordLines)
        {
            string onDataset = record.Dataset is null ? string.Empty : $" on {record.Dataset}";
            WriteVerbose(string.Create(
                CultureInfo.CurrentCulture,
                $"{record.SearchSpace} {record.Architecture}: {record.ParameterCount:N0} parameters and {record.Flops:N0} FLOPs in {record.Network}{onDataset}."));
        }
        else if (_built == ScoringVerbose.MaxRecordLines + 1)
        {
            WriteVerbose(ScoringVerbose.RecordLinesEnded);
        }

        WriteObject(ArchitectureConversion.ToOutput(record));
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string ArchitectureKind(SearchSpace space) => space switch
    {
        Architectures.SearchSpace.NatsTopology => "a NATS-Bench topology cell",
        Architectures.SearchSpace.NatsSize => "a NATS-Bench size architecture",
        Architectures.SearchSpace.Darts => "a DARTS genotype",
        _ => "an MLP",
    };

    // The validation accepts any letter case, so names are lowered before lookup.
    private static NatsOperation ParseNatsOperation(string name) =>
        NatsOperationNames.TryParse(name.ToLowerInvariant(), out NatsOperation operation) ? operation : throw new ArgumentException($"Unknown NATS-Bench operation '{name}'.");

    private static DartsOperation ParseDartsOperation(string name) =>
        DartsOperationNames.TryParse(name.ToLowerInvariant(), out DartsOperation operation) ? operation : throw new ArgumentException($"Unknown DARTS operation '{name}'.");
}

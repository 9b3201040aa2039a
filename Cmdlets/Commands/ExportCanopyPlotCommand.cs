using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Commands.Infrastructure.Records;
using Canopy.Plotting;
using Canopy.Search;

namespace Canopy.Commands;

/// <summary>
/// Draws piped records as an SVG plot: a proxy against accuracy, search trajectories, or rank correlations per
/// proxy and dataset. The records are reduced to numeric arrays as they arrive, and the core builds the plot.
/// </summary>
[Cmdlet(VerbsData.Export, "CanopyPlot", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCanopyPlotCommand : PSCmdlet
{
    private PlotRecordCollector? _collector;
    private string _fullPath = string.Empty;

    /// <summary>A record with the plotted properties, usually from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true,
        HelpMessage = "Press Ctrl+C and pipe the records to plot, as in Import-Csv scores.csv | Export-CanopyPlot Correlation plot.svg.")]
    public PSObject? InputObject { get; set; }

    /// <summary>The kind of plot to draw.</summary>
    [Parameter(Mandatory = true, Position = 0,
        HelpMessage = "Type the kind of plot to draw: Correlation, Trajectory or Modes.")]
    public PlotKind Kind { get; set; }

    /// <summary>The SVG file to create or overwrite, relative to the current location.</summary>
    [Parameter(Mandatory = true, Position = 1,
        HelpMessage = "Type the path of the SVG file to write, such as plot.svg.")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The property on the x axis, or for Modes the property that names each group of bars.</summary>
    /// <remarks>The alias -Proxy matches Measure-ProxyCorrelation, because a Correlation plot puts the proxy on the x axis.</remarks>
    [Parameter]
    [Alias("Proxy")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PlotPropertyCompleter))]
    public string? X { get; set; }

    /// <summary>The property on the y axis.</summary>
    /// <remarks>The alias -Target matches Measure-ProxyCorrelation, because a Correlation plot puts the target on the y axis.</remarks>
    [Parameter]
    [Alias("Target")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PlotPropertyCompleter))]
    public string? Y { get; set; }

    /// <summary>The property that splits records into lines (Trajectory) or bar series (Modes).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PlotPropertyCompleter))]
    public string? GroupBy { get; set; }

    /// <summary>The spread over seeds shaded around each trajectory line.</summary>
    [Parameter]
    public TrajectoryBand Band { get; set; } = TrajectoryBand.MinMax;

    /// <summary>The plot title. The default title names the plotted properties.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    // Text keeps a readable size down to this size. At 480×360 long axis titles shrank to 9 px, and the turned value
    // labels of a modes plot were cut at the top.
    private const int MinWidth = 640;
    private const int MinHeight = 480;

    /// <summary>The image width in pixels.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(MinWidth, 10000)]
    public int Width { get; set; } = 800;

    /// <summary>The image height in pixels.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(MinHeight, 10000)]
    public int Height { get; set; } = 600;

    /// <summary>Replaces the target file even when it is read-only.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Numbers that mark a missing value in a plotted column, such as -1e8 in NAS-Bench-Suite-Zero.</summary>
    [Parameter]
    [NumberTransformation]
    [ValidateNotNull]
    public double[] MissingValue { get; set; } = Array.Empty<double>();

    protected override void BeginProcessing()
    {
        if (Kind != PlotKind.Trajectory && MyInvocation.BoundParameters.ContainsKey(nameof(Band)))
        {
            ThrowNotApplicable(nameof(Band), "only trajectory plots draw bands");
        }

        if (Kind == PlotKind.Correlation && GroupBy is not null)
        {
            ThrowNotApplicable(nameof(GroupBy), "a correlation plot draws one point cloud");
        }

        _fullPath = ResolveOutputPath(Path);
        RejectReadOnlyTarget();
        WarnIfNotSvgName();
    }

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        if (_collector is null)
        {
            // A summary is one point per seed, at the step where its best was found, so no -X or -Y makes it a trajectory.
            if (Kind == PlotKind.Trajectory && IsSearchSummary(InputObject))
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    "The records are search summaries, one per seed, which hold no trajectory. Plot the steps that Invoke-CanopySearch writes without -Summary.",
                    "PlotInputInvalid",
                    ErrorCategory.InvalidArgument,
                    InputObject));
            }

            PlotColumns columns = ResolveColumns(InputObject);
            _collector = new PlotRecordCollector(Kind, columns) { MissingValues = MissingValue.Length == 0 ? null : new HashSet<double>(MissingValue) };
            WriteVerbose($"Plotting {columns.Y} against {columns.X}" + (columns.Group is null ? "." : $", one series per {columns.Group}."));
        }

        PSObject record = InputObject;
        _collector.Add((string name, out object? value) => RecordValues.TryGet(record, name, out value));
    }

    protected override void EndProcessing()
    {
        if (_collector is null)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "No records reached Export-CanopyPlot, so there is nothing to plot. Pipe records into it.",
                "PlotPointsTooFew",
                ErrorCategory.InvalidData,
                Kind));
            return;
        }

        if (_collector.FindPropertyMissingEverywhere() is { } absent)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"None of the {_collector.RecordCount:N0} records has a property '{absent}'. Name an existing property with -X, -Y or -GroupBy.",
                "PlotPropertyMissing",
                ErrorCategory.InvalidArgument,
                absent));
        }

        // Search steps that accepted nothing leave every best-so-far value empty. One error reports that cause, in
        // place of a warning about each empty value and an error about too few points.
        if (_collector.DescribeNoAcceptedArchitecture() is { } noneAccepted)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                noneAccepted,
                "FeasibleArchitectureNotFound",
                ErrorCategory.ObjectNotFound,
                _collector.Columns.Y));
        }

        if (_collector.DescribeLeftOut() is { } leftOut)
        {
            int commas = _collector.DecimalCommaCount;
            WriteWarning(commas == 0 ? leftOut : $"{leftOut} {NotANumberHint.DecimalComma(commas)}");
        }

        if (_collector.DescribeMergedRuns() is { } merged)
        {
            WriteWarning(merged);
        }

        PlotResult plot = CreatePlot(_collector);
        foreach (string warning in plot.Warnings)
        {
            WriteWarning(warning);
        }

        WriteVerbose(plot.Summary);
        string records = _collector.PointCount == 1 ? "1 record" : $"{_collector.PointCount:N0} records";
        string action = File.Exists(_fullPath) ? "Replace the existing file with" : "Write";
        if (!ShouldProcess(_fullPath, $"{action} a {Kind} plot of {records} as SVG"))
        {
            return;
        }

        WritePlot(plot);
    }

    private PlotColumns ResolveColumns(PSObject first)
    {
        var properties = first.BaseObject is IDictionary dictionary
            ? dictionary.Keys.Cast<object>().Select(key => new KeyValuePair<string, object?>(key.ToString() ?? string.Empty, RecordValues.Unwrap(dictionary[key])))
            : first.Properties.Select(property => new KeyValuePair<string, object?>(property.Name, RecordValues.Unwrap(RecordValues.Read(property))));
        try
        {
            return PlotColumns.Resolve(Kind, X, Y, GroupBy, properties.ToList());
        }
        catch (PlotDataException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "PlotPropertyMissing", ErrorCategory.InvalidArgument, first));
            throw;
        }
    }

    private PlotResult CreatePlot(PlotRecordCollector collector)
    {
        try
        {
            return collector.CreatePlot(Title, Band, Width);
        }
        catch (PlotRangeException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "PlotRangeTooWide", ErrorCategory.InvalidData, Kind));
            throw;
        }
        catch (PlotDataException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "PlotPointsTooFew", ErrorCategory.InvalidData, Kind));
            throw;
        }
    }

    private void WritePlot(PlotResult plot)
    {
        FileInfo file;
        try
        {
            // Windows refuses to replace a read-only file even by a move, so -Force clears the attribute first.
            if (Force && File.Exists(_fullPath) && new FileInfo(_fullPath).IsReadOnly)
            {
                new FileInfo(_fullPath).IsReadOnly = false;
            }

            file = SvgPlotWriter.WriteFile(plot.Model, _fullPath, Width, Height);
        }
        catch (PlotRangeException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "PlotRangeTooWide", ErrorCategory.InvalidData, Kind));
            return;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "PlotWriteFailed", ErrorCategory.WriteError, _fullPath));
            return;
        }

        WriteVerbose($"Wrote {file.Length:N0} bytes to {file.FullName}.");

        // Read back through the provider, as Get-Item does, so the default file view shows size and mode.
        WriteObject(InvokeProvider.Item.Get(new[] { file.FullName }, force: true, literalPath: true), enumerateCollection: true);
    }

    private string ResolveOutputPath(string path)
    {
        string fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"The path '{path}' is on the {provider.Name} provider; Export-CanopyPlot writes files, so give a file system path.",
                "PlotPathInvalid",
                ErrorCategory.InvalidArgument,
                path));
        }

        string? directory = System.IO.Path.GetDirectoryName(fullPath);
        if (Directory.Exists(fullPath) || directory is null || !Directory.Exists(directory))
        {
            ThrowTerminatingError(ErrorRecords.Create(
                Directory.Exists(fullPath)
                    ? $"The path '{fullPath}' is a folder; give the name of the SVG file to write."
                    : $"The folder '{directory}' does not exist; create it first or write the plot elsewhere.",
                "PlotPathInvalid",
                ErrorCategory.InvalidArgument,
                path));
        }

        return fullPath;
    }

    // The plot replaces the file by a rename, which only the folder's permissions govern, so a read-only file would be
    // replaced silently. Set-Content and Out-File reject such a file unless -Force is given, and so does this cmdlet.
    private void RejectReadOnlyTarget()
    {
        if (Force || !File.Exists(_fullPath) || !new FileInfo(_fullPath).IsReadOnly)
        {
            return;
        }

        ThrowTerminatingError(ErrorRecords.Create(
            new UnauthorizedAccessException($"The file '{_fullPath}' is read-only. Add -Force to replace it, or write the plot elsewhere."),
            "PlotFileReadOnly",
            ErrorCategory.PermissionDenied,
            _fullPath));
    }

    // The file is SVG whatever its name, and a viewer that trusts a .png or .pdf name fails to open it.
    private void WarnIfNotSvgName()
    {
        string extension = System.IO.Path.GetExtension(_fullPath);
        if (string.Equals(extension, ".svg", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        string svgName = System.IO.Path.ChangeExtension(Path, ".svg");
        if (extension.Length == 0)
        {
            WriteWarning($"The path '{Path}' has no extension, but Export-CanopyPlot writes only SVG. Name it '{svgName}' so that viewers open it as SVG.");
            return;
        }

        string format = extension.TrimStart('.').ToUpperInvariant();
        WriteWarning($"The path '{Path}' ends in '{extension}', but Export-CanopyPlot writes only SVG, so the file contains SVG markup. Name it '{svgName}', or convert the SVG to {format} with another tool.");
    }

    private void ThrowNotApplicable(string parameter, string reason) =>
        ThrowTerminatingError(ErrorRecords.Create(
            $"-{parameter} does not apply to -Kind {Kind}: {reason}. Leave it out.",
            "PlotParameterNotApplicable",
            ErrorCategory.InvalidArgument,
            parameter));

    // A summary read back with Import-Csv keeps its Seed, Evaluations and Rejected columns and has neither of the
    // best-so-far columns of a step, whatever -Y names.
    private static bool IsSearchSummary(PSObject record) =>
        record.BaseObject is SearchSummary ||
        (RecordValues.TryGet(record, "Seed", out _) &&
            RecordValues.TryGet(record, "Evaluations", out _) &&
            RecordValues.TryGet(record, "Rejected", out _) &&
            !RecordValues.TryGet(record, "BestScore", out _) &&
            !RecordValues.TryGet(record, "BestTarget", out _));
}

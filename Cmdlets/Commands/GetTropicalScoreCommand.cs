using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Canopy.Commands.Infrastructure;
using Canopy.Regions;
using Canopy.Scoring;

namespace Canopy.Commands;

/// <summary>
/// Scores architectures by the number of linear regions their ReLU networks can express. Accepts layer
/// widths directly, or records from the pipeline that carry LayerWidths and InputDimension properties.
/// </summary>
[Cmdlet(VerbsCommon.Get, "TropicalScore", DefaultParameterSetName = WidthsSet)]
[OutputType(typeof(ArchitectureScore), typeof(PSObject))]
public sealed class GetTropicalScoreCommand : PSCmdlet
{
    /// <summary>The input dimension used when none is given: a 32×32 RGB image, as in CIFAR.</summary>
    public const long DefaultInputDimension = 3072;

    private const string WidthsSet = "Widths";
    private const string InputObjectSet = "InputObject";

    /// <summary>The hidden-layer widths n1..nL, as numbers or as text such as "64,128,64".</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = WidthsSet)]
    [Alias("Widths")]
    public string[] LayerWidths { get; set; } = Array.Empty<string>();

    /// <summary>The input dimension n0; records that carry their own InputDimension keep it.</summary>
    [Parameter(ParameterSetName = WidthsSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ValidateRange(1, FullyConnectedNetwork.MaxSize)]
    public long InputDimension { get; set; } = DefaultInputDimension;

    /// <summary>A record from the pipeline with a LayerWidths property.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Which region count to report; Generic is the Canopy score.</summary>
    [Parameter]
    public RegionMode Mode { get; set; } = RegionMode.Generic;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == WidthsSet)
        {
            ScoreWidths(LayerWidths, InputDimension, target: LayerWidths);
            return;
        }

        ScoreRecord(InputObject!);
    }

    private void ScoreRecord(PSObject record)
    {
        PSPropertyInfo? widthsProperty = record.Properties["LayerWidths"] ?? record.Properties["Widths"];
        if (widthsProperty is null)
        {
            WriteError(ErrorRecords.Create(
                $"The record {Describe(record)} has no LayerWidths property, so there is nothing to score.",
                "LayerWidthsMissing",
                ErrorCategory.InvalidData,
                record));
            return;
        }

        long inputDimension = InputDimension;
        PSPropertyInfo? dimensionProperty = record.Properties["InputDimension"];
        if (dimensionProperty?.Value is { } rawDimension && !string.IsNullOrWhiteSpace(rawDimension.ToString()))
        {
            if (!long.TryParse(rawDimension.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out inputDimension) ||
                inputDimension < 1 || inputDimension > FullyConnectedNetwork.MaxSize)
            {
                WriteError(ErrorRecords.Create(
                    $"The record {Describe(record)} has InputDimension '{rawDimension}'; it must be a whole number from 1 to {FullyConnectedNetwork.MaxSize}.",
                    "InputDimensionInvalid",
                    ErrorCategory.InvalidData,
                    record));
                return;
            }
        }

        ScoreWidths(ToStrings(widthsProperty.Value), inputDimension, record);
    }

    private void ScoreWidths(IEnumerable<string> widthText, long inputDimension, object target)
    {
        FullyConnectedNetwork network;
        try
        {
            network = FullyConnectedNetwork.Create(inputDimension, WidthList.Parse(widthText));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            WriteError(ErrorRecords.Create(exception, "LayerWidthsInvalid", ErrorCategory.InvalidArgument, target));
            return;
        }

        RegionCount count;
        try
        {
            count = RegionBounds.Compute(network, Mode);
        }
        catch (RegionCountTooLargeException exception)
        {
            WriteError(ErrorRecords.Create(exception, "RegionCountTooLarge", ErrorCategory.LimitsExceeded, target));
            return;
        }

        WriteVerbose($"{network}: {Mode} uses {count.Formula}.");
        WriteObject(new ArchitectureScore
        {
            Architecture = network.ToString(),
            SearchSpace = "Mlp",
            Mode = Mode,
            TropicalScore = count.Log10,
            RegionCount = count.Value,
            ParameterCount = network.ParameterCount,
            Flops = network.Flops,
            Formula = count.Formula,
            IsExactMaximum = count.IsExactMaximum,
        });
    }

    private static IEnumerable<string> ToStrings(object? value)
    {
        object? unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (unwrapped is string text)
        {
            return new[] { text };
        }

        if (unwrapped is System.Collections.IEnumerable items)
        {
            return items.Cast<object?>().Select(item => Convert.ToString(item is PSObject p ? p.BaseObject : item, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        }

        return new[] { Convert.ToString(unwrapped, CultureInfo.InvariantCulture) ?? string.Empty };
    }

    private static string Describe(PSObject record)
    {
        string text = record.ToString();
        return text.Length > 80 ? "'" + text[..77] + "...'" : "'" + text + "'";
    }
}

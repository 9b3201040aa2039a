using System;
using System.Globalization;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Scoring;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>
/// The verbose lines Get-TropicalScore writes before the first record and after the last, and the limit on lines per
/// record that New-CanopyArchitecture shares.
/// </summary>
internal static class ScoringVerbose
{
    /// <summary>The number of records that get a verbose line each, so that -Verbose on a benchmark file does not flood.</summary>
    public const int MaxRecordLines = 20;

    /// <summary>The verbose line written in place of the line of record <see cref="MaxRecordLines"/> + 1.</summary>
    public static readonly string RecordLinesEnded =
        "Later records get no verbose line each, and the closing line counts them.";

    /// <summary>Describes the mode, the network and the input dimension rule that apply to the parameter set.</summary>
    public static string DescribeStart(string parameterSet, ScoringOptions options, long inputDimension, bool datasetGiven, string? architectureProperty)
    {
        string mode = $"Scoring in {options.Mode} mode";
        string network = $"cell-based architectures on the {DatasetFacts.Name(options.Dataset)} network, DARTS genotypes without cell widths in the {options.DartsNetwork} network";
        switch (parameterSet)
        {
            case GetTropicalScoreCommand.WidthsSet:
                return $"{mode}: one fully connected network with input dimension {inputDimension} (-InputDimension).";
            case GetTropicalScoreCommand.ArchitectureSet:
                return $"{mode}: {network}. Strings of the form mlp:<input dimension>:<widths> carry their own input dimension.";
        }

        string datasets = datasetGiven
            ? "-Dataset applies to every record"
            : $"a record whose Dataset property names {DatasetNames.Listed} is scored on that dataset's network, and architecture objects keep their own dataset";
        string property = architectureProperty is null ? string.Empty : $" Architectures are read from the property '{architectureProperty}'.";
        return $"{mode}: {network}; {datasets}.{property} Fully connected networks without their own InputDimension get {inputDimension} (-InputDimension).";
    }

    /// <summary>Describes how many records were scored and failed, and how long it took.</summary>
    public static string DescribeEnd(long records, long failed, TimeSpan elapsed)
    {
        string seconds = elapsed.TotalSeconds.ToString("F2", CultureInfo.CurrentCulture);
        string noun = records == 1 ? "record" : "records";
        return $"Scored {records - failed:N0} of {records:N0} {noun} in {seconds} s; {failed:N0} failed.";
    }
}

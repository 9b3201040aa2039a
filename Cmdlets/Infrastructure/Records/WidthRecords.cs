using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Messages;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>Reads fully connected networks from widths properties, widths text and JSON lists of whole numbers.</summary>
internal static class WidthRecords
{
    /// <summary>Reads an MLP from a record's widths property and its InputDimension property.</summary>
    public static Architecture? FromRecord(
        PSObject record, PSPropertyInfo widths, SearchSpace? searchSpace, string label, long defaultInputDimension,
        DefaultInputDimensions? defaulted, out ErrorRecord? error)
    {
        string[] widthTexts = WidthTexts(RecordValues.Read(widths));
        if (widthTexts is [string text] && MlpFields.IsMlpString(text))
        {
            return ArchitectureConversion.Parse(text, searchSpace, record, label, out error);
        }

        string? rawDimension = record.Properties[MlpFields.InputDimensionName] is { } dimension ? ArchitectureProperties.Text(RecordValues.Read(dimension)) : null;
        if (!MlpFields.TryParseInputDimension(rawDimension, defaultInputDimension, out long inputDimension, out string? message))
        {
            error = ErrorRecords.Create(new FormatException($"{label}: {message}"), "InputDimensionInvalid", ErrorCategory.InvalidData, record);
            return null;
        }

        if (!MlpFields.TryCreate(widthTexts, inputDimension, out MlpArchitecture? mlp, out message))
        {
            error = ArchitectureConversion.Invalid(record, $"{label}: invalid {widths.Name}: {DescribeOtherSpace(widthTexts) ?? message}");
            return null;
        }

        // Only an MLP that is scored counts toward the warning about the default input dimension.
        Architecture? checkedMlp = ArchitectureConversion.Check(mlp!, searchSpace, record, label, out error);
        if (checkedMlp is not null && string.IsNullOrWhiteSpace(rawDimension))
        {
            defaulted?.Add(record, widths.Name);
        }

        return checkedMlp;
    }

    /// <summary>Reads an MLP from a string of widths given with -SearchSpace Mlp.</summary>
    public static Architecture? FromText(string text, object? target, string label, long defaultInputDimension, DefaultInputDimensions? defaulted, out ErrorRecord? error)
    {
        if (!MlpFields.TryCreate(new[] { text }, defaultInputDimension, out MlpArchitecture? mlp, out string? message))
        {
            error = ArchitectureConversion.Invalid(target, $"{label}: invalid widths '{TextExcerpt.Of(text, 60)}': {DescribeOtherSpace(new[] { text }) ?? message}");
            return null;
        }

        defaulted?.Add(record: null, widthsProperty: null);
        error = null;
        return mlp;
    }

    // A cell string read with -SearchSpace Mlp is no width list, and naming its search space explains the fault better than a number.
    private static string? DescribeOtherSpace(string[] texts) =>
        texts is [string text] && ArchitectureParser.Detect(text) is { } space && space != SearchSpace.Mlp && ArchitectureParser.TryParse(text, space, out _, out _)
            ? $"it is a {space} architecture, not a list of MLP widths, so -SearchSpace Mlp does not apply to it."
            : null;

    private static string[] WidthTexts(object? value)
    {
        object? unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (unwrapped is not string && unwrapped is IEnumerable items)
        {
            return items.Cast<object?>().Select(item => ArchitectureProperties.Text(item) ?? string.Empty).ToArray();
        }

        return new[] { ArchitectureProperties.Text(unwrapped) ?? string.Empty };
    }
}

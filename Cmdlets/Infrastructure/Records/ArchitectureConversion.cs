using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Costs;
using Canopy.Regions;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Turns PowerShell input into architectures: strings in any encoding Canopy reads, core Architecture objects,
/// the records the architecture cmdlets output, records whose architecture sits in a property (see
/// <see cref="ArchitectureProperties"/>), and records that describe an MLP by LayerWidths and InputDimension.
/// </summary>
internal static class ArchitectureConversion
{
    /// <summary>The input dimension of MLP records without one: a 32×32 RGB image.</summary>
    public const long DefaultInputDimension = MlpFields.DefaultInputDimension;

    private static readonly string[] DisplayedProperties = { "SearchSpace", "ParameterCount", "Flops", "Architecture" };

    /// <summary>
    /// Converts one input. Returns null and sets <paramref name="error"/> (an ArchitectureInvalid, ArchitectureMissing
    /// or InputDimensionInvalid record whose target is the input) when the input contains no valid architecture.
    /// </summary>
    /// <param name="input">A string, an architecture, an architecture record, or any record.</param>
    /// <param name="searchSpace">The search space the input must belong to; null to recognise it from the text.</param>
    /// <param name="propertyName">The record property that contains the architecture; null to try the usual names.</param>
    /// <param name="label">How messages name the input, for example "Record 3".</param>
    /// <param name="error">The error to write when the conversion fails.</param>
    /// <param name="defaultInputDimension">The input dimension of MLP records that carry none.</param>
    /// <param name="defaulted">Counts the MLP records that got <paramref name="defaultInputDimension"/>; null to not count them.</param>
    public static Architecture? Convert(
        object? input, SearchSpace? searchSpace, string? propertyName, string label, out ErrorRecord? error,
        long defaultInputDimension = DefaultInputDimension, DefaultInputDimensions? defaulted = null)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        error = null;

        switch (value)
        {
            case null:
                error = Missing(input, $"{label} is empty, so there is no architecture to read.");
                return null;
            case Architecture architecture:
                return Check(architecture, searchSpace, input, label, out error);
            case ArchitectureRecord record:
                return Check(record.Definition, searchSpace, input, label, out error);
            case string text when searchSpace == SearchSpace.Mlp && !MlpFields.IsMlpString(text):
                // With -SearchSpace Mlp, a string of widths such as 64-128-64 is read as a LayerWidths value is.
                return FromWidthsText(text, input, label, defaultInputDimension, defaulted, out error);
            case string text:
                return Parse(text, searchSpace, input, label, out error);
        }

        // A dictionary's keys are not properties, so a hashtable is read as a record with one property per key.
        PSObject properties = value is IDictionary dictionary ? ToRecord(dictionary) : input as PSObject ?? PSObject.AsPSObject(value);
        PSPropertyInfo? property = ArchitectureProperties.Find(properties, propertyName);
        if (property is not null)
        {
            // A script property that throws reads as empty, so the record gets an error of its own, not the whole pipeline.
            object? propertyValue = RecordValues.Unwrap(RecordValues.Read(property));

            // A sweep that mixes encodings leaves the usual column empty on rows described by another, such as Widths.
            if (propertyName is null && IsBlank(propertyValue) && ArchitectureProperties.FindFilled(properties) is { } filled)
            {
                property = filled;
                propertyValue = RecordValues.Unwrap(RecordValues.Read(filled));
            }

            return propertyValue switch
            {
                Architecture architecture => Check(architecture, searchSpace, input, label, out error),
                ArchitectureRecord record => Check(record.Definition, searchSpace, input, label, out error),
                // With -SearchSpace Mlp, a sweep's own widths column, such as hidden, is read as a LayerWidths column.
                _ when MlpFields.IsWidthsName(property.Name) || searchSpace == SearchSpace.Mlp =>
                    FromWidthsRecord(properties, property, searchSpace, label, defaultInputDimension, defaulted, out error),
                IEnumerable items and not string =>
                    FromList(items, property.Name, properties, searchSpace, input, label, defaultInputDimension, defaulted, out error),
                _ => ParseRecordText(ArchitectureProperties.Text(propertyValue) ?? string.Empty, searchSpace, properties, input, label, out error),
            };
        }

        PSPropertyInfo? widths = properties.Properties[MlpFields.WidthsNames[0]] ?? properties.Properties[MlpFields.WidthsNames[1]];
        if (widths is not null && propertyName is null)
        {
            return FromWidthsRecord(properties, widths, searchSpace, label, defaultInputDimension, defaulted, out error);
        }

        string expected = propertyName is null
            ? "one of the properties " + string.Join(", ", ArchitectureProperties.Candidates) + ", or a widths property, LayerWidths or Widths"
            : $"the property '{propertyName}'";
        string found = DescribeFoundProperties(properties) + DescribeArchitectureProperty(properties, propertyName) + DescribeIndexProperty(properties);
        error = Missing(input, $"{label} has no architecture: expected {expected}.{found}");
        return null;
    }

    // A benchmark imported from a column of another name, such as a sweep's hidden column, reads back with that
    // column, so the first property whose text is a valid architecture is named.
    private static string DescribeArchitectureProperty(PSObject record, string? propertyName)
    {
        foreach (PSPropertyInfo property in record.Properties)
        {
            if (!string.Equals(property.Name, propertyName, StringComparison.OrdinalIgnoreCase) &&
                ArchitectureProperties.Text(RecordValues.Read(property)) is { } text && ArchitectureParser.Detect(text) is not null &&
                ArchitectureParser.TryParse(text, null, out _, out _))
            {
                string name = CompletionCache.Quote(property.Name);
                return $" Its property '{property.Name}' contains '{TextExcerpt.Of(text, 60)}'; give -ArchitectureProperty {name} to read it.";
            }
        }

        return string.Empty;
    }

    // Names the properties the record has, and a delimiter that Import-Csv did not split on, such as the semicolons
    // of a file that Excel saved under a German locale, which leave one property named 'a;b;c'.
    private static string DescribeFoundProperties(PSObject record)
    {
        const int MaxNamesQuoted = 5;
        List<string> names = record.Properties.Select(property => property.Name).ToList();
        if (names.Count == 0)
        {
            return " It has no properties.";
        }

        string quoted = string.Join(", ", names.Take(MaxNamesQuoted).Select(name => $"'{TextExcerpt.Of(name, 60)}'"));
        string more = names.Count > MaxNamesQuoted ? $" and {names.Count - MaxNamesQuoted:N0} more" : string.Empty;
        string found = names.Count == 1 ? $" Its one property is {quoted}." : $" Its properties are {quoted}{more}.";

        // Excel's first line such as sep=; names the delimiter, and Import-Csv takes it for the header.
        string first = names[0];
        if (first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && first.Length <= 5)
        {
            string named = first.Length == 5 ? DelimiterArgument(first[4]) : "<the character after sep=>";
            return $"{found} The file starts with Excel's line '{first}', which Import-Csv reads as the header. Skip it with " +
                $"Get-Content <file> | Select-Object -Skip 1 | ConvertFrom-Csv -Delimiter {named}, or import the file with " +
                "Import-CanopyBenchmark, which reads that line.";
        }

        char? delimiter = names.Any(name => name.Contains(';')) ? ';' : names.Any(name => name.Contains('\t')) ? '\t' : null;
        return delimiter is null
            ? found
            : $"{found} A property name holds the file's delimiter, so read the file with Import-Csv -Delimiter {DelimiterArgument(delimiter.Value)}.";
    }

    // Writes a delimiter as a PowerShell argument: a tab as "`t", any other character in single quotes.
    private static string DelimiterArgument(char delimiter) =>
        delimiter == '\t' ? "\"`t\"" : $"'{(delimiter == '\'' ? "''" : delimiter.ToString())}'";

    // A record keyed only by its benchmark index, such as a NATS-Bench results table, gets the way to its architecture.
    private static string DescribeIndexProperty(PSObject record)
    {
        string? name = BenchmarkIndexText.FindIndexName(record.Properties.Select(property => property.Name));
        return name is null ? string.Empty : $" Its property '{name}' is a benchmark index. {BenchmarkIndexText.Remedy}";
    }

    /// <summary>Returns a record with one note property per non-blank key of the dictionary, in the dictionary's order.</summary>
    public static PSObject ToRecord(IDictionary dictionary)
    {
        var record = new PSObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            string name = ArchitectureProperties.Text(entry.Key) ?? string.Empty;
            if (name.Length > 0 && record.Properties[name] is null)
            {
                record.Properties.Add(new PSNoteProperty(name, entry.Value));
            }
        }

        return record;
    }

    /// <summary>
    /// Wraps a record for output, showing SearchSpace, ParameterCount, Flops and Architecture by default; the other
    /// properties stay available to Select-Object and Format-List.
    /// </summary>
    public static PSObject ToOutput(ArchitectureRecord record)
    {
        var output = new PSObject(record);
        var displaySet = new PSPropertySet("DefaultDisplayPropertySet", DisplayedProperties);
        output.Members.Add(new PSMemberSet("PSStandardMembers", new PSMemberInfo[] { displaySet }));
        return output;
    }

    private static Architecture? Parse(string text, SearchSpace? searchSpace, object? target, string label, out ErrorRecord? error)
    {
        if (ArchitectureParser.TryParse(text, searchSpace, out Architecture? architecture, out string? message))
        {
            error = null;
            return architecture;
        }

        error = Invalid(target, $"{label}: {message}");
        return null;
    }

    private static Architecture? Check(Architecture architecture, SearchSpace? searchSpace, object? target, string label, out ErrorRecord? error)
    {
        if (searchSpace is null || architecture.SearchSpace == searchSpace)
        {
            error = null;
            return architecture;
        }

        error = Invalid(target, $"{label}: {architecture.Canonical} is a {architecture.SearchSpace} architecture, not {searchSpace}.");
        return null;
    }

    // Text is read by its form first. Only text of no recognised form is read in the space that a SearchSpace
    // property names, which the records of Get-CanopyBenchmark and of these cmdlets carry. Looking the property up for
    // every record would cost as much as scoring it, and the form's own error is the more precise one.
    private static Architecture? ParseRecordText(string text, SearchSpace? searchSpace, PSObject record, object? target, string label, out ErrorRecord? error)
    {
        Architecture? architecture = Parse(text, searchSpace, target, label, out error);
        if (architecture is not null || searchSpace is not null || ArchitectureParser.Detect(text) is not null || HintedSearchSpace(record) is not { } hint)
        {
            return architecture;
        }

        return Parse(text, hint, target, label, out error);
    }

    private static SearchSpace? HintedSearchSpace(PSObject record)
    {
        object? value = record.Properties["SearchSpace"] is { } property ? RecordValues.Read(property) : null;
        return ScoringColumns.TryParseEnum(value, out SearchSpace space) ? space : null;
    }

    private static Architecture? FromWidthsRecord(
        PSObject record, PSPropertyInfo widths, SearchSpace? searchSpace, string label, long defaultInputDimension,
        DefaultInputDimensions? defaulted, out ErrorRecord? error)
    {
        string[] widthTexts = WidthTexts(RecordValues.Read(widths));
        if (widthTexts is [string text] && MlpFields.IsMlpString(text))
        {
            return Parse(text, searchSpace, record, label, out error);
        }

        string? rawDimension = record.Properties[MlpFields.InputDimensionName] is { } dimension ? ArchitectureProperties.Text(RecordValues.Read(dimension)) : null;
        if (!MlpFields.TryParseInputDimension(rawDimension, defaultInputDimension, out long inputDimension, out string? message))
        {
            error = ErrorRecords.Create(new FormatException($"{label}: {message}"), "InputDimensionInvalid", ErrorCategory.InvalidData, record);
            return null;
        }

        if (!MlpFields.TryCreate(widthTexts, inputDimension, out MlpArchitecture? mlp, out message))
        {
            error = Invalid(record, $"{label}: invalid {widths.Name}: {DescribeOtherSpace(widthTexts) ?? message}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(rawDimension))
        {
            defaulted?.Add(record, widths.Name);
        }

        return Check(mlp!, searchSpace, record, label, out error);
    }

    private static Architecture? FromWidthsText(string text, object? target, string label, long defaultInputDimension, DefaultInputDimensions? defaulted, out ErrorRecord? error)
    {
        if (!MlpFields.TryCreate(new[] { text }, defaultInputDimension, out MlpArchitecture? mlp, out string? message))
        {
            error = Invalid(target, $"{label}: invalid widths '{TextExcerpt.Of(text, 60)}': {DescribeOtherSpace(new[] { text }) ?? message}");
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

    private static bool IsBlank(object? value) => value is null || (value is string text && string.IsNullOrWhiteSpace(text));

    // A JSON array such as [64, 128, 64] lists whole numbers: the channels of a NATS-Bench size network with
    // -SearchSpace NatsSize, else the hidden widths of an MLP. A list of anything else is not one architecture.
    private static Architecture? FromList(
        IEnumerable items, string propertyName, PSObject record, SearchSpace? searchSpace, object? target, string label,
        long defaultInputDimension, DefaultInputDimensions? defaulted, out ErrorRecord? error)
    {
        string[] texts = WidthTexts(items);
        bool wholeNumbers = texts.Length > 0 && texts.All(text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        if (wholeNumbers && searchSpace == SearchSpace.NatsSize)
        {
            return Parse(string.Join(':', texts), searchSpace, target, label, out error);
        }

        if (wholeNumbers && record.Properties[propertyName] is { } property)
        {
            return FromWidthsRecord(record, property, searchSpace, label, defaultInputDimension, defaulted, out error);
        }

        const int MaxValuesQuoted = 4;
        string quoted = string.Join(", ", items.Cast<object?>().Take(MaxValuesQuoted).Select(DescribeListItem));
        string more = texts.Length > MaxValuesQuoted ? ", ..." : string.Empty;
        error = Invalid(target,
            $"{label}: the property '{propertyName}' holds a list of {(texts.Length == 1 ? "1 value" : $"{texts.Length:N0} values")} ({quoted}{more}), not one architecture string. " +
            "A list is read only when it holds whole numbers: the hidden widths of an MLP, or with -SearchSpace NatsSize the channels of a size-space network.");
        return null;
    }

    // A nested list would print as System.Object[], so it is shown as brackets.
    private static string DescribeListItem(object? item) => RecordValues.Unwrap(item) switch
    {
        IEnumerable and not string => "[...]",
        var value => $"'{TextExcerpt.Of(ArchitectureProperties.Text(value) ?? string.Empty, 30)}'",
    };

    private static string[] WidthTexts(object? value)
    {
        object? unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (unwrapped is not string && unwrapped is IEnumerable items)
        {
            return items.Cast<object?>().Select(item => ArchitectureProperties.Text(item) ?? string.Empty).ToArray();
        }

        return new[] { ArchitectureProperties.Text(unwrapped) ?? string.Empty };
    }

    private static ErrorRecord Invalid(object? target, string message) =>
        ErrorRecords.Create(new FormatException(message), "ArchitectureInvalid", ErrorCategory.InvalidData, target);

    private static ErrorRecord Missing(object? target, string message) =>
        ErrorRecords.Create(new ArgumentException(message), "ArchitectureMissing", ErrorCategory.InvalidData, target);
}

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
                return WidthRecords.FromText(text, input, label, defaultInputDimension, defaulted, out error);
            case string text:
                return Parse(text, searchSpace, input, label, out error);
            case IList list:
                // -InputObject takes a list whole, as PowerShell's own cmdlets do, and its properties are Length and Count.
                error = Missing(input, $"{label} is a list of {list.Count:N0} objects, but -InputObject takes one object. Pipe the list to the command instead, so that each object is read on its own.");
                return null;
        }

        // A dictionary's keys are not properties, so a hashtable is read as a record with one property per key.
        PSObject properties = value is IDictionary dictionary ? ToRecord(dictionary) : input as PSObject ?? PSObject.AsPSObject(value);
        PSPropertyInfo? property = ArchitectureProperties.Find(properties, propertyName);
        if (property is not null)
        {
            // A script property that throws reads as empty, so the record gets an error of its own, not the whole pipeline.
            object? propertyValue = RecordValues.Unwrap(RecordValues.Read(property));

            // A sweep that mixes encodings leaves the usual column empty on rows described by another, such as Widths.
            if (propertyName is null && RecordValues.IsBlank(propertyValue) && ArchitectureProperties.FindFilled(properties) is { } filled)
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
                    WidthRecords.FromRecord(properties, property, searchSpace, label, defaultInputDimension, defaulted, out error),
                IList items => ArchitectureLists.Parse(items, property.Name, searchSpace, input, label, out error),
                // A nested record would read as empty text or as its type name, which would misname the fault.
                PSCustomObject or IDictionary => NestedObject(input, property.Name, label, out error),
                _ => ParseRecordText(ArchitectureProperties.Text(propertyValue) ?? string.Empty, searchSpace, properties, input, label, out error),
            };
        }

        PSPropertyInfo? widths = properties.Properties[MlpFields.WidthsNames[0]] ?? properties.Properties[MlpFields.WidthsNames[1]];
        if (widths is not null && propertyName is null)
        {
            return WidthRecords.FromRecord(properties, widths, searchSpace, label, defaultInputDimension, defaulted, out error);
        }

        string expected = propertyName is null
            ? "one of the properties " + string.Join(", ", ArchitectureProperties.Candidates) + ", or a widths property, LayerWidths or Widths"
            : $"the property '{propertyName}'";
        string found = MissingArchitectureText.Describe(properties, propertyName);
        error = Missing(input, $"{label} has no architecture: expected {expected}.{found}");
        return null;
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

    internal static Architecture? Parse(string text, SearchSpace? searchSpace, object? target, string label, out ErrorRecord? error)
    {
        if (ArchitectureParser.TryParse(text, searchSpace, out Architecture? architecture, out string? message))
        {
            error = null;
            return architecture;
        }

        error = Invalid(target, $"{label}: {message}");
        return null;
    }

    internal static Architecture? Check(Architecture architecture, SearchSpace? searchSpace, object? target, string label, out ErrorRecord? error)
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

    private static Architecture? NestedObject(object? target, string propertyName, string label, out ErrorRecord? error)
    {
        error = Invalid(target, $"{label}: the property '{propertyName}' contains an object with properties of its own, not an architecture string.");
        return null;
    }

    internal static ErrorRecord Invalid(object? target, string message) =>
        ErrorRecords.Create(new FormatException(message), "ArchitectureInvalid", ErrorCategory.InvalidData, target);

    private static ErrorRecord Missing(object? target, string message) =>
        ErrorRecords.Create(new ArgumentException(message), "ArchitectureMissing", ErrorCategory.InvalidData, target);
}

using System;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;
using Canopy.Search;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Updates the Mode, Dataset and DartsNetwork columns of a record that is scored again. Only a column that already
/// names a Canopy value is updated: a Dataset of svhn, say, belongs to the record and stays. A Mode or DartsNetwork
/// of a JSON file that an earlier Canopy wrote contains the member's number, which counts as a Canopy value too. The Formula, RegionCount
/// and IsExactMaximum columns of an exported score object describe the earlier mode, so they are updated too. No
/// column is added.
/// </summary>
internal static class ScoringColumns
{
    public static void Update(PSObject record, ArchitectureScore score)
    {
        Replace(record, "Mode", score.Mode, value => TryParseEnum<RegionMode>(value));
        if (score.Dataset is { } dataset)
        {
            Replace(record, "Dataset", dataset, value => DatasetNames.TryParse(Unwrap(value), out _));
        }

        if (score.DartsNetwork is { } network)
        {
            Replace(record, "DartsNetwork", network, value => TryParseEnum<DartsNetwork>(value));
        }

        Replace(record, "Formula", score.Formula, _ => true);
        Replace(record, "RegionCount", score.RegionCount, _ => true);
        Replace(record, "IsExactMaximum", score.IsExactMaximum, _ => true);
    }

    /// <summary>
    /// Reads a value as a member of an enum, as it comes from the object, from a CSV file, or as a number from a JSON
    /// file that an earlier Canopy wrote.
    /// </summary>
    public static bool TryParseEnum<TEnum>(object? value, out TEnum parsed)
        where TEnum : struct, Enum => EnumProperties.TryParse(Unwrap(value), out parsed);

    private static bool TryParseEnum<TEnum>(object? value)
        where TEnum : struct, Enum => TryParseEnum<TEnum>(value, out _);

    private static void Replace(PSObject record, string name, object? value, Func<object?, bool> namesCanopyValue)
    {
        PSPropertyInfo? existing = record.Properties[name];
        if (existing is null || !namesCanopyValue(ReadValue(existing)))
        {
            return;
        }

        if (existing is PSNoteProperty note)
        {
            note.Value = value;
        }
        else
        {
            ScoreProperties.Shadow(record, name, value);
        }
    }

    /// <summary>Returns the property's value, or null when it is a script property that throws.</summary>
    public static object? ReadValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}

using System;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Costs;
using Canopy.Regions;
using Canopy.Scoring;
using Canopy.Search;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Updates the Mode, Dataset, DartsNetwork and Network columns of a record that is scored again. Only a column that
/// already names a Canopy value is updated: a Dataset of svhn, say, belongs to the record and stays. A Mode or DartsNetwork
/// that contains the member's number, as ConvertTo-Json writes an enum value, counts as a Canopy value too. The Formula, RegionCount
/// and IsExactMaximum columns of an exported score object describe the earlier mode, so they are updated too. No
/// column is added.
/// </summary>
internal static class ScoringColumns
{
    /// <param name="record">The record, whose columns are all Canopy's.</param>
    /// <param name="score">The new score.</param>
    /// <param name="architecture">The architecture that was scored.</param>
    /// <param name="dartsNetwork">The network a DARTS genotype without cell widths was scored in.</param>
    public static void Update(PSObject record, ArchitectureScore score, Architecture architecture, DartsNetwork dartsNetwork)
    {
        Replace(record, "Mode", score.Mode, value => TryParseEnum<RegionMode>(value));
        if (score.Dataset is { } dataset)
        {
            Replace(record, "Dataset", dataset, value => DatasetNames.TryParse(RecordValues.Unwrap(value), out _));
        }

        // A genotype with cell widths is in no benchmark network, so a DartsNetwork that names one is emptied.
        if (score.DartsNetwork is not null || architecture is DartsGenotype)
        {
            Replace(record, "DartsNetwork", score.DartsNetwork, value => TryParseEnum<DartsNetwork>(value));
        }

        Replace(
            record,
            "Network",
            NetworkDescription.Of(architecture, dartsNetwork),
            value => NetworkDescription.Describes(ArchitectureProperties.Text(value), architecture));

        Replace(record, "Formula", score.Formula, _ => true);
        Replace(record, "RegionCount", score.RegionCount, _ => true);
        Replace(record, "IsExactMaximum", score.IsExactMaximum, _ => true);
    }

    /// <summary>
    /// Reads a value as a member of an enum, as it comes from the object or from a CSV file, or as the member's number, as
    /// ConvertTo-Json writes an enum value.
    /// </summary>
    public static bool TryParseEnum<TEnum>(object? value, out TEnum parsed)
        where TEnum : struct, Enum => EnumProperties.TryParse(RecordValues.Unwrap(value), out parsed);

    private static bool TryParseEnum<TEnum>(object? value)
        where TEnum : struct, Enum => TryParseEnum<TEnum>(value, out _);

    private static void Replace(PSObject record, string name, object? value, Func<object?, bool> namesCanopyValue)
    {
        PSPropertyInfo? existing = record.Properties[name];
        if (existing is null || !namesCanopyValue(RecordValues.Read(existing)))
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
}

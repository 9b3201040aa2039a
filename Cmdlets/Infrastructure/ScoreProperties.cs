using System;
using System.Collections.Generic;
using System.Management.Automation;
using Canopy.Scoring;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Adds a score's TropicalScore, ParameterCount, Flops and SearchSpace to a record as note properties. Scoring the
/// record again updates the notes that Canopy added. A non-empty column of the record's own with one of these names
/// is kept, because benchmark files often carry their own published params and flops. TropicalScore is always set,
/// so a record can be scored again in another mode.
/// </summary>
internal sealed class ScoreProperties
{
    private static readonly string[] Names = { "TropicalScore", "ParameterCount", "Flops", "SearchSpace" };

    private readonly HashSet<string> _keptColumns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of the record columns that were kept with a value different from Canopy's.</summary>
    public IReadOnlyCollection<string> Kept => _keptColumns;

    /// <summary>Adds or updates the four properties and returns the record.</summary>
    public PSObject Annotate(PSObject record, ArchitectureScore score)
    {
        Set(record, Names[0], score.TropicalScore, overwriteOwn: true);
        Set(record, Names[1], score.ParameterCount, overwriteOwn: false);
        Set(record, Names[2], score.Flops, overwriteOwn: false);
        Set(record, Names[3], score.SearchSpace, overwriteOwn: false);
        return record;
    }

    /// <summary>Empties the properties an earlier scoring added, so that a failed scoring leaves no stale score.</summary>
    public static void Clear(PSObject record)
    {
        foreach (string name in Names)
        {
            if (record.Properties[name] is ScoreNoteProperty note)
            {
                note.Value = null;
            }
        }
    }

    private void Set(PSObject record, string name, object? value, bool overwriteOwn)
    {
        PSPropertyInfo? existing = record.Properties[name];
        if (existing is null)
        {
            // The lookup already established that the name is free, so Add need not search for it again.
            record.Properties.Add(new ScoreNoteProperty(name, value), preValidated: true);
            return;
        }

        if (existing is ScoreNoteProperty || (existing.IsSettable && (overwriteOwn || IsEmptyNote(existing))))
        {
            existing.Value = value;
            return;
        }

        if (overwriteOwn)
        {
            record.Properties.Remove(name);
            record.Properties.Add(new ScoreNoteProperty(name, value), preValidated: true);
            return;
        }

        // A value that already agrees, such as the SearchSpace of Get-CanopyBenchmark's records, needs no warning.
        if (!string.Equals(ArchitectureProperties.Text(existing.Value), ArchitectureProperties.Text(value), StringComparison.OrdinalIgnoreCase))
        {
            _keptColumns.Add(existing.Name);
        }
    }

    // An empty cell of a CSV file is a missing value, which Canopy's count may fill.
    private static bool IsEmptyNote(PSPropertyInfo property) =>
        property is PSNoteProperty && string.IsNullOrWhiteSpace(ArchitectureProperties.Text(property.Value));

    /// <summary>A note property that Canopy added, which a later scoring of the record may update.</summary>
    private sealed class ScoreNoteProperty : PSNoteProperty
    {
        public ScoreNoteProperty(string name, object? value)
            : base(name, value)
        {
        }

        // PSObject.Copy copies every member, and the copy should stay Canopy's.
        public override PSMemberInfo Copy() => new ScoreNoteProperty(Name, Value);
    }
}

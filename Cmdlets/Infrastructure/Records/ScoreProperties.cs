using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using Canopy.Architectures;
using Canopy.Scoring;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>What <see cref="ScoreProperties.Annotate"/> found on a record.</summary>
/// <param name="CanopyColumns">Whether all its columns were Canopy's, so that they now describe the new score.</param>
/// <param name="KeptOwnCount">Whether it kept a ParameterCount or Flops of its own that differs from Canopy's.</param>
/// <param name="ChangedCounts">The ParameterCount or Flops that Canopy replaced with a different count, if any.</param>
internal readonly record struct Annotation(bool CanopyColumns, bool KeptOwnCount, CountChange? ChangedCounts);

/// <summary>
/// Adds a score's TropicalScore, ParameterCount, Flops and SearchSpace to a record as note properties.
/// <list type="bullet">
/// <item>A record with a TropicalScore that Canopy did not add came out of an earlier scoring, perhaps through
/// Export-Csv. A record whose Network column contains Canopy's description of the architecture's network came out of
/// New-CanopyArchitecture or Get-CanopyArchitecture. All four columns of such records are Canopy's and are
/// replaced, except a count column spelt otherwise, such as NASLib's flops, which an earlier scoring kept as the
/// record's own.</item>
/// <item>On any other record, a non-empty ParameterCount or Flops column is the record's own and is kept, because
/// benchmark files often carry their own published counts. An empty cell gets Canopy's count only in a column spelt
/// as Canopy spells it. A SearchSpace column that names another Canopy search
/// space contradicts the architecture and is replaced. Any other SearchSpace value is kept.</item>
/// </list>
/// </summary>
internal sealed class ScoreProperties
{
    private const string TropicalScoreName = "TropicalScore";
    private const string ParameterCountName = "ParameterCount";
    private const string FlopsName = "Flops";
    private const string SearchSpaceName = "SearchSpace";
    private const string DartsNetworkName = "DartsNetwork";
    private const string DatasetName = "Dataset";
    private const string ModeName = "Mode";

    private static readonly string[] Names = { TropicalScoreName, ParameterCountName, FlopsName, SearchSpaceName };

    // Values this module wrote into columns of the record's own, such as an empty Flops column. A boxed value travels
    // with the record, into copies too, so a later scoring can distinguish it from a value the record brought.
    private static readonly ConditionalWeakTable<object, object> WrittenValues = new();

    private readonly ExportedArchitectures _exportedArchitectures = new();
    private readonly HashSet<string> _keptColumns = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _replacedColumns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _filledColumns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _leftEmptyColumns = new(StringComparer.OrdinalIgnoreCase);

    // The number of records that kept a value of their own that differs from Canopy's.
    private long KeptRecordCount { get; set; }

    // The number of records whose SearchSpace was replaced.
    private long ReplacedRecordCount { get; set; }

    // The count columns that hold Canopy's counts in some records and the records' own values in others, such as a
    // published flops column with one empty cell, each with the number of records whose empty cell Canopy filled.
    private IEnumerable<KeyValuePair<string, long>> Mixed => _filledColumns.Where(column => _keptColumns.Contains(column.Key));

    /// <summary>
    /// Returns the warnings about the records' own columns: values kept in place of Canopy's, columns that mix both,
    /// and search spaces that Canopy replaced.
    /// </summary>
    public IEnumerable<string> Describe()
    {
        if (KeptRecordCount > 0)
        {
            string records = KeptRecordCount == 1
                ? $"1 record already had {Quoted(_keptColumns)}; its values were"
                : $"{KeptRecordCount:N0} records already had {Quoted(_keptColumns)}; those values were";
            yield return $"{records} kept and Canopy's were not added. Rename the columns to see both.";
        }

        foreach ((string column, long filled) in Mixed)
        {
            string records = filled == 1 ? "1 record had an empty" : $"{filled:N0} records had an empty";
            yield return $"{records} '{column}', which Canopy's count filled, while other records kept their own values there, so the column mixes two kinds of count. Rename the column to keep them apart.";
        }

        foreach ((string column, long empty) in _leftEmptyColumns)
        {
            string records = empty == 1 ? "1 record had an empty" : $"{empty:N0} records had an empty";
            string canopyName = column.Equals(FlopsName, StringComparison.OrdinalIgnoreCase) ? FlopsName : ParameterCountName;
            yield return $"{records} '{column}', which stays empty, because Canopy fills only a column spelt {canopyName}. Rename the column to {canopyName} to get Canopy's count there.";
        }

        if (ReplacedRecordCount > 0)
        {
            string records = ReplacedRecordCount == 1 ? "1 record had" : $"{ReplacedRecordCount:N0} records had";
            yield return $"{records} a {Quoted(_replacedColumns)} that named another search space than the architecture's; Canopy's value replaced it.";
        }
    }

    /// <summary>
    /// Adds or updates the four properties. A record whose columns are all Canopy's, an exported score or
    /// architecture record, gets all four replaced. Its Mode, Dataset, DartsNetwork and Network columns that name a
    /// Canopy value are set to describe the new score too.
    /// </summary>
    /// <param name="record">The record to annotate.</param>
    /// <param name="score">The new score.</param>
    /// <param name="architecture">The architecture that was scored.</param>
    /// <param name="dartsNetwork">The network a DARTS genotype without cell widths was scored in.</param>
    public Annotation Annotate(PSObject record, ArchitectureScore score, Architecture architecture, DartsNetwork dartsNetwork)
    {
        PSPropertyInfo? earlierScore = record.Properties[TropicalScoreName];

        // Canopy's own properties and values are known while the record is in memory, so a record scored earlier keeps
        // the columns that were its own. A TropicalScore that Canopy did not add, as after Export-Csv, or a Network
        // column that Canopy wrote makes every column Canopy's.
        bool canopyColumns = (earlierScore is not null && earlierScore is not ScoreNoteProperty { IsAdded: true }) ||
            _exportedArchitectures.Recognise(record, architecture);
        bool keptValue = false;
        bool keptCount = false;

        Set(record, earlierScore, TropicalScoreName, score.TropicalScore, replace: true, ref keptValue);

        // The earlier counts are read only when the record has them, so that records scored for the first time pay nothing.
        PSPropertyInfo? parameterCount = record.Properties[ParameterCountName];
        PSPropertyInfo? flops = record.Properties[FlopsName];
        object? oldParameterCount = parameterCount is null ? null : RecordValues.Read(parameterCount);
        object? oldFlops = flops is null ? null : RecordValues.Read(flops);
        bool parameterCountReplaced = Set(record, parameterCount, ParameterCountName, score.ParameterCount, replace: canopyColumns && HasCanopyName(parameterCount), ref keptCount, isCount: true);
        bool flopsReplaced = Set(record, flops, FlopsName, score.Flops, replace: canopyColumns && HasCanopyName(flops), ref keptCount, isCount: true);
        CountChange? changedCounts = parameterCountReplaced || flopsReplaced
            ? CountChange.Of(parameterCountReplaced ? oldParameterCount : null, score.ParameterCount, flopsReplaced ? oldFlops : null, score.Flops)
            : null;

        PSPropertyInfo? searchSpace = record.Properties[SearchSpaceName];
        bool contradicts = !canopyColumns && NamesOtherSearchSpace(searchSpace, score.SearchSpace);
        if (contradicts)
        {
            _replacedColumns.Add(searchSpace!.Name);
            ReplacedRecordCount++;
        }

        Set(record, searchSpace, SearchSpaceName, score.SearchSpace, replace: canopyColumns || contradicts, ref keptValue);
        KeptRecordCount += keptValue || keptCount ? 1 : 0;

        if (canopyColumns)
        {
            ScoringColumns.Update(record, score, architecture, dartsNetwork);
        }

        return new Annotation(canopyColumns, keptCount, changedCounts);
    }

    /// <summary>
    /// Empties the four properties of a record that an earlier scoring annotated, so that a failed scoring leaves no
    /// stale score. Records without a TropicalScore are left as they are.
    /// </summary>
    public static void Clear(PSObject record)
    {
        if (record.Properties[TropicalScoreName] is null)
        {
            return;
        }

        foreach (string name in Names)
        {
            PSPropertyInfo? property = record.Properties[name];
            if (property is PSNoteProperty note)
            {
                note.Value = null;
            }
            else if (property is not null)
            {
                Shadow(record, name, value: null);
            }
        }
    }

    /// <summary>
    /// Adds the DartsNetwork property to the record of a DARTS genotype, the Dataset property to a record scored on
    /// <paramref name="dataset"/>, and the Mode property when -Mode was given. So Export-Csv keeps the network the counts
    /// belong to, and scoring the file again gives the same counts. A property the record brought is left to
    /// <see cref="Annotate"/>.
    /// </summary>
    /// <param name="record">The annotated record.</param>
    /// <param name="score">The new score.</param>
    /// <param name="architecture">The architecture that was scored.</param>
    /// <param name="dataset">
    /// Whether to add or update the Dataset property. NATS-Bench records scored on cifar10 without -Dataset get no
    /// property, because cifar10 is the default and each lookup of a missing name costs time on every record.
    /// </param>
    /// <param name="dartsNetworkGiven">Whether -DartsNetwork was given, so that every record gets the DartsNetwork property.</param>
    /// <param name="modeGiven">
    /// Whether -Mode was given, so that every record names the count its TropicalScore holds. Without it the score is
    /// Generic, and records get no Mode property, because each added property costs time on every record.
    /// </param>
    /// <remarks>
    /// Export-Csv takes its columns from the first record. So a property that some records need is added to every
    /// record, empty where it does not apply, such as the Dataset of an MLP. Otherwise an MLP first in the file would
    /// drop the column, and scoring the file again would score its cells on cifar10.
    /// </remarks>
    public static void AddSettingColumns(PSObject record, ArchitectureScore score, Architecture architecture, bool dataset, bool dartsNetworkGiven, bool modeGiven)
    {
        if (modeGiven)
        {
            SetSettingColumn(record, ModeName, score.Mode);
        }

        // A genotype with cell widths gets an empty DartsNetwork, as its score object has.
        if (architecture is DartsGenotype || dartsNetworkGiven)
        {
            SetSettingColumn(record, DartsNetworkName, score.DartsNetwork);
        }

        if (dataset)
        {
            SetSettingColumn(record, DatasetName, score.Dataset);
        }
    }

    private static void SetSettingColumn(PSObject record, string name, string? value)
    {
        PSPropertyInfo? existing = record.Properties[name];
        if (existing is null)
        {
            record.Properties.Add(new ScoreNoteProperty(name, value, isAdded: true), preValidated: true);
        }
        else if (existing is ScoreNoteProperty)
        {
            existing.Value = value;
        }
    }

    // Returns whether a value the record had was overwritten. An empty cell of the record's own that gets Canopy's value
    // is counted, so that a column mixing both can be reported, and so is an empty count cell that stays empty.
    private bool Set(PSObject record, PSPropertyInfo? existing, string name, object? value, bool replace, ref bool keptValue, bool isCount = false)
    {
        if (existing is null)
        {
            // The lookup already established that the name is free, so Add need not search for it again.
            record.Properties.Add(new ScoreNoteProperty(name, value, isAdded: true), preValidated: true);
            return false;
        }

        if (existing is ScoreNoteProperty)
        {
            existing.Value = value;
            return true;
        }

        // Only a count column spelt as Canopy spells it gets Canopy's count in an empty cell. A column spelt otherwise, such
        // as NASLib's flops in MFLOPs, measures something else, so its empty cell stays empty.
        bool empty = existing is PSNoteProperty && !replace && !IsWrittenByCanopy(existing) && IsEmptyNote(existing);
        if (empty && isCount && !HasCanopyName(existing))
        {
            _leftEmptyColumns[existing.Name] = _leftEmptyColumns.GetValueOrDefault(existing.Name) + 1;
            return false;
        }

        if (existing is PSNoteProperty && (replace || empty || IsWrittenByCanopy(existing)))
        {
            existing.Value = value;
            if (empty && isCount)
            {
                _filledColumns[existing.Name] = _filledColumns.GetValueOrDefault(existing.Name) + 1;
            }

            // Each number is boxed afresh for this record, but a string such as a search space name may be shared.
            if (value is not null and not string)
            {
                WrittenValues.AddOrUpdate(value, WrittenValues);
            }

            return true;
        }

        if (replace)
        {
            Shadow(record, name, value);
            return true;
        }

        // A value that already agrees, such as the SearchSpace of Get-CanopyBenchmark's records, needs no warning.
        if (!string.Equals(ArchitectureProperties.Text(RecordValues.Read(existing)), ArchitectureProperties.Text(value), StringComparison.OrdinalIgnoreCase))
        {
            _keptColumns.Add(existing.Name);
            keptValue = true;
        }

        return false;
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(name => "'" + name + "'"));

    // A property of the object itself, typed or read-only, is never written: a note of the same name hides it, because
    // PowerShell looks up instance members first.
    internal static void Shadow(PSObject record, string name, object? value)
    {
        record.Properties.Remove(name);
        record.Properties.Add(new ScoreNoteProperty(name, value, isAdded: false), preValidated: true);
    }

    // Export-Csv keeps the spelling of a name, and Canopy writes its own in this case. A column such as NASLib's
    // "flops", which the first scoring kept in place of Canopy's Flops, stays the file's own in every later scoring.
    private static bool HasCanopyName(PSPropertyInfo? property) =>
        property is null || Array.IndexOf(Names, property.Name) >= 0;

    private static bool IsWrittenByCanopy(PSPropertyInfo property) =>
        property is ScoreNoteProperty || (property is PSNoteProperty { Value: { } value } && WrittenValues.TryGetValue(value, out _));

    // Only a value that is itself a Canopy search space can contradict the one the architecture belongs to.
    private static bool NamesOtherSearchSpace(PSPropertyInfo? property, string searchSpace)
    {
        if (property is null or ScoreNoteProperty)
        {
            return false;
        }

        string? text = ArchitectureProperties.Text(RecordValues.Read(property))?.Trim();
        return Enum.TryParse(text, ignoreCase: true, out SearchSpace named) && Enum.IsDefined(named) && !char.IsDigit(text![0]) &&
            !string.Equals(named.ToString(), searchSpace, StringComparison.OrdinalIgnoreCase);
    }

    // An empty cell of a CSV file is a missing value, which Canopy's count may fill. A nested object, such as NASLib's
    // {score, time} pair, prints as empty text but is data.
    private static bool IsEmptyNote(PSPropertyInfo property) =>
        property is PSNoteProperty && (property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value) switch
        {
            null or DBNull => true,
            string text => string.IsNullOrWhiteSpace(text),
            _ => false,
        };

    /// <summary>A note property that Canopy added, which a later scoring of the record may update.</summary>
    private sealed class ScoreNoteProperty : PSNoteProperty
    {
        public ScoreNoteProperty(string name, object? value, bool isAdded)
            : base(name, value)
        {
            IsAdded = isAdded;
        }

        /// <summary>
        /// Whether the record had no property of this name, as opposed to a typed property that this note hides.
        /// </summary>
        public bool IsAdded { get; }

        // PSObject.Copy copies every member, and the copy should stay Canopy's.
        public override PSMemberInfo Copy() => new ScoreNoteProperty(Name, Value, IsAdded);
    }
}

using System.Management.Automation;
using System.Runtime.CompilerServices;
using Canopy.Scoring;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Attaches scores to PSCustomObject records through the type name <see cref="TypeName"/>, whose code properties
/// (TropicalScore, ParameterCount, Flops, SearchSpace, declared in Canopy.Types.ps1xml) read the score back.
/// One type name costs a fraction of four note properties per record, and Export-Csv, ConvertTo-Json,
/// Select-Object and serialization still see four ordinary properties.
/// </summary>
public static class ScoredRecords
{
    /// <summary>The type name that Canopy.Types.ps1xml gives the four score properties.</summary>
    public const string TypeName = "Canopy.ScoredRecord";

    // Keyed by the PSObject itself, because every PSCustomObject shares one base object. The table keeps no record
    // alive.
    private static readonly ConditionalWeakTable<PSObject, ArchitectureScore> Scores = new();

    /// <summary>Returns whether <paramref name="record"/> can carry its score through the type name.</summary>
    public static bool CanAttach(PSObject record) => record.BaseObject is PSCustomObject;

    /// <summary>Gives the record <paramref name="score"/>, replacing a score attached before.</summary>
    public static void Attach(PSObject record, ArchitectureScore score)
    {
        Scores.AddOrUpdate(record, score);

        if (record.TypeNames.Count == 0 || record.TypeNames[0] != TypeName)
        {
            record.TypeNames.Insert(0, TypeName);
        }
    }

    /// <summary>Returns whether <paramref name="property"/> is one of the code properties this class provides.</summary>
    public static bool IsScoreProperty(PSPropertyInfo property) =>
        property is PSCodeProperty code && code.GetterCodeReference?.DeclaringType == typeof(ScoredRecords);

    /// <summary>Returns the TropicalScore attached to the record, or null.</summary>
    public static double? GetTropicalScore(PSObject instance) => Find(instance)?.TropicalScore;

    /// <summary>Returns the ParameterCount attached to the record, or null.</summary>
    public static long? GetParameterCount(PSObject instance) => Find(instance)?.ParameterCount;

    /// <summary>Returns the Flops attached to the record, or null.</summary>
    public static long? GetFlops(PSObject instance) => Find(instance)?.Flops;

    /// <summary>Returns the SearchSpace attached to the record, or null.</summary>
    public static string? GetSearchSpace(PSObject instance) => Find(instance)?.SearchSpace;

    private static ArchitectureScore? Find(PSObject instance) =>
        Scores.TryGetValue(instance, out ArchitectureScore? score) ? score : null;
}

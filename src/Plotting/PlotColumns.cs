using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Plotting;

/// <summary>The record properties a plot reads, after the defaults of its kind are applied.</summary>
/// <param name="X">The x coordinate, or for a modes plot the category of each bar group.</param>
/// <param name="Y">The y coordinate or bar height.</param>
/// <param name="Group">The property that splits records into lines or bar series, or null for a correlation plot.</param>
/// <param name="GroupRequired">False when the group property was a default that the records may lack.</param>
/// <param name="Seed">The property that distinguishes the runs of one group. Only trajectory plots read it.</param>
public sealed record PlotColumns(string X, string Y, string? Group, bool GroupRequired, string? Seed)
{
    /// <summary>
    /// Applies the defaults of <paramref name="kind"/> to the properties the caller named, reading the first record:
    /// Correlation reads TropicalScore against the first property whose name contains "acc" and whose value is not a
    /// Boolean. Trajectory reads BestTarget (or BestScore when the first record has neither a BestTarget value nor a
    /// TargetColumn) against Step per Strategy and Seed. Modes reads Spearman per Proxy, grouped by Target.
    /// </summary>
    /// <param name="firstRecord">The property names and values of the first record, in record order.</param>
    /// <exception cref="PlotDataException">A correlation plot has no -Y and no accuracy-like property to use.</exception>
    public static PlotColumns Resolve(
        PlotKind kind, string? x, string? y, string? group, IReadOnlyList<KeyValuePair<string, object?>> firstRecord)
    {
        ArgumentNullException.ThrowIfNull(firstRecord);
        switch (kind)
        {
            case PlotKind.Correlation:
                if (group is not null)
                {
                    throw new ArgumentException("A correlation plot draws one point cloud, so it takes no group property.", nameof(group));
                }

                return new PlotColumns(x ?? "TropicalScore", y ?? FindAccuracy(firstRecord), null, false, null);
            case PlotKind.Trajectory:
                return new PlotColumns(x ?? "Step", y ?? TrajectoryDefaultY(firstRecord), group ?? "Strategy", group is not null, "Seed");
            case PlotKind.Modes:
                return new PlotColumns(x ?? "Target", y ?? "Spearman", group ?? "Proxy", true, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plot kind.");
        }
    }

    private static string FindAccuracy(IReadOnlyList<KeyValuePair<string, object?>> record)
    {
        // A flag such as a search step's Accepted is not an accuracy, even though its name matches.
        string? name = record
            .Where(property => property.Value is not bool && property.Key.Contains("acc", StringComparison.OrdinalIgnoreCase))
            .Select(property => property.Key)
            .FirstOrDefault();
        return name ?? throw new PlotDataException(
            "The records have no property whose name contains 'acc' to use as accuracy; name the y property with -Y. " +
            $"The first record has: {string.Join(", ", record.Select(property => property.Key))}.");
    }

    // A search with a benchmark names its target column in every step, even in a first step whose architecture the
    // benchmark lacks, so that step still chooses BestTarget.
    private static string TrajectoryDefaultY(IReadOnlyList<KeyValuePair<string, object?>> record)
    {
        bool hasTarget = record.Any(property =>
            (property.Key.Equals("BestTarget", StringComparison.OrdinalIgnoreCase) && PlotValues.TryParse(property.Value, out _)) ||
            (property.Key.Equals("TargetColumn", StringComparison.OrdinalIgnoreCase) && property.Value is string { Length: > 0 }));
        return hasTarget ? "BestTarget" : "BestScore";
    }
}

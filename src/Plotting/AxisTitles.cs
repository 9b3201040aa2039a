using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Plotting;

/// <summary>Maps record property names to axis titles, with the unit wherever the property has a known unit.</summary>
internal static class AxisTitles
{
    // Each known property with its readable name and its unit, if it has one.
    private static readonly Dictionary<string, (string Label, string? Unit)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TropicalScore"] = ("Tropical score", "log10 regions"),
        ["BestScore"] = ("Best tropical score", "log10 regions"),
        ["ParameterCount"] = ("Parameters", null),
        ["Flops"] = ("FLOPs", "multiply-accumulates"),
        ["Step"] = ("Evaluations", null),
        ["Spearman"] = ("Spearman ρ", null),
        ["Kendall"] = ("Kendall τ-b", null),
        ["Pearson"] = ("Pearson r", null),
        ["TopOverlap"] = ("Top overlap", "share of the top architectures"),
        ["CIFAR10TestAccuracy200Epochs"] = ("CIFAR-10 test accuracy", "%"),
        ["CIFAR100TestAccuracy200Epochs"] = ("CIFAR-100 test accuracy", "%"),
        ["ImageNetTestAccuracy200Epochs"] = ("ImageNet16-120 test accuracy", "%"),
    };

    /// <summary>Returns the readable name of a known property, without its unit, or the value itself.</summary>
    public static string LabelFor(string value) =>
        Known.TryGetValue(value, out (string Label, string? Unit) known) ? known.Label : value;

    /// <summary>
    /// Returns the title of a trajectory's value axis. BestScore is the value of the search objective, so its title
    /// follows the Objective of the records, and names every objective when the records mix them. BestTarget is a
    /// benchmark column, which the title names when the records carry one TargetColumn.
    /// </summary>
    public static string ForTrajectory(
        string property, IReadOnlyCollection<string> objectives, IReadOnlyCollection<string> targetColumns, IReadOnlyList<double> values)
    {
        if (property.Equals("BestTarget", StringComparison.OrdinalIgnoreCase) && targetColumns.Count == 1)
        {
            return ForBestTarget(targetColumns.First(), values);
        }

        if (!property.Equals("BestScore", StringComparison.OrdinalIgnoreCase) || objectives.Count == 0)
        {
            return For(property, values);
        }

        if (objectives.Count > 1)
        {
            return $"Objective of the best architecture ({string.Join(", ", objectives)})";
        }

        string objective = objectives.First();
        if (objective.Equals("TropicalScore", StringComparison.OrdinalIgnoreCase))
        {
            return For(property, values);
        }

        return Known.TryGetValue(objective, out (string Label, string? Unit) known) ? OfTheBest(known.Label, known.Unit) : OfTheBest(objective, null);
    }

    /// <summary>
    /// Returns the title for <paramref name="property"/>. An accuracy-like name (containing "acc") whose values
    /// all lie in [0, 100] and exceed 1 somewhere gets "(%)", because accuracies stored as fractions never exceed 1.
    /// A name that contains "%", "percent" or the word "pct" gets no unit added.
    /// </summary>
    public static string For(string property, IReadOnlyList<double> values)
    {
        if (Known.TryGetValue(property, out (string Label, string? Unit) known))
        {
            return known.Unit is null ? known.Label : $"{known.Label} ({known.Unit})";
        }

        bool bestTarget = property.Equals("BestTarget", StringComparison.OrdinalIgnoreCase);
        string name = bestTarget ? "Target of the best architecture" : property;
        bool accuracyLike = bestTarget || property.Contains("acc", StringComparison.OrdinalIgnoreCase);
        return accuracyLike && !ShowsPercent(property) && LooksLikePercent(values) ? name + " (%)" : name;
    }

    // A known column keeps its unit; another gets "(%)" by the rule of For.
    private static string ForBestTarget(string column, IReadOnlyList<double> values) =>
        Known.TryGetValue(column, out (string Label, string? Unit) known)
            ? OfTheBest(known.Label, known.Unit)
            : OfTheBest(column, !ShowsPercent(column) && LooksLikePercent(values) ? "%" : null);

    // A name such as "Val Acc (%)", "accuracy_percent" or "acc_pct" already states the unit, so a title adds none.
    private static bool ShowsPercent(string name) =>
        name.Contains('%') || name.Contains("percent", StringComparison.OrdinalIgnoreCase) || HasWord(name, "pct");

    // Matches a word of a column name split at separators and case changes, so that "acc_pct" and "AccPct" match
    // and "sepct" does not.
    private static bool HasWord(string name, string word)
    {
        for (int start = name.IndexOf(word, StringComparison.OrdinalIgnoreCase); start >= 0;
             start = name.IndexOf(word, start + 1, StringComparison.OrdinalIgnoreCase))
        {
            int end = start + word.Length;
            bool startsWord = start == 0 || !char.IsLetter(name[start - 1]) || char.IsUpper(name[start]);
            bool endsWord = end == name.Length || !char.IsLetter(name[end]) || char.IsUpper(name[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    private static string OfTheBest(string label, string? unit) =>
        unit is null ? $"{label} of the best architecture" : $"{label} of the best architecture ({unit})";

    private static bool LooksLikePercent(IReadOnlyList<double> values)
    {
        bool aboveOne = false;
        foreach (double value in values)
        {
            if (value < 0 || value > 100)
            {
                return false;
            }

            aboveOne |= value > 1;
        }

        return aboveOne;
    }
}

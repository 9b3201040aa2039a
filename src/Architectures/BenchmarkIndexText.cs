using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Canopy.Architectures;

/// <summary>
/// Messages for input that gives a benchmark index where an architecture belongs: a whole number in the
/// architecture column, or a record whose only key is an index column.
/// </summary>
public static class BenchmarkIndexText
{
    /// <summary>The property and column names, matched in any letter case, that benchmark files use for an index.</summary>
    public static IReadOnlyList<string> IndexNames { get; } = new[] { "index", "arch_index", "BenchmarkIndex", "idx" };

    /// <summary>How to turn a benchmark index into an architecture string that Canopy reads.</summary>
    public const string Remedy =
        "A benchmark index is not an architecture. Give a NATS-Bench topology cell as its cell string, which NATS-Bench's " +
        "api.arch(index) returns. For a NATS-Bench size index, Get-CanopyArchitecture -SearchSpace NatsSize | " +
        "Where-Object BenchmarkIndex -eq <index> returns its channel list.";

    /// <summary>Returns whether the text, without surrounding white space, is a whole number such as 9930.</summary>
    public static bool IsWholeNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Returns the error message for a whole number given as an architecture.</summary>
    public static string DescribeNumber(string text) =>
        $"{ArchitectureFormatException.Quote(text)} is a whole number, not an architecture. {Remedy}";

    /// <summary>Returns the first of <paramref name="names"/> that is an index name, or null when none is.</summary>
    public static string? FindIndexName(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.FirstOrDefault(name => IndexNames.Contains(name, StringComparer.OrdinalIgnoreCase));
    }
}

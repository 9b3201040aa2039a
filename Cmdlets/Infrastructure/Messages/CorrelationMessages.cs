using System;
using System.Collections.Generic;
using System.Globalization;
using Canopy.Commands.Infrastructure.Records;
using Canopy.Statistics;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>The warning texts of Measure-ProxyCorrelation about records left out and undefined coefficients.</summary>
internal static class CorrelationMessages
{
    /// <summary>
    /// Counts the records left out of one proxy's figures by reason, names the first of them with what was wrong with
    /// each, and quotes the first value of each column that is not a number.
    /// </summary>
    public static string LeftOut(CorrelationColumns columns, int index, int leftOut, RecordColumn proxy, RecordColumn target)
    {
        var reasons = new List<string>();
        string? proxyReasons = Statuses(status => columns.ProxyStatusCount(index, status));
        string? targetReasons = Statuses(columns.TargetStatusCount);
        if (proxyReasons is not null)
        {
            reasons.Add($"'{proxy.Name}' {proxyReasons}");
        }

        if (targetReasons is not null)
        {
            reasons.Add($"'{target.Name}' {targetReasons}");
        }

        string message = $"Left out {leftOut:N0} of {Count(columns.RecordCount, "record")} for proxy '{proxy.Name}': {string.Join("; ", reasons)}. " +
            $"{FirstLeftOut(columns.FirstLeftOut(index), proxy.Name, target.Name)}, counting from 1 in input order.";
        // Both columns may hold comma numbers, and the advice on writing them is given once.
        var firstValues = new List<(string Column, string Value)>();
        foreach (RecordColumn column in new[] { proxy, target })
        {
            if (column.FirstNotANumber is { } value)
            {
                firstValues.Add((column.Name, value));
            }
        }

        return firstValues.Count == 0 ? message : $"{message} {NotANumberHint.Describe(firstValues)}";
    }

    /// <summary>Describes a constant column, on which ρ, τ-b and r are undefined, or returns null.</summary>
    public static string? Constant(string name, double[] values) =>
        Array.TrueForAll(values, value => value == values[0])
            ? $"'{name}' has the same value, {values[0].ToString(CultureInfo.InvariantCulture)}, in all {Count(values.Length, "usable pair")}"
            : null;

    /// <summary>Formats a count with its noun, in the singular for exactly 1: "1 usable pair", "2 usable pairs".</summary>
    public static string Count(long count, string singular) => $"{count:N0} {singular}{(count == 1 ? string.Empty : "s")}";

    // Names the first records left out and what was wrong with each, for example "record 2 ('acc' is empty)".
    private static string FirstLeftOut(IReadOnlyList<LeftOutRecord> records, string proxy, string target)
    {
        var parts = new List<string>();
        foreach (LeftOutRecord record in records)
        {
            var problems = new List<string>();
            if (record.Proxy != ValueStatus.Usable)
            {
                problems.Add($"'{proxy}' is {StatusText(record.Proxy)}");
            }

            if (record.Target != ValueStatus.Usable)
            {
                problems.Add($"'{target}' is {StatusText(record.Target)}");
            }

            parts.Add($"record {record.Record:N0} ({string.Join(", ", problems)})");
        }

        return (parts.Count == 1 ? "It is " : "The first of them: ") + string.Join(", ", parts);
    }

    // Lists the unusable statuses that occurred, for example "is empty in 2 records, not a number in 1 record".
    private static string? Statuses(Func<ValueStatus, long> count)
    {
        var parts = new List<string>();
        foreach (ValueStatus status in Enum.GetValues<ValueStatus>())
        {
            long n = count(status);
            if (status != ValueStatus.Usable && n > 0)
            {
                parts.Add($"{StatusText(status)} in {Count(n, "record")}");
            }
        }

        return parts.Count == 0 ? null : "is " + string.Join(", ", parts);
    }

    private static string StatusText(ValueStatus status) => status switch
    {
        ValueStatus.Absent => "absent",
        ValueStatus.Empty => "empty",
        ValueStatus.NotANumber => "not a number",
        ValueStatus.NotFinite => "NaN or infinite",
        ValueStatus.TooLarge => "a whole number beyond the double range",
        ValueStatus.MissingValue => "a -MissingValue",
        _ => status.ToString(),
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Storage.Import;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>The part of an ArchitectureMissing message that describes what a record has instead of an architecture.</summary>
internal static class MissingArchitectureText
{
    /// <summary>
    /// Describes the record's properties, a property that contains a valid architecture under another name, and a
    /// benchmark index property.
    /// </summary>
    public static string Describe(PSObject record, string? propertyName) =>
        DescribeFoundProperties(record) + DescribeArchitectureProperty(record, propertyName) + DescribeIndexProperty(record);

    // A benchmark imported from a column of another name, such as a sweep's hidden column, reads back with that
    // column, so the first property whose text is a valid architecture is named.
    private static string DescribeArchitectureProperty(PSObject record, string? propertyName)
    {
        foreach (PSPropertyInfo property in record.Properties)
        {
            if (!string.Equals(property.Name, propertyName, StringComparison.OrdinalIgnoreCase) &&
                ArchitectureProperties.Text(RecordValues.Read(property)) is { } text && ArchitectureParser.Detect(text) is not null &&
                ArchitectureParser.TryParse(text, null, out _, out _))
            {
                string name = CompletionCache.Quote(property.Name);
                return $" Its property '{property.Name}' contains '{TextExcerpt.Of(text, 60)}'; give -ArchitectureProperty {name} to read it.";
            }
        }

        return string.Empty;
    }

    // Names the properties the record has, and a delimiter that Import-Csv did not split on, such as the semicolons
    // of a file that Excel saved under a German locale, which leave one property named 'a;b;c'.
    private static string DescribeFoundProperties(PSObject record)
    {
        const int MaxNamesQuoted = 5;
        List<string> names = record.Properties.Select(property => property.Name).ToList();
        if (names.Count == 0)
        {
            return " It has no properties.";
        }

        string quoted = string.Join(", ", names.Take(MaxNamesQuoted).Select(name => $"'{TextExcerpt.Of(name, 60)}'"));
        string more = names.Count > MaxNamesQuoted ? $" and {names.Count - MaxNamesQuoted:N0} more" : string.Empty;
        string found = names.Count == 1 ? $" Its one property is {quoted}." : $" Its properties are {quoted}{more}.";

        // Excel's first line such as sep=; names the delimiter, and Import-Csv takes it for the header.
        string first = names[0];
        if (first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && first.Length <= 5)
        {
            string named = first.Length == 5 ? DelimiterArgument(first[4]) : "<the character after sep=>";
            return $"{found} The file starts with Excel's line '{first}', which Import-Csv reads as the header. Skip it with " +
                $"Get-Content <file> | Select-Object -Skip 1 | ConvertFrom-Csv -Delimiter {named}, or import the file with " +
                "Import-CanopyBenchmark, which reads that line.";
        }

        char? delimiter = names.Any(name => name.Contains(';')) ? ';' : names.Any(name => name.Contains('\t')) ? '\t' : null;
        return delimiter is null
            ? found
            : $"{found} A property name holds the file's delimiter, so read the file with Import-Csv -Delimiter {DelimiterArgument(delimiter.Value)}.";
    }

    // Writes a delimiter as a PowerShell argument: a tab as "`t", any other character in single quotes.
    private static string DelimiterArgument(char delimiter) =>
        delimiter == '\t' ? "\"`t\"" : $"'{(delimiter == '\'' ? "''" : delimiter.ToString())}'";

    // A record keyed only by its benchmark index, such as a NATS-Bench results table, gets the way to its architecture.
    private static string DescribeIndexProperty(PSObject record)
    {
        string? name = BenchmarkIndexText.FindIndexName(record.Properties.Select(property => property.Name));
        return name is null ? string.Empty : $" Its property '{name}' is a benchmark index. {BenchmarkIndexText.Remedy}";
    }
}

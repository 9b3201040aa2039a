using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Canopy.Storage.Input;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>
/// Sentences that quote the first value of a column that is not a number and explain a decimal comma, which
/// Export-Csv writes under cultures such as de-DE. Canopy does not read such values, because 1,234 may mean 1234 or
/// 1.234.
/// </summary>
internal static class NotANumberHint
{
    /// <summary>Describes the value in one or more sentences that start with a capital and end with a full stop.</summary>
    public static string Describe(string column, string value) => Describe(new[] { (column, value) });

    /// <summary>
    /// Quotes the first value that is not a number of each column, and explains a comma number once, after the last
    /// quote, however many of the values have one.
    /// </summary>
    public static string Describe(IReadOnlyList<(string Column, string Value)> firstValues)
    {
        string quotes = string.Join(" ", firstValues.Select(first => $"The first value of '{first.Column}' that is not a number is '{first.Value}'.{DescribeObject(first.Column, first.Value)}"));
        int commaValues = firstValues.Count(first => DecimalCommaColumns.IsDecimalComma(first.Value));
        return commaValues > 0 ? $"{quotes} {DecimalComma(commaValues)}" : quotes;
    }

    // A JSON file that nests each score, such as {"synflow": {"score": 46.3, "time": 0.1}}, gives objects in the
    // column, and one that lists them, such as {"synflow": [46.3, 0.1]}, gives arrays.
    private static string DescribeObject(string column, string value)
    {
        string? member = null;
        string? name = null;
        if (value.StartsWith("@{", StringComparison.Ordinal) && value.IndexOf('=') > 2)
        {
            // NAS-Bench-Suite-Zero pairs each proxy's score with its run time, so score is taken when there is one.
            string[] members = value[2..].TrimEnd('}').Split(';').Select(part => part.Split('=')[0].Trim()).Where(part => part.Length > 0).ToArray();
            string? inner = members.FirstOrDefault(part => part.Equals("score", StringComparison.OrdinalIgnoreCase)) ?? members.FirstOrDefault();
            if (inner is not null)
            {
                member = $"{Member(column)}.{Member(inner)}";
                name = $"{column}.{inner}";
            }
        }
        else if (value.StartsWith("@(", StringComparison.Ordinal))
        {
            member = $"{Member(column)}[0]";
            name = $"{column}[0]";
        }

        if (member is null || name is null)
        {
            return string.Empty;
        }

        string kind = value[1] == '{' ? "an object" : "an array";
        string quotedName = name.Replace("'", "''", StringComparison.Ordinal);
        return $" It is {kind}, so select the number inside it first, for example with " +
            $"Select-Object *, @{{ Name = '{quotedName}'; Expression = {{ $_.{member} }} }}, and then give '{quotedName}' as the column.";
    }

    // A property name that is not a plain identifier needs quotes after the dot, as in $_.'syn flow'.score.
    private static string Member(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? name
            : $"'{name.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>Explains that Canopy reads decimal points without thousands separators, and how to write a file that way.</summary>
    /// <param name="values">How many values the sentences are about, which sets their number.</param>
    public static string DecimalComma(int values)
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        string writer = culture.NumberFormat.NumberDecimalSeparator == ","
            ? $"Export-Csv writes decimal commas under the current culture, {culture.Name}"
            : "Export-Csv writes decimal commas under cultures such as de-DE and fr-FR";
        string subject = values == 1 ? "It looks like a number" : "They look like numbers";
        return $"{subject} written with a comma, but Canopy reads numbers with a decimal point and without " +
            $"thousands separators. {writer}. Export with [cultureinfo]::CurrentCulture = 'en-US' set first, or write " +
            "the numbers as 93.5 and 1000, not 93,5 and 1,000.";
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Storage.Input;

/// <summary>
/// Finds the columns whose text values look like numbers with a decimal comma, such as "93,5" from Excel under de-DE.
/// The cache reads numbers with a decimal point only, so it stores them as text. A column qualifies when at least one
/// value has the form digits, comma, digits and all its other values are numbers or empty.
/// </summary>
internal sealed class DecimalCommaColumns
{
    private readonly List<string?> _examples = new();
    private readonly List<bool> _otherText = new();

    /// <summary>Notes a value that the cache stores as text. Numbers and empty values need no note.</summary>
    public void Note(int column, string text)
    {
        while (_examples.Count <= column)
        {
            _examples.Add(null);
            _otherText.Add(false);
        }

        // A column with other text, such as names, is no numeric column, so its later values need no check.
        if (_otherText[column])
        {
            return;
        }

        if (IsDecimalComma(text))
        {
            _examples[column] ??= text.Trim();
        }
        else
        {
            _otherText[column] = true;
        }
    }

    /// <summary>
    /// Returns whether the text is digits, one comma and digits, with an optional sign and surrounding spaces, and
    /// optionally an exponent such as the E-03 of 1,78E-03, which spreadsheets write for small values.
    /// </summary>
    public static bool IsDecimalComma(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            text = text[1..];
        }

        // The comma is looked for first, so text without one, such as most architecture strings, costs one scan.
        int comma = text.IndexOf(',');
        if (comma <= 0 || !IsDigits(text[..comma]))
        {
            return false;
        }

        ReadOnlySpan<char> fraction = text[(comma + 1)..];
        int exponent = fraction.IndexOfAny('e', 'E');
        if (exponent >= 0)
        {
            ReadOnlySpan<char> power = fraction[(exponent + 1)..];
            if (power.Length > 0 && (power[0] == '-' || power[0] == '+'))
            {
                power = power[1..];
            }

            if (power.IsEmpty || !IsDigits(power))
            {
                return false;
            }

            fraction = fraction[..exponent];
        }

        return !fraction.IsEmpty && IsDigits(fraction);
    }

    /// <summary>
    /// Describes the qualifying columns other than <paramref name="excluded"/> in one warning, with one example value
    /// each, or returns null.
    /// </summary>
    public string? Warning(IReadOnlyList<string> columns, IReadOnlyCollection<int> excluded)
    {
        string[] found = Enumerable.Range(0, _examples.Count)
            .Where(column => !excluded.Contains(column) && _examples[column] is not null && !_otherText[column])
            .Select(column => $"'{columns[column]}' (for example '{_examples[column]}')")
            .ToArray();
        if (found.Length == 0)
        {
            return null;
        }

        string subject = found.Length == 1 ? $"The column {found[0]} contains values" : $"The columns {string.Join(", ", found)} contain values";
        return $"{subject} that look like numbers written with a comma, so they are stored as text. Canopy reads numbers " +
            "with a decimal point and without thousands separators: 93.5 for 93,5 and 1000 for 1,000. If the commas are " +
            "decimal separators, as in a spreadsheet saved under de-DE, import the file again with -DecimalComma -Force.";
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

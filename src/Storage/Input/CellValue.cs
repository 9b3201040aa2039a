using System;
using System.Globalization;

namespace Canopy.Storage.Input;

/// <summary>Converts a text field of a benchmark file to the value the cache stores: long, double, string or null.</summary>
internal static class CellValue
{
    /// <summary>
    /// Parses whole numbers as long and other finite numbers as double, in the invariant culture. Empty text is
    /// missing (null). Text that is no number, a non-finite token such as "NaN", or an integer with leading zeros
    /// (an identifier more often than a count) stays text, so no value is lost.
    /// </summary>
    public static object? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        if (IsInteger(span, out bool leadingZero))
        {
            if (leadingZero)
            {
                return text;
            }

            if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
            {
                return whole;
            }
        }

        if (LooksLikeNumber(span) && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real))
        {
            return real;
        }

        return text;
    }

    /// <summary>
    /// Returns the number that text such as "93,5" writes with a decimal comma, or the text itself when it has
    /// another form. "1,000" is read as 1, because the comma is taken as the decimal separator.
    /// </summary>
    public static object? ParseDecimalComma(string text) =>
        DecimalCommaColumns.IsDecimalComma(text) ? Parse(text.Trim().Replace(',', '.')) : text;

    private static bool IsInteger(ReadOnlySpan<char> span, out bool leadingZero)
    {
        int start = span[0] is '-' or '+' ? 1 : 0;
        leadingZero = span.Length - start > 1 && span[start] == '0';
        if (start == span.Length)
        {
            return false;
        }

        for (int i = start; i < span.Length; i++)
        {
            if (!char.IsAsciiDigit(span[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Rejects tokens such as "Infinity" and "NaN" before double.TryParse, which would accept them.
    private static bool LooksLikeNumber(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E'))
            {
                return false;
            }
        }

        return true;
    }
}

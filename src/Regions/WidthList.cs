using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Canopy.Regions;

/// <summary>Parses hidden-layer widths written as "64,128,64", "64 128 64" or "64-128-64".</summary>
internal static partial class WidthList
{
    private static readonly char[] FieldSeparators = { ',', ';' };

    /// <summary>Parses the pieces into widths; each piece may itself hold several widths.</summary>
    /// <exception cref="FormatException">
    /// A width is not a whole number (integral values in exponent or decimal notation, such as 1e6 or 64.0, count as
    /// whole), is empty between two hyphens, commas or semicolons, is a blank piece among several, is below 1 or above
    /// <see cref="FullyConnectedNetwork.MaxSize"/>, or there is no width at all. The message names the value.
    /// </exception>
    public static long[] Parse(IEnumerable<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var widths = new List<long>();

        // A list such as '64', '', '128' or the JSON [64, null, 128] names one width per piece, so a blank piece is a
        // missing width, as an empty field between two commas is.
        string[] allPieces = pieces.Select(piece => piece ?? string.Empty).ToArray();
        for (int i = 0; i < allPieces.Length; i++)
        {
            if (allPieces.Length > 1 && string.IsNullOrWhiteSpace(allPieces[i]))
            {
                throw new FormatException($"Width {i + 1} of the {allPieces.Length} layer widths is empty; give every width, or leave the empty one out.");
            }

            AddPiece(allPieces[i], widths);
        }

        if (widths.Count == 0)
        {
            throw new FormatException("The list of layer widths is empty; give at least one width, for example 64,128,64.");
        }

        return widths.ToArray();
    }

    // A typo such as 64,,128 would otherwise drop a layer without a word, so an empty field between two commas or
    // semicolons is an error. A separator at either end, as in a list copied with its trailing comma, is allowed.
    private static void AddPiece(string piece, List<long> widths)
    {
        string[] fields = piece.Split(FieldSeparators);
        for (int i = 0; i < fields.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(fields[i]) && i > 0 && i < fields.Length - 1)
            {
                throw new FormatException($"The layer widths '{piece.Trim()}' contain an empty width between two separators; give the missing width or remove one separator.");
            }

            foreach (string token in Whitespace().Split(fields[i]))
            {
                if (token.Length > 0)
                {
                    AddToken(token, widths);
                }
            }
        }
    }

    // A token is one width, or widths joined by hyphens such as 64-128-64; a leading hyphen makes a negative width.
    private static void AddToken(string token, List<long> widths)
    {
        bool negative = token.StartsWith('-');
        string[] parts = (negative ? token[1..] : token).Split('-');
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                throw new FormatException($"The layer widths '{token}' contain an empty width between two hyphens.");
            }

            widths.Add(ParseWidth(negative && i == 0 ? "-" + parts[i] : parts[i]));
        }
    }

    private static long ParseWidth(string text)
    {
        if (!BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger value) &&
            !TryParseIntegral(text, out value))
        {
            throw new FormatException($"The layer width '{text}' is not a whole number.");
        }

        if (value < 1 || value > FullyConnectedNetwork.MaxSize)
        {
            throw new FormatException($"The layer width {text} is out of range; widths must be between 1 and {FullyConnectedNetwork.MaxSize}.");
        }

        return (long)value;
    }

    // PowerShell passes a command-line 1e6 or 64.0 to a string parameter as typed. Every whole number up to MaxSize
    // is exact in a double, so reading it through a double loses nothing in the range that is accepted.
    private static bool TryParseIntegral(string text, out BigInteger value)
    {
        value = default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ||
            !double.IsFinite(number) || number != Math.Floor(number))
        {
            return false;
        }

        value = new BigInteger(number);
        return true;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

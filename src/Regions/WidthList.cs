using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Canopy.Regions;

/// <summary>Parses hidden-layer widths written as "64,128,64", "64 128 64" or "64-128-64".</summary>
public static partial class WidthList
{
    /// <summary>Parses the pieces into widths; each piece may itself hold several widths.</summary>
    /// <exception cref="FormatException">A piece is not a whole number, or there is no width at all.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width is below 1 or above <see cref="FullyConnectedNetwork.MaxSize"/>.</exception>
    public static long[] Parse(IEnumerable<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var widths = new List<long>();

        foreach (string piece in pieces)
        {
            foreach (string token in Separator().Split(piece ?? string.Empty))
            {
                if (token.Length == 0)
                {
                    continue;
                }

                if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long width))
                {
                    throw new FormatException($"The layer width '{token}' is not a whole number.");
                }

                if (width < 1 || width > FullyConnectedNetwork.MaxSize)
                {
                    throw new ArgumentOutOfRangeException(nameof(pieces), width, $"The layer width {width} is out of range; widths must be between 1 and {FullyConnectedNetwork.MaxSize}.");
                }

                widths.Add(width);
            }
        }

        if (widths.Count == 0)
        {
            throw new FormatException("The list of layer widths is empty; give at least one width, for example 64,128,64.");
        }

        return widths.ToArray();
    }

    // A hyphen separates only when it follows a digit, so "-5" stays a (rejected) negative width.
    [GeneratedRegex(@"[,;\s]+|(?<=\d)-")]
    private static partial Regex Separator();
}

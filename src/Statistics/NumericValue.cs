using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace Canopy.Statistics;

/// <summary>Reads record values that arrive as numbers or as text, for example from Import-Csv.</summary>
public static class NumericValue
{
    /// <summary>
    /// Converts a value to a finite double. Text is parsed with the invariant culture (a point as decimal
    /// separator, exponents allowed, no thousands separators); numeric types convert directly. Booleans, dates
    /// and other types are not numbers. A value contained in <paramref name="missingValues"/> is reported as
    /// <see cref="ValueStatus.MissingValue"/>.
    /// </summary>
    /// <param name="value">The value, already unwrapped from any PowerShell wrapper.</param>
    /// <param name="missingValues">Sentinel values that mark a missing value, or null for none.</param>
    /// <param name="number">The number when the status is <see cref="ValueStatus.Usable"/>, otherwise NaN.</param>
    public static ValueStatus Parse(object? value, IReadOnlySet<double>? missingValues, out double number)
    {
        number = double.NaN;
        ValueStatus status = ToDouble(value, out double parsed);
        if (status != ValueStatus.Usable)
        {
            return status;
        }

        if (!double.IsFinite(parsed))
        {
            return value is BigInteger ? ValueStatus.TooLarge : ValueStatus.NotFinite;
        }

        if (missingValues is not null && missingValues.Contains(parsed))
        {
            return ValueStatus.MissingValue;
        }

        number = parsed;
        return ValueStatus.Usable;
    }

    private static ValueStatus ToDouble(object? value, out double number)
    {
        number = double.NaN;
        switch (value)
        {
            case null:
                return ValueStatus.Empty;
            case string text when string.IsNullOrWhiteSpace(text):
                return ValueStatus.Empty;
            case string text:
                return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                    ? ValueStatus.Usable
                    : ValueStatus.NotANumber;
            case double or float or decimal or sbyte or byte or short or ushort or int or uint or long or ulong:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return ValueStatus.Usable;
            case BigInteger integer:
                number = (double)integer;
                return ValueStatus.Usable;
            default:
                return ValueStatus.NotANumber;
        }
    }
}

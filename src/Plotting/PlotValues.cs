using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace Canopy.Plotting;

/// <summary>Reads plot coordinates from record values, which may be numbers or text from Import-Csv.</summary>
public static class PlotValues
{
    /// <summary>
    /// Converts a number, or text in the invariant culture, to a finite double. Returns false for null, empty
    /// text, non-numeric values, booleans, NaN and infinities.
    /// </summary>
    public static bool TryParse(object? value, out double result)
    {
        result = double.NaN;
        switch (value)
        {
            case null or bool:
                return false;
            case string text:
                if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result))
                {
                    return false;
                }

                break;
            case BigInteger integer:
                result = (double)integer;
                break;
            case IConvertible convertible when IsNumeric(convertible.GetTypeCode()):
                result = convertible.ToDouble(CultureInfo.InvariantCulture);
                break;
            default:
                return false;
        }

        return double.IsFinite(result);
    }

    /// <summary>Checks that two coordinate arrays pair up and hold only finite values.</summary>
    /// <exception cref="ArgumentException">The lengths differ or a value is NaN or infinite.</exception>
    public static void RequireFinitePairs(double[] x, double[] y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"The coordinates must be paired, but x has {x.Length} values and y has {y.Length}.", nameof(y));
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"Point {i} is ({x[i]}, {y[i]}); every coordinate must be a finite number.", nameof(x));
            }
        }
    }

    // Margins well inside the double range, because near its ends OxyPlot drew Infinity or no markers at all. Within
    // them an axis's padding and ticks stay finite and distinct.
    private const double MaxDrawableMagnitude = 1e300;
    private const double MinDrawableRange = 1e-300;

    /// <summary>
    /// Checks that the values can be drawn to scale: none may exceed ±1e300, and values that differ must differ by at
    /// least 1e-300, so that the axis, its padding and its ticks stay finite, distinct doubles.
    /// </summary>
    /// <exception cref="PlotRangeException">A value or the range is beyond those limits.</exception>
    public static void RequireDrawableRange(IEnumerable<double> values, string axisTitle)
    {
        ArgumentNullException.ThrowIfNull(values);
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        if (min > max)
        {
            return;
        }

        string span = string.Create(CultureInfo.InvariantCulture, $"The {axisTitle} values run from {min:G4} to {max:G4}");
        if (Math.Max(Math.Abs(min), Math.Abs(max)) > MaxDrawableMagnitude)
        {
            throw new PlotRangeException($"{span}, beyond the ±1e300 that double-precision coordinates can draw to scale. Divide them by a power of ten before plotting.");
        }

        if (max > min && max - min < MinDrawableRange)
        {
            throw new PlotRangeException($"{span}, closer together than the 1e-300 that double-precision coordinates can draw to scale. Multiply them by a power of ten before plotting.");
        }
    }

    private static bool IsNumeric(TypeCode code) => code is >= TypeCode.SByte and <= TypeCode.Decimal;
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace Canopy.Plotting;

/// <summary>Reads plot coordinates from record values, which may be numbers or text from Import-Csv.</summary>
internal static class PlotValues
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

    // OxyPlot, measured through Export-CanopyPlot, gave Infinity coordinates for a span of 1.6e308, a constant 1.7e308
    // and values below 1e-307 (the subnormal doubles). A span of 2.5e307, values from 1.5e308 to 1.7e308, a constant
    // 1e308 and values near 1e-305 drew. The checks below sit at those edges.
    private const double PaddingShare = 0.05;
    private const double ConstantAxisShare = 1.5;
    private const double MinDrawableMagnitude = 1e-307;

    /// <summary>
    /// Checks that the values can be drawn to scale. Twice their span, and either end moved out by 5 % of the span, must
    /// be finite doubles. A constant must stay finite when multiplied by 1.5. Values that differ must differ by at least
    /// 1e-307, and a constant other than zero must lie at least that far from zero.
    /// </summary>
    /// <exception cref="PlotRangeException">The values are too large or too close together to draw.</exception>
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

        double span = max - min;
        string range = string.Create(CultureInfo.InvariantCulture, $"The {axisTitle} values run from {min:G4} to {max:G4}");
        bool tooLarge = span > 0
            ? !double.IsFinite(2 * span) || !double.IsFinite(max + PaddingShare * span) || !double.IsFinite(min - PaddingShare * span)
            : !double.IsFinite(ConstantAxisShare * max);
        if (tooLarge)
        {
            throw new PlotRangeException($"{range}, too large for double-precision coordinates to draw to scale. Divide them by a power of ten before plotting.");
        }

        double scale = span > 0 ? span : Math.Abs(max);
        if (scale > 0 && scale < MinDrawableMagnitude)
        {
            throw new PlotRangeException($"{range}, too close together for double-precision coordinates to draw to scale. Multiply them by a power of ten before plotting.");
        }
    }

    private static bool IsNumeric(TypeCode code) => code is >= TypeCode.SByte and <= TypeCode.Decimal;
}

using System;
using System.Globalization;
using OxyPlot.Axes;

namespace Canopy.Plotting;

/// <summary>
/// Formats the tick labels of one numeric axis in one notation chosen from the axis range. Plain numbers with
/// thousands separators and as many decimals as the tick step needs serve up to 10^7. Beyond that, and below 10^-3,
/// every label shares one power of ten, as in 1.5×10^8. OxyPlot's default "g6" format would mix the two on one
/// axis, writing 900000 next to 1e+06.
/// </summary>
public static class AxisNumberFormat
{
    /// <summary>The largest absolute value, exclusive, that labels write as plain numbers.</summary>
    public const double PlainLimit = 1e7;

    /// <summary>The smallest absolute value that labels write as plain numbers, unless the axis is all zero.</summary>
    public const double PlainMinimum = 1e-3;

    // A tick step such as 0.05 needs only a few decimals. The limit stops the search for a step that floating point
    // has blurred.
    private const int MaxDecimals = 10;

    /// <summary>Makes <paramref name="axis"/> format its labels by <see cref="Format"/> over its drawn range.</summary>
    public static void Apply(LinearAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.LabelFormatter = value => Format(value, axis.ActualMinimum, axis.ActualMaximum, axis.ActualMajorStep);
    }

    /// <summary>
    /// Formats one tick value of an axis from <paramref name="minimum"/> to <paramref name="maximum"/> whose ticks
    /// are <paramref name="step"/> apart. The text is OxyPlot math text, where ^{8} is a superscript.
    /// </summary>
    public static string Format(double value, double minimum, double maximum, double step)
    {
        double largest = Math.Max(Math.Abs(minimum), Math.Abs(maximum));
        if (!double.IsFinite(value) || !double.IsFinite(largest) || largest == 0 || (largest >= PlainMinimum && largest < PlainLimit))
        {
            return Plain(value, step);
        }

        int exponent = (int)Math.Floor(Math.Log10(largest));
        double scale = Math.Pow(10, exponent);
        if (Math.Abs(value) < step / 2)
        {
            return "0";
        }

        string mantissa = Plain(value / scale, step / scale);
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa}×10^{{{exponent}}}");
    }

    private static string Plain(double value, double step)
    {
        // Ticks summed from a negative start can miss zero by a rounding error, or hit -0, which prints as "-0".
        if (value == 0 || Math.Abs(value) < Math.Abs(step) / 2)
        {
            value = 0;
        }

        return value.ToString("N" + Decimals(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    // Returns the smallest number of decimals that writes every multiple of the step exactly.
    private static int Decimals(double step)
    {
        step = Math.Abs(step);
        if (!double.IsFinite(step) || step == 0)
        {
            return 0;
        }

        for (int decimals = 0; decimals < MaxDecimals; decimals++)
        {
            double scaled = step * Math.Pow(10, decimals);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * scaled)
            {
                return decimals;
            }
        }

        return MaxDecimals;
    }
}

using System;
using System.Globalization;
using System.Linq;
using OxyPlot.Axes;

namespace Canopy.Plotting;

/// <summary>
/// Formats the tick labels of one numeric axis in one notation chosen from the axis range. Plain numbers with
/// thousands separators and as many decimals as the tick step needs serve up to 10^7. Beyond that, and below 10^-3,
/// every label shares one power of ten, as in 1.5×10^8. OxyPlot's default "g6" format would mix the two on one
/// axis, writing 900000 next to 1e+06.
/// </summary>
internal static class AxisNumberFormat
{
    /// <summary>The largest absolute value, exclusive, that labels write as plain numbers.</summary>
    public const double PlainLimit = 1e7;

    /// <summary>The smallest absolute value that labels write as plain numbers, unless the axis is all zero.</summary>
    public const double PlainMinimum = 1e-3;

    // A tick step such as 0.05 needs only a few decimals. The limit stops the search for a step that floating point
    // has blurred.
    private const int MaxDecimals = 10;

    // Data values are written to a hundredth of the leading power of ten of the axis range, which is three significant
    // digits.
    private const double ValueStep = 0.01;

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
        double largest = Largest(minimum, maximum);
        if (!double.IsFinite(value) || UsesPlainNumbers(largest))
        {
            return Plain(value, step);
        }

        double scale = Math.Pow(10, Exponent(largest));
        if (Math.Abs(value) < step / 2)
        {
            return "0";
        }

        return Scientific(Plain(value / scale, step / scale), largest);
    }

    /// <summary>
    /// Formats a data value drawn on an axis from <paramref name="minimum"/> to <paramref name="maximum"/>, such as
    /// the label of a bar, in the notation of the axis labels. It keeps at least three significant digits of the
    /// largest absolute value on the axis, so 25917562.2 on an axis up to 2.8×10^7 reads 2.59×10^7, and 0.613 on an
    /// axis up to 1 reads 0.61. The text is plain text with a Unicode superscript exponent, because OxyPlot draws bar
    /// labels without math text.
    /// </summary>
    public static string FormatValue(double value, double minimum, double maximum)
    {
        double largest = Largest(minimum, maximum);
        if (!double.IsFinite(value) || largest == 0)
        {
            return Plain(value, ValueStep);
        }

        // The step of the third significant digit of the largest value, such as 0.01 for 1 or 10,000 for 2.5×10^6.
        double scale = Math.Pow(10, Exponent(largest));
        double step = scale * ValueStep;
        if (UsesPlainNumbers(largest))
        {
            return Plain(value, step);
        }

        if (Math.Abs(value) < step / 2)
        {
            return "0";
        }

        return Plain(value / scale, ValueStep) + "×10" + Superscript(Exponent(largest));
    }

    private static double Largest(double minimum, double maximum) => Math.Max(Math.Abs(minimum), Math.Abs(maximum));

    // An axis that is all zero, or whose range is not finite, also writes plain numbers.
    private static bool UsesPlainNumbers(double largest) =>
        !double.IsFinite(largest) || largest == 0 || (largest >= PlainMinimum && largest < PlainLimit);

    private static int Exponent(double largest) => (int)Math.Floor(Math.Log10(largest));

    private static string Scientific(string mantissa, double largest) =>
        string.Create(CultureInfo.InvariantCulture, $"{mantissa}×10^{{{Exponent(largest)}}}");

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string text = exponent.ToString(CultureInfo.InvariantCulture);
        return string.Concat(text.Select(character => character == '-' ? '⁻' : digits[character - '0']));
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

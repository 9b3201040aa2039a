using System;

namespace Canopy.Statistics;

/// <summary>Checks shared by the correlation coefficients.</summary>
internal static class Samples
{
    public static bool ContainsNaN(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            if (double.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns true when every value equals the first; an empty sample counts as constant.</summary>
    public static bool IsConstant(ReadOnlySpan<double> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <exception cref="ArgumentNullException">Either sample is null.</exception>
    /// <exception cref="ArgumentException">The samples differ in length.</exception>
    public static void RequirePaired(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"The samples must be paired, but x has {x.Length} values and y has {y.Length}.", nameof(y));
        }
    }
}

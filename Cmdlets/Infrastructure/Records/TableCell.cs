using System;
using System.Globalization;
using System.Management.Automation;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Text for the tables of Canopy.Format.ps1xml: numbers for fixed-width columns, and group headings. PowerShell cuts
/// text that is wider than its column at the left of a right-aligned column, so 3,034,869,514 in a column of 11 would
/// read "…34,869,514".
/// </summary>
public static class TableCell
{
    /// <summary>
    /// Returns the value in <paramref name="format"/>, or in scientific notation with four significant digits, such as
    /// 3.035e+9, when that text is wider than <paramref name="width"/>. Returns null for null.
    /// </summary>
    public static string? Number(object? value, string format, int width)
    {
        if (value is not IFormattable number)
        {
            return value?.ToString();
        }

        string text = number.ToString(format, CultureInfo.CurrentCulture);
        return text.Length <= width
            ? text
            : Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.000e+0", CultureInfo.CurrentCulture);
    }

    /// <summary>
    /// Returns the heading of a group of correlation rows with bootstrap intervals: the target, then the interval's
    /// confidence level and resample count, such as "CIFAR10TestAccuracy200Epochs; 95% bootstrap interval of ρ from 1,000 resamples".
    /// </summary>
    public static string IntervalGroup(PSObject row)
    {
        RecordValues.TryGet(row, "Target", out object? target);
        RecordValues.TryGet(row, "ConfidenceLevel", out object? level);
        RecordValues.TryGet(row, "Resamples", out object? resamples);
        string interval = level is IFormattable confidence && resamples is IFormattable count
            ? $"; {confidence.ToString("P0", CultureInfo.CurrentCulture)} bootstrap interval of ρ from {count.ToString("N0", CultureInfo.CurrentCulture)} resamples"
            : string.Empty;
        return $"{target}{interval}";
    }
}

using System;
using System.Globalization;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Number text for the fixed-width columns of Canopy.Format.ps1xml. PowerShell cuts text that is wider than its
/// column at the left of a right-aligned column, so 3,034,869,514 in a column of 11 would read "…34,869,514".
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
}

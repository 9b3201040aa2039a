using System.Globalization;
using Canopy.Storage.Input;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Sentences that quote the first value of a column that is not a number and explain a decimal comma, which
/// Export-Csv writes under cultures such as de-DE. Canopy does not read such values, because 1,234 may mean 1234 or
/// 1.234.
/// </summary>
internal static class NotANumberHint
{
    /// <summary>Describes the value in one or more sentences that start with a capital and end with a full stop.</summary>
    public static string Describe(string column, string value)
    {
        string first = $"The first value of '{column}' that is not a number is '{value}'.";
        return DecimalCommaColumns.IsDecimalComma(value) ? $"{first} {DecimalComma()}" : first;
    }

    /// <summary>Explains that Canopy reads decimal points without thousands separators, and how to write a file that way.</summary>
    public static string DecimalComma()
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        string writer = culture.NumberFormat.NumberDecimalSeparator == ","
            ? $"Export-Csv writes decimal commas under the current culture, {culture.Name}"
            : "Export-Csv writes decimal commas under cultures such as de-DE and fr-FR";
        return $"It looks like a number written with a comma, but Canopy reads numbers with a decimal point and without " +
            $"thousands separators. {writer}. Export with [cultureinfo]::CurrentCulture = 'en-US' set first, or write " +
            "the numbers as 93.5 and 1000, not 93,5 and 1,000.";
    }
}

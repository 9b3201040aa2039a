using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Canopy.Commands.Infrastructure.Records;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Reads the arguments of numeric parameters as Canopy reads numbers everywhere: text in the invariant culture, with
/// a decimal point and no thousands separator. PowerShell's own conversion takes ',' as a thousands separator and
/// rounds a fraction bound to an integer parameter, so '7,5' would bind as 75 and 3.072 as 3.
/// </summary>
internal static class NumberArguments
{
    // Sign, decimal point and exponent, but no thousands separator, currency symbol or hexadecimal digits.
    private const NumberStyles TextStyle = NumberStyles.Float;

    /// <summary>
    /// Returns the argument with its text parsed into numbers, element by element for a list. Numbers and other
    /// types pass unchanged, except that a fraction for a whole-number parameter is rejected.
    /// </summary>
    /// <exception cref="ArgumentTransformationMetadataException">Text is not a number, or a number is not whole.</exception>
    public static object Transform(object inputData, bool wholeNumber)
    {
        object? value = RecordValues.Unwrap(inputData);
        if (value is IList list)
        {
            var items = new object?[list.Count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = TransformItem(RecordValues.Unwrap(list[i]), wholeNumber);
            }

            return items;
        }

        return TransformItem(value, wholeNumber) ?? inputData;
    }

    private static object? TransformItem(object? value, bool wholeNumber) => value switch
    {
        string text => Parse(text, wholeNumber),
        double real when wholeNumber && !double.IsInteger(real) => throw NotWhole(real.ToString("R", CultureInfo.InvariantCulture)),
        float real when wholeNumber && !float.IsInteger(real) => throw NotWhole(real.ToString("R", CultureInfo.InvariantCulture)),
        decimal real when wholeNumber && decimal.Truncate(real) != real => throw NotWhole(real.ToString(CultureInfo.InvariantCulture)),
        _ => value,
    };

    private static object Parse(string text, bool wholeNumber)
    {
        // Whole numbers are read exactly first, because a double holds only 15 to 17 significant digits.
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long integer))
        {
            return integer;
        }

        if (ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong large))
        {
            return large;
        }

        if (!double.TryParse(text, TextStyle, CultureInfo.InvariantCulture, out double real))
        {
            throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a number. Canopy reads numbers with a decimal point and without thousands separators, such as 7.5 or 3072, in every culture.");
        }

        if (!wholeNumber)
        {
            return real;
        }

        if (!double.IsInteger(real))
        {
            throw NotWhole(text);
        }

        // Text such as 8e5 or 3072.0 is whole; decimal keeps every digit of it up to 28 digits.
        return decimal.TryParse(text, TextStyle, CultureInfo.InvariantCulture, out decimal exact) ? exact : real;
    }

    private static ArgumentTransformationMetadataException NotWhole(string text) =>
        new($"'{text}' is not a whole number. This parameter takes whole numbers, written without thousands separators, such as 3072.");
}

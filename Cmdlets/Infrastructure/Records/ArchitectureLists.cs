using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Reads a list in an architecture property, as ConvertFrom-Json makes of a JSON array, the way Import-CanopyBenchmark
/// reads the same array from a file. The list becomes its JSON text, which the architecture parser reads in NASLib's
/// forms, such as the operation indices of a NATS-Bench cell or the compact form of a DARTS genotype.
/// </summary>
internal static class ArchitectureLists
{
    private const string WidthsHint = "For the hidden widths of an MLP, name the property LayerWidths or Widths, or give -SearchSpace Mlp.";

    /// <summary>Parses the list, or returns null and sets <paramref name="error"/> to an ArchitectureInvalid record.</summary>
    public static Architecture? Parse(IList items, string propertyName, SearchSpace? searchSpace, object? target, string label, out ErrorRecord? error)
    {
        if (items.Count == 0)
        {
            error = ArchitectureConversion.Invalid(target, $"{label}: the property '{propertyName}' contains an empty list, not an architecture.");
            return null;
        }

        string? json = JsonText(items);
        if (json is null)
        {
            error = ArchitectureConversion.Invalid(target, $"{label}: the property '{propertyName}' contains a list of {Describe(items)}, and one of them is an object, not an architecture.");
            return null;
        }

        if (ArchitectureParser.TryParse(json, searchSpace, out Architecture? architecture, out string? message))
        {
            error = null;
            return architecture;
        }

        // The parser explains widths itself for a list that reads as widths; other lists of numbers get the hint here.
        bool numbers = items.Cast<object?>().All(item => RecordValues.Unwrap(item) is IConvertible value && IsNumber(value)) &&
            message?.Contains("-SearchSpace Mlp", StringComparison.Ordinal) != true;
        error = ArchitectureConversion.Invalid(target,
            $"{label}: the property '{propertyName}' contains the list {TextExcerpt.Of(json, 120)}, which is no architecture: {message}{(numbers ? " " + WidthsHint : string.Empty)}");
        return null;
    }

    // Returns null when the list contains something JSON cannot write as a value, such as a record.
    private static string? JsonText(object? value)
    {
        switch (RecordValues.Unwrap(value))
        {
            case null:
                return "null";
            case string text:
                // JsonSerializer would escape + as \u002B, which the parser does not read back.
                return "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
            case bool flag:
                return flag ? "true" : "false";
            case IList list:
                string?[] parts = list.Cast<object?>().Select(JsonText).ToArray();
                return parts.Any(part => part is null) ? null : "[" + string.Join(", ", parts) + "]";
            case IConvertible number when IsNumber(number):
                return Convert.ToString(number, CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    private static bool IsNumber(IConvertible value) =>
        value.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static string Describe(IList items) => items.Count == 1 ? "1 value" : $"{items.Count:N0} values";
}

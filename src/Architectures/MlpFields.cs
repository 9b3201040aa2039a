using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Canopy.Regions;

namespace Canopy.Architectures;

/// <summary>
/// Reads an MLP from the LayerWidths and InputDimension fields of a record, the form of a sweep table. Get-TropicalScore
/// reads piped records and Import-CanopyBenchmark reads file rows with these rules, so both key a record alike.
/// </summary>
public static class MlpFields
{
    /// <summary>The input dimension of a record without one: a 32×32 RGB image.</summary>
    public const long DefaultInputDimension = 3072;

    /// <summary>The field that contains the input dimension, compared ignoring case.</summary>
    public const string InputDimensionName = "InputDimension";

    /// <summary>The names of the widths field, tried in order and ignoring case.</summary>
    public static IReadOnlyList<string> WidthsNames { get; } = new[] { "LayerWidths", "Widths" };

    /// <summary>Returns whether the field name is one of <see cref="WidthsNames"/>, ignoring case.</summary>
    public static bool IsWidthsName(string name) => WidthsNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Parses the text of an InputDimension field. Blank or null text gives <paramref name="defaultDimension"/>.
    /// Returns false with a message when the text is no whole number from 1 to <see cref="FullyConnectedNetwork.MaxSize"/>.
    /// </summary>
    public static bool TryParseInputDimension(string? text, long defaultDimension, out long inputDimension, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            inputDimension = defaultDimension;
            return true;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out inputDimension) && inputDimension >= 1 && inputDimension <= FullyConnectedNetwork.MaxSize)
        {
            return true;
        }

        // A whole number written as 784.0 or 7.84e2 is read as the import reads a numeric cell, but 3.072 is no 3072.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsInteger(real) && real >= 1 && real <= FullyConnectedNetwork.MaxSize)
        {
            inputDimension = (long)real;
            return true;
        }

        error = $"InputDimension '{TextExcerpt.Of(text, 40)}' is invalid; it must be a whole number from 1 to {FullyConnectedNetwork.MaxSize}.";
        return false;
    }

    /// <summary>
    /// Creates the MLP of the widths over <paramref name="inputDimension"/> inputs. Returns false with the reason when
    /// a width is invalid or there is none.
    /// </summary>
    /// <param name="widths">Pieces of width text such as "64,128,64", "64-128-64" or "[64, 128, 64]", one or several widths each.</param>
    /// <param name="inputDimension">The input dimension, already checked by <see cref="TryParseInputDimension"/>.</param>
    public static bool TryCreate(IEnumerable<string> widths, long inputDimension, out MlpArchitecture? mlp, out string? error)
    {
        ArgumentNullException.ThrowIfNull(widths);
        error = null;
        try
        {
            mlp = MlpArchitecture.Create(inputDimension, ParseWidths(widths));
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            mlp = null;
            error = ExceptionText.Plain(exception);
            return false;
        }
    }

    /// <summary>
    /// Parses widths as <see cref="WidthList.Parse"/> does, and also when each piece is enclosed in square brackets or
    /// parentheses.
    /// </summary>
    /// <exception cref="FormatException">A width is invalid or there is none; the message names the value.</exception>
    public static long[] ParseWidths(IEnumerable<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        return WidthList.Parse(pieces.Select(WithoutBrackets));
    }

    /// <summary>
    /// Returns whether a widths field contains a whole MLP string such as mlp:3072:64-128-64, as the cache stores it.
    /// Such a string carries its own input dimension, so the InputDimension field does not apply.
    /// </summary>
    public static bool IsMlpString(string text) => text.AsSpan().TrimStart().StartsWith("mlp:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the first name other than <paramref name="widthsName"/> and InputDimension that may hold an input dimension
    /// under another name, such as input_dim, in_features or n0, or null when there is none.
    /// </summary>
    public static string? FindInputDimensionLikeName(IEnumerable<string> names, string widthsName)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.FirstOrDefault(name => !string.Equals(name, widthsName, StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(name, InputDimensionName, StringComparison.OrdinalIgnoreCase) &&
            !IsHiddenLayerName(name) &&
            (name.Contains("input", StringComparison.OrdinalIgnoreCase) || name.Contains("dim", StringComparison.OrdinalIgnoreCase) ||
             name.Contains("in_features", StringComparison.OrdinalIgnoreCase) || name.Equals("n0", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Describes MLPs that got the default input dimension because they had none: "3 MLP rows had no InputDimension
    /// value, ...", naming a column of <paramref name="similarColumn"/>'s kind that may hold it under another name.
    /// </summary>
    /// <param name="count">How many MLPs got the default.</param>
    /// <param name="what">What they are, in the singular, such as "MLP" or "MLP row".</param>
    /// <param name="similarColumn">A column or property such as input_dim that was not read, or null.</param>
    /// <param name="columnKind">"column" for file rows or "property" for piped records.</param>
    public static string DescribeDefaultInputDimension(long count, string what, string? similarColumn, string columnKind)
    {
        string subject = count == 1 ? $"1 {what} had" : $"{count:N0} {what}s had";
        string similar = similarColumn is null ? string.Empty : $" The {columnKind} '{similarColumn}' was not read as the input dimension.";
        return $"{subject} no {InputDimensionName} value, so the default of {DefaultInputDimension} inputs, a 32 × 32 RGB image, was used.{similar} " +
            $"Give -InputDimension, or name the {columnKind} {InputDimensionName}.";
    }

    // Sweeps name hidden sizes hidden_dim or layer_width, and those columns describe hidden layers, not the input.
    private static bool IsHiddenLayerName(string name) =>
        name.Contains("hidden", StringComparison.OrdinalIgnoreCase) || name.Contains("width", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("layer", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns a sentence on how to write MLP widths when the text reads as a list of them, such as 32-512-256, [1024],
    /// (512,) or 256 64 256, and null otherwise. A whole number alone is more often a benchmark index, and a list of
    /// numbers up to 4 is NASLib's op_indices form, so neither gets one.
    /// </summary>
    public static string? DescribeWidthsForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (BenchmarkIndexText.IsWholeNumber(text) || IsMlpString(text))
        {
            return null;
        }

        long[] widths;
        try
        {
            widths = ParseWidths(new[] { text });
        }
        catch (FormatException)
        {
            return null;
        }

        if (widths.Max() <= 4)
        {
            return null;
        }

        string joined = string.Join("-", widths);
        return $" Hidden-layer widths of a fully connected network are written as mlp:<input dimension>:{joined}, such as " +
            $"mlp:{DefaultInputDimension}:{joined} for a 32 × 32 RGB image. In a record, a LayerWidths property contains " +
            "them, and -SearchSpace Mlp reads them from a string or any architecture property.";
    }

    // A JSON array stored as text and a Python list written by pandas enclose the widths in square brackets, and a
    // Python tuple in parentheses.
    private static string WithoutBrackets(string piece)
    {
        string trimmed = piece?.Trim() ?? string.Empty;
        bool enclosed = trimmed.Length >= 2 && (trimmed[0], trimmed[^1]) is ('[', ']') or ('(', ')');
        return enclosed ? trimmed[1..^1] : trimmed;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using Canopy.Architectures;

namespace Canopy.Storage.Import;

/// <summary>
/// Builds the canonical MLP string of a row whose architecture column contains hidden widths (a LayerWidths column), with
/// the input dimension from the row's InputDimension column, by the rules of <see cref="MlpFields"/> that
/// Get-TropicalScore applies to piped records.
/// </summary>
internal sealed class WidthsColumnParser
{
    private readonly string _widthsColumn;
    private long _parsed;
    private readonly SearchSpace? _searchSpace;
    private readonly long? _inputDimension;
    private int _inputDimensionColumn = -1;
    private long _defaulted;

    /// <param name="widthsColumn">The name of the column that contains the widths.</param>
    /// <param name="searchSpace">The search space the import was given, or null.</param>
    /// <param name="inputDimension">The input dimension of rows without one; null for the default, which is counted.</param>
    public WidthsColumnParser(string widthsColumn, SearchSpace? searchSpace, long? inputDimension = null)
    {
        _widthsColumn = widthsColumn;
        _searchSpace = searchSpace;
        _inputDimension = inputDimension;
    }

    /// <summary>
    /// The number of rows that took <see cref="MlpFields.DefaultInputDimension"/> because they had no input dimension
    /// and the import gave none. Read it once parsing has finished.
    /// </summary>
    public long DefaultedRows => Interlocked.Read(ref _defaulted);

    /// <summary>The name of the column that contains the widths.</summary>
    public string ColumnName => _widthsColumn;

    /// <summary>The number of rows this parser read an architecture from. Read it once parsing has finished.</summary>
    public long ParsedRows => Interlocked.Read(ref _parsed);

    /// <summary>Looks for the InputDimension column until it is found, because a JSON record may bring it late.</summary>
    public void FindInputDimension(IReadOnlyList<string> columns)
    {
        if (_inputDimensionColumn < 0)
        {
            _inputDimensionColumn = ArchitectureColumns.Find(columns, MlpFields.InputDimensionName);
        }
    }

    /// <summary>Parses the widths text of one row. Returns false with the reason the row is rejected.</summary>
    public bool TryParse(string widths, ParsedRow row, out Architecture? architecture, out string? problem)
    {
        architecture = null;
        if (_searchSpace is { } space && space != SearchSpace.Mlp)
        {
            problem = $"the column '{_widthsColumn}' contains MLP widths, so its architectures are Mlp architectures, not {space}";
            return false;
        }

        // The cache stores the canonical MLP string in this column, so a file exported from it reads back as such.
        if (MlpFields.IsMlpString(widths))
        {
            bool parsed = ArchitectureParser.TryParse(widths, SearchSpace.Mlp, out architecture, out string? error);
            problem = parsed ? null : $"the architecture '{TextExcerpt.Of(widths, 120)}' is invalid: {error}";
            if (parsed)
            {
                Interlocked.Increment(ref _parsed);
            }

            return parsed;
        }

        string? dimensionText = InputDimensionText(row);
        if (!MlpFields.TryParseInputDimension(dimensionText, _inputDimension ?? MlpFields.DefaultInputDimension, out long inputDimension, out problem))
        {
            return false;
        }

        if (!MlpFields.TryCreate(JsonPieces(widths) ?? new[] { widths }, inputDimension, out MlpArchitecture? mlp, out string? reason))
        {
            problem = $"the widths '{TextExcerpt.Of(widths, 120)}' in column '{_widthsColumn}' are invalid: {reason}";
            return false;
        }

        if (_inputDimension is null && string.IsNullOrWhiteSpace(dimensionText))
        {
            Interlocked.Increment(ref _defaulted);
        }

        architecture = mlp;
        Interlocked.Increment(ref _parsed);
        return true;
    }

    // A JSON array of strings, such as ["64", "128"], is stored as its JSON text, whose quotes no width parser reads, so
    // its elements are taken one by one, as Get-TropicalScore takes the list that ConvertFrom-Json makes of it.
    private static string[]? JsonPieces(string widths)
    {
        if (!widths.TrimStart().StartsWith('[') || !widths.Contains('"'))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(widths);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var pieces = new List<string>();
            foreach (JsonElement element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    return null;
                }

                pieces.Add(element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText());
            }

            return pieces.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A short CSV record or an early JSON record may lack the column, which then takes the default, as an empty field does.
    private string? InputDimensionText(ParsedRow row)
    {
        int column = _inputDimensionColumn;
        if (column < 0 || column >= row.FieldCount || column >= row.Values.Length)
        {
            return null;
        }

        return Convert.ToString(row.Values[column], CultureInfo.InvariantCulture);
    }
}

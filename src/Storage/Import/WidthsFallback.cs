using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Canopy.Architectures;

namespace Canopy.Storage.Import;

/// <summary>
/// The LayerWidths or Widths column that rows with an empty architecture column are read from, as in a sweep that mixes
/// architecture strings with MLP widths. A JSON record may bring the column late, so it is looked for in every batch
/// until one has it.
/// </summary>
internal sealed class WidthsFallback
{
    private readonly SearchSpace? _searchSpace;
    private readonly long? _inputDimension;

    /// <param name="searchSpace">The search space the import was given, or null.</param>
    /// <param name="inputDimension">The input dimension of rows without one; null for the default, which is counted.</param>
    public WidthsFallback(SearchSpace? searchSpace, long? inputDimension)
    {
        _searchSpace = searchSpace;
        _inputDimension = inputDimension;
    }

    /// <summary>The parser of the widths column once it is found; null before. Read it once parsing has finished.</summary>
    public WidthsColumnParser? Parser { get; private set; }

    /// <summary>The position of the widths column once it is found, else -1.</summary>
    public int Column { get; private set; } = -1;

    /// <summary>Looks for the widths column among the columns known so far, until it is found.</summary>
    public void Find(IReadOnlyList<string> columns)
    {
        if (Parser is null && columns.FirstOrDefault(MlpFields.IsWidthsName) is { } name)
        {
            Column = ArchitectureColumns.Find(columns, name);
            Parser = new WidthsColumnParser(name, _searchSpace, _inputDimension);
        }

        Parser?.FindInputDimension(columns);
    }

    /// <summary>Returns the row's widths text, or null when the column is missing or blank there.</summary>
    public string? Text(ParsedRow row)
    {
        int column = Column;
        if (column < 0 || column >= row.FieldCount || column >= row.Values.Length)
        {
            return null;
        }

        string? text = Convert.ToString(row.Values[column], CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}

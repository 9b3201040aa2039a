using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Canopy.Architectures;
using Canopy.Storage.Cache;
using Canopy.Storage.Input;

namespace Canopy.Storage.Import;

/// <summary>
/// Canonicalises the architectures of the rows that <see cref="RowReader"/> read, on a dedicated thread, while the
/// reader reads the next batch and the calling thread writes the previous one.
/// </summary>
internal sealed class RowParser
{
    /// <summary>
    /// How many architecture strings the parser remembers with their canonical forms. Long-format files list each
    /// architecture once per task or seed, so a repeat is looked up instead of parsed again. The memory is cleared
    /// when it is full, which bounds it. If the first this many rows repeat nothing, the file lists each
    /// architecture once, and remembering stops because the lookups would cost more than they save.
    /// </summary>
    public const int MaxRemembered = 4096;

    private readonly int _architectureColumn;
    private readonly SearchSpace? _searchSpace;
    private readonly IArchitectureCanonicalizer _canonicalizer;
    private readonly WidthsColumnParser? _widths;
    private readonly WidthsFallback? _fallback;
    private readonly bool _decimalComma;
    private Dictionary<string, Parsed>? _remembered = new(StringComparer.Ordinal);
    private long _repeats;

    /// <param name="architectureColumn">The position of the architecture column.</param>
    /// <param name="searchSpace">The search space of every row; null to detect it for each row.</param>
    /// <param name="canonicalizer">Parses architecture strings.</param>
    /// <param name="widths">The parser of a LayerWidths column, or null when the column contains architecture strings.</param>
    /// <param name="decimalComma">Whether text such as 93,5 in the other columns is read as a number with a decimal comma.</param>
    /// <param name="fallback">The widths column that rows with an empty architecture column are read from; null for none.</param>
    public RowParser(
        int architectureColumn, SearchSpace? searchSpace, IArchitectureCanonicalizer canonicalizer, WidthsColumnParser? widths = null,
        bool decimalComma = false, WidthsFallback? fallback = null)
    {
        _fallback = fallback;
        _architectureColumn = architectureColumn;
        _searchSpace = searchSpace;
        _canonicalizer = canonicalizer;
        _widths = widths;
        _decimalComma = decimalComma;
    }

    /// <summary>
    /// Parses every batch from <paramref name="input"/> into <paramref name="output"/>, and marks the output complete
    /// when the input is, or on failure.
    /// </summary>
    public void Run(BlockingCollection<RowBatch> input, BlockingCollection<RowBatch> output, CancellationToken cancellationToken)
    {
        try
        {
            foreach (RowBatch batch in input.GetConsumingEnumerable(cancellationToken))
            {
                _widths?.FindInputDimension(batch.Columns);
                _fallback?.Find(batch.Columns);
                foreach (ParsedRow row in batch.Rows)
                {
                    Parse(row, batch.Columns);
                    if (_decimalComma)
                    {
                        ReadDecimalCommas(row);
                    }
                }

                output.Add(batch, cancellationToken);
            }
        }
        finally
        {
            output.CompleteAdding();
        }
    }

    private void ReadDecimalCommas(ParsedRow row)
    {
        object?[] values = row.Values;
        for (int column = 0; column < values.Length; column++)
        {
            // Widths such as 64,128 look like a decimal comma, but they are widths.
            if (column != _architectureColumn && column != _fallback?.Column && values[column] is string text)
            {
                values[column] = CellValue.ParseDecimalComma(text);
            }
        }
    }

    private void Parse(ParsedRow row, IReadOnlyList<string> columns)
    {
        if (row.Problem is not null)
        {
            return;
        }

        // A short CSV record is stored, as Import-Csv keeps it, unless its architecture field is missing.
        if (_architectureColumn >= row.FieldCount)
        {
            row.Problem = $"the record has {MessageWording.Count(row.FieldCount, "field", "fields")}, so it ends before the architecture column '{columns[_architectureColumn]}', column {_architectureColumn + 1} of {columns.Count}";
            return;
        }

        string? text = Convert.ToString(row.Values[_architectureColumn], CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(text) && _fallback?.Text(row) is { } widths)
        {
            ParseWidths(row, widths, _fallback.Parser!);
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            string other = _fallback is { Column: >= 0 } found ? $", and so is the column '{columns[found.Column]}'" : string.Empty;
            row.Problem = $"the architecture column '{columns[_architectureColumn]}' is empty{other}";
            return;
        }

        // A JSON record keeps a nested object as its JSON text, which no architecture form starts with.
        string trimmed = text.Trim();
        if (trimmed.StartsWith('{') && trimmed.EndsWith('}'))
        {
            row.Problem = $"the architecture column '{columns[_architectureColumn]}' contains the object {TextExcerpt.Of(trimmed, 120)}, not an architecture string";
            return;
        }

        if (_widths is not null)
        {
            ParseWidths(row, text, _widths);
            return;
        }

        if (!TryParse(text, out Parsed parsed, out string? error))
        {
            row.Problem = $"the architecture '{TextExcerpt.Of(text, 120)}' is invalid: {error}";
            return;
        }

        row.Canonical = parsed.Canonical;
        row.SearchSpace = parsed.SearchSpace;
        row.ArchitectureHash = parsed.Hash;
    }

    // Widths are not remembered, because the same widths give another architecture with another input dimension.
    private static void ParseWidths(ParsedRow row, string widths, WidthsColumnParser parser)
    {
        if (!parser.TryParse(widths, row, out Architecture? architecture, out string? problem))
        {
            row.Problem = problem;
            return;
        }

        row.Canonical = architecture!.Canonical;
        row.SearchSpace = architecture.SearchSpace;
        row.ArchitectureHash = ArchitectureHash.Compute(architecture.Canonical);
    }

    private bool TryParse(string text, out Parsed parsed, out string? error)
    {
        error = null;
        if (_remembered is not null && _remembered.TryGetValue(text, out parsed))
        {
            _repeats++;
            return true;
        }

        if (!_canonicalizer.TryCanonicalize(text, _searchSpace, out string canonical, out SearchSpace detected, out error))
        {
            parsed = default;
            return false;
        }

        parsed = new Parsed(canonical, detected, ArchitectureHash.Compute(canonical));
        Remember(text, parsed);
        return true;
    }

    private void Remember(string text, Parsed parsed)
    {
        if (_remembered is null)
        {
            return;
        }

        if (_remembered.Count == MaxRemembered)
        {
            if (_repeats == 0)
            {
                _remembered = null;
                return;
            }

            _remembered.Clear();
        }

        _remembered[text] = parsed;
    }

    private readonly record struct Parsed(string Canonical, SearchSpace SearchSpace, long Hash);
}

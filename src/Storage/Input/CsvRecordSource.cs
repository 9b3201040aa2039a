using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;
using CsvHelper.Configuration;

namespace Canopy.Storage.Input;

/// <summary>
/// Reads a delimited text file with CsvHelper: the delimiter is detected (comma, semicolon, tab or bar), fields may
/// be quoted and span lines, and a byte-order mark selects the encoding.
/// </summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private readonly string _path;
    private readonly CountingStream _file;
    private readonly CsvReader _csv;
    private readonly string[] _columns;
    private readonly object?[] _values;
    private readonly List<string> _warnings = new();
    private string? _badData;
    private long _nextLine;

    public CsvRecordSource(string path, CountingStream file, Stream content, bool compressed)
    {
        _path = path;
        _file = file;
        Format = compressed ? "CSV (gzip)" : "CSV";
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            BadDataFound = args => _badData ??= DescribeBadField(args.Field),
            MissingFieldFound = null,
        };
        var text = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        _csv = new CsvReader(text, configuration);

        if (!_csv.Read())
        {
            throw new BenchmarkFileException(path, 1, "The file is empty; a benchmark file starts with a header row of column names.");
        }

        _columns = ColumnNames.Normalize(_csv.Parser.Record ?? Array.Empty<string>(), path, _warnings);
        _values = new object?[_columns.Length];
        _nextLine = _csv.Parser.RawRow + 1;
    }

    public string Format { get; }

    public IReadOnlyList<string> Columns => _columns;

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyCollection<int> NestedValueColumns => Array.Empty<int>();

    public long LineNumber { get; private set; }

    public long BytesRead => _file.BytesRead;

    public long TotalBytes => _file.Length;

    public int FieldCount { get; private set; }

    public string? RecordProblem { get; private set; }

    public string? ProblemIfLast { get; private set; }

    public bool Read()
    {
        _badData = null;
        if (!ReadRecord())
        {
            return false;
        }

        string[] record = _csv.Parser.Record ?? Array.Empty<string>();
        LineNumber = FirstLineOf(record);
        FieldCount = Math.Min(record.Length, _columns.Length);
        _nextLine = _csv.Parser.RawRow + 1;

        // A quote that is never closed turns the lines after it into one long field, so the message names them all.
        // When that field runs to a final line break, RawRow counts one more, empty, line after it.
        long lastLine = record.Length > 0 && record[^1].EndsWith('\n') ? _csv.Parser.RawRow - 1 : _csv.Parser.RawRow;
        RecordProblem = _badData is not null && lastLine > LineNumber
            ? $"a quoted field that starts on this line runs on to line {lastLine}, so a closing quote is probably missing; lines {LineNumber} to {lastLine} were read as this one row"
            : _badData;
        if (record.Length > _columns.Length)
        {
            RecordProblem ??= $"the record has {record.Length} fields but the header names {_columns.Length} columns";
        }

        // TODO: a plain file cut inside its last field still has every field, so that value is stored shortened. A
        // missing final newline would hint at the cut, but many whole files end without one, so it is not rejected.
        ProblemIfLast = record.Length < _columns.Length
            ? $"the last record has {record.Length} of the header's {_columns.Length} fields, so the file may end in the middle of a row"
            : null;

        for (int i = 0; i < _columns.Length; i++)
        {
            // A short record leaves its last columns missing, as Import-Csv does.
            _values[i] = i < record.Length ? CellValue.Parse(record[i]) : null;
        }

        return true;
    }

    public object? GetValue(int column) => _values[column];

    // A gzip file that ends early is found only when the reader reaches its end, inside the record that starts on
    // the line after the last one read.
    private bool ReadRecord()
    {
        try
        {
            return _csv.Read();
        }
        catch (InvalidDataException exception)
        {
            throw new BenchmarkFileException(_path, _nextLine, exception.Message, exception);
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _file.Dispose();
    }

    // RawRow counts physical lines up to the end of the record, and blank lines skipped before it push the start down.
    private long FirstLineOf(string[] record)
    {
        long lastLine = _csv.Parser.RawRow;
        long spannedLines = 0;
        foreach (string field in record)
        {
            spannedLines += field.AsSpan().Count('\n');
        }

        return Math.Max(_nextLine, lastLine - spannedLines);
    }

    // Names one of three faults: a quote that opens a field and never closes, text after a closing quote, or a quote
    // inside an unquoted field. Quotes inside a quoted field come in pairs, so an odd count means an open quote.
    private static string DescribeBadField(string field)
    {
        string excerpt = Shorten(field);
        if (!field.StartsWith('"'))
        {
            return $"the field '{excerpt}' has a quote inside an unquoted field";
        }

        return field.AsSpan().Count('"') % 2 == 1
            ? $"the field '{excerpt}' opens a quote that is never closed"
            : $"the field '{excerpt}' has text after its closing quote";
    }

    // The first 37 characters of the first line, so that a message stays on one line.
    private static string Shorten(string text)
    {
        int lineEnd = text.AsSpan().IndexOfAny('\r', '\n');
        string firstLine = lineEnd < 0 ? text : text[..lineEnd];
        return firstLine.Length > 40 || lineEnd >= 0 ? firstLine[..Math.Min(firstLine.Length, 37)] + "..." : firstLine;
    }
}

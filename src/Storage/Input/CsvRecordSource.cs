using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Delegates;

namespace Canopy.Storage.Input;

/// <summary>
/// Reads a delimited text file with CsvHelper: the delimiter is detected (comma, semicolon, tab or bar), fields may
/// be quoted and span lines, and a byte-order mark selects the encoding. A first line "#TYPE ...", which Export-Csv of
/// Windows PowerShell 5.1 writes, is skipped as Import-Csv skips it.
/// </summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private const string TypeLinePrefix = "#TYPE ";

    private readonly string _path;
    private readonly bool _compressed;
    private readonly CountingStream _file;
    private readonly CsvReader _csv;
    private readonly string[] _columns;
    private readonly object?[] _values;
    private readonly List<string> _warnings = new();
    private readonly DecimalCommaColumns _decimalCommas = new();
    private string? _badData;
    private string? _unclosedQuote;
    private string? _cutOffProblem;
    private long _nextLine;

    public CsvRecordSource(string path, CountingStream file, Stream content, bool compressed, Encoding encoding)
    {
        _path = path;
        _compressed = compressed;
        _file = file;
        Format = compressed ? "CSV (gzip)" : "CSV";
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            GetDelimiter = args => ExcelSeparator(args.Text) ?? ConfigurationFunctions.GetDelimiter(new GetDelimiterArgs(BlankTypeAndWhiteSpaceLines(args.Text), args.Configuration)),
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            BadDataFound = args => NoteBadField(args.Field),
            MissingFieldFound = null,
        };
        var text = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true);
        _csv = new CsvReader(text, configuration);

        _nextLine = 1;
        string[] header = ReadLineWithContent()
            ?? throw new BenchmarkFileException(path, 1, "The file is empty; a benchmark file starts with a header row of column names.");
        if (_csv.Parser.RawRow == 1 && _csv.Parser.RawRecord.StartsWith(TypeLinePrefix, StringComparison.Ordinal))
        {
            _nextLine = 2;
            header = ReadLineWithContent()
                ?? throw new BenchmarkFileException(path, 2, "The file contains only the line '#TYPE ...' that Export-Csv writes, but a header row of column names must follow it.");
        }
        else if (_csv.Parser.RawRow == 1 && ExcelSeparator(_csv.Parser.RawRecord) is { } separator)
        {
            _nextLine = 2;
            header = ReadLineWithContent()
                ?? throw new BenchmarkFileException(path, 2, $"The file contains only the line 'sep={separator}' that Excel reads as the delimiter, but a header row of column names must follow it.");
        }

        // UTF-16 text read as UTF-8 has a NUL byte beside every ASCII letter, which no column name contains.
        if (Array.Exists(header, name => name.Contains('\0')))
        {
            throw new BenchmarkFileException(path, _nextLine, "The header row contains NUL characters, so the file is probably UTF-16 without a byte-order mark. Give -Encoding unicode, or bigendianunicode for big-endian UTF-16.");
        }

        _columns = ColumnNames.Normalize(header, path, _warnings);
        _values = new object?[_columns.Length];
        _nextLine = _csv.Parser.RawRow + 1;
    }

    public string Format { get; }

    public IReadOnlyList<string> Columns => _columns;

    public IReadOnlyList<string> Warnings => _warnings;

    public string? CommaNumberWarning(IReadOnlyCollection<int> excludedColumns) => _decimalCommas.Warning(_columns, excludedColumns);

    public IReadOnlyCollection<int> NestedValueColumns => Array.Empty<int>();

    public long LineNumber { get; private set; }

    public long BytesRead => _file.BytesRead;

    public long TotalBytes => _file.Length;

    public int FieldCount { get; private set; }

    public string? RecordProblem { get; private set; }

    public bool Read()
    {
        _badData = null;
        _unclosedQuote = null;
        if (ReadLineWithContent() is not { } record)
        {
            // Only the end of the file shows that the record read before was the last one.
            if (_cutOffProblem is not null)
            {
                throw new BenchmarkFileException(_path, LineNumber, _cutOffProblem);
            }

            return false;
        }

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

        _cutOffProblem = DescribeCutOff(record.Length, lastLine);

        for (int i = 0; i < _columns.Length; i++)
        {
            // A short record leaves its last columns missing, as Import-Csv does.
            _values[i] = i < record.Length ? CellValue.Parse(record[i]) : null;

            // Only text needs the check, so numeric cells, most of a benchmark file, cost nothing more.
            if (_values[i] is string text)
            {
                _decimalCommas.Note(i, text);
            }
        }

        return true;
    }

    public object? GetValue(int column) => _values[column];

    // Returns the fields of the next record that is not a line of only spaces or tabs, or null at the end of the file.
    // Editors leave such lines behind, so they are skipped like blank lines.
    private string[]? ReadLineWithContent()
    {
        while (ReadRecord())
        {
            string[] record = _csv.Parser.Record ?? Array.Empty<string>();
            if (!IsWhiteSpaceLine(record))
            {
                return record;
            }
        }

        return null;
    }

    // The fields are checked first, so the raw text, which the parser builds on request, is read only for blank ones.
    private bool IsWhiteSpaceLine(string[] record)
    {
        foreach (string field in record)
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                return false;
            }
        }

        return string.IsNullOrWhiteSpace(_csv.Parser.RawRecord);
    }

    // CsvHelper detects the delimiter from the lines at the start of the file, and a line without any delimiter makes
    // every candidate fail, so a first "#TYPE" line and lines of only spaces or tabs are emptied for the detection.
    // Excel writes and reads a first line such as "sep=;" that names the delimiter, and Import-Csv does not know it.
    private static string? ExcelSeparator(string text)
    {
        int end = text.IndexOf('\n');
        ReadOnlySpan<char> line = (end < 0 ? text : text[..end]).AsSpan().TrimEnd('\r');
        return line.Length == 5 && line.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) ? line[4].ToString() : null;
    }

    private static string BlankTypeAndWhiteSpaceLines(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            bool typeLine = i == 0 && lines[i].StartsWith(TypeLinePrefix, StringComparison.Ordinal);
            if (typeLine || (lines[i].Length > 0 && string.IsNullOrWhiteSpace(lines[i])))
            {
                lines[i] = string.Empty;
            }
        }

        return string.Join('\n', lines);
    }

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
        catch (DecoderFallbackException exception)
        {
            // The decoder fails on a whole buffer ahead of the parser, so the current line is not the one to name.
            throw BenchmarkFile.InvalidUtf8(_path, _compressed, exception);
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

    private void NoteBadField(string field)
    {
        _badData ??= DescribeBadField(field);
        if (IsUnclosedQuotedField(field))
        {
            _unclosedQuote ??= field;
        }
    }

    // Describes why the current record would be the end of a cut-off copy if no record follows it, or returns null.
    private string? DescribeCutOff(int fieldCount, long lastLine)
    {
        if (_unclosedQuote is not null)
        {
            string excerpt = Shorten(_unclosedQuote);
            string found = lastLine > LineNumber
                ? $"The quoted field '{excerpt}' that starts on this line is not closed before the end of the file, so lines {LineNumber} to {lastLine} were read as one last record, and the file looks truncated."
                : $"The quoted field '{excerpt}' in the last record is not closed before the end of the file, so the file looks truncated.";
            return $"{found} {BenchmarkFileException.NothingStored} Add the missing closing quote, or complete or remove the last row, then import the file again.";
        }

        // TODO: a plain file cut inside its last field still has every field, so that value is stored shortened. A
        // missing final newline would hint at the cut, but many whole files end without one, so it is not rejected.
        if (fieldCount < _columns.Length)
        {
            return $"The last record has {fieldCount} of the header's {_columns.Length} fields, so the file looks truncated in the middle of a row. {BenchmarkFileException.NothingStored} Complete the last row or remove it, then import the file again.";
        }

        return null;
    }

    // Names one of three faults: a quote that opens a field and never closes, text after a closing quote, or a quote
    // inside an unquoted field.
    private static string DescribeBadField(string field)
    {
        string excerpt = Shorten(field);
        if (!field.StartsWith('"'))
        {
            return $"the field '{excerpt}' has a quote inside an unquoted field";
        }

        return IsUnclosedQuotedField(field)
            ? $"the field '{excerpt}' opens a quote that is never closed"
            : $"the field '{excerpt}' has text after its closing quote";
    }

    // CsvHelper ends a quoted field only after a single closing quote, because a doubled quote inside it is an escaped
    // quote. A raw field without that closing quote therefore ran on to the end of the file.
    private static bool IsUnclosedQuotedField(string field)
    {
        if (!field.StartsWith('"'))
        {
            return false;
        }

        for (int i = 1; i < field.Length; i++)
        {
            if (field[i] != '"')
            {
                continue;
            }

            if (i + 1 < field.Length && field[i + 1] == '"')
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    // The first 37 characters of the first line, so that a message stays on one line.
    private static string Shorten(string text)
    {
        int lineEnd = text.AsSpan().IndexOfAny('\r', '\n');
        string firstLine = lineEnd < 0 ? text : text[..lineEnd];
        return firstLine.Length > 40 || lineEnd >= 0 ? firstLine[..Math.Min(firstLine.Length, 37)] + "..." : firstLine;
    }
}

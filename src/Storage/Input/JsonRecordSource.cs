using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Canopy.Storage.Input;

/// <summary>
/// Reads a JSON array of flat objects one record at a time with Utf8JsonReader, so memory contains the largest
/// record rather than the file. Numbers become long or double, strings text and null missing. A nested array or
/// object is kept as its JSON text, and true/false become 1/0.
/// </summary>
internal sealed class JsonRecordSource : IRecordSource
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly string _path;
    private readonly bool _compressed;
    private readonly CountingStream _file;
    private readonly Stream _content;
    private readonly List<string> _columns = new();
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<object?> _values = new();
    private readonly List<string> _blankNameWarnings = new();
    private readonly SortedSet<int> _nestedColumns = new();
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _endOfFile;
    private bool _finished;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    private long _linesBeforeStart;

    public JsonRecordSource(string path, CountingStream file, Stream content, bool compressed)
    {
        _path = path;
        _compressed = compressed;
        _file = file;
        _content = content;
        Format = compressed ? "JSON (gzip)" : "JSON";
        SkipByteOrderMark();
    }

    public string Format { get; }

    public IReadOnlyList<string> Columns => _columns;

    public IReadOnlyList<string> Warnings => _blankNameWarnings;

    // JSON numbers have one form, so a comma in a value is never a decimal comma.
    public string? CommaNumberWarning(IReadOnlyCollection<int> excludedColumns) => null;

    public IReadOnlyCollection<int> NestedValueColumns => _nestedColumns;

    public long LineNumber { get; private set; }

    public long BytesRead => _file.BytesRead;

    public long TotalBytes => _file.Length;

    public int FieldCount => _columns.Count;

    public string? RecordProblem { get; private set; }

    public bool Read()
    {
        while (!_finished)
        {
            if (TryReadRecord(out bool arrayEnded))
            {
                return true;
            }

            if (arrayEnded)
            {
                RejectContentAfterArray();
                _finished = true;
                break;
            }

            if (_endOfFile)
            {
                throw Invalid(LineOf(_end), TruncatedArray);
            }

            Refill();
        }

        return false;
    }

    public object? GetValue(int column) => column < _values.Count ? _values[column] : null;

    public void Dispose()
    {
        _content.Dispose();
        _file.Dispose();
    }

    // Parses the next complete record in the buffer; returns false when the buffer needs more bytes or the array ended.
    private bool TryReadRecord(out bool arrayEnded)
    {
        arrayEnded = false;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfFile, _state);
        try
        {
            while (true)
            {
                JsonReaderState checkpoint = reader.CurrentState;
                long consumedBefore = reader.BytesConsumed;
                if (!reader.Read())
                {
                    Advance(consumedBefore, checkpoint);
                    return false;
                }

                if (reader.CurrentDepth == 0)
                {
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        Advance(reader.BytesConsumed, reader.CurrentState);
                        arrayEnded = true;
                        return false;
                    }

                    throw Invalid(LineOf(_start + (int)reader.TokenStartIndex), TopLevelObject);
                }

                long recordStart = reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Invalid(LineOf(_start + (int)recordStart), $"Each element of the array must be a record {{...}}, not {reader.TokenType}.");
                }

                if (!JsonDocument.TryParseValue(ref reader, out JsonDocument? document))
                {
                    Advance(consumedBefore, checkpoint);
                    return false;
                }

                using (document)
                {
                    LineNumber = LineOf(_start + (int)recordStart);
                    Advance(reader.BytesConsumed, reader.CurrentState);
                    LoadCheckingUtf8(document.RootElement);
                }

                return true;
            }
        }
        catch (JsonException exception)
        {
            // The reader state carries the line count from the start of the file, so LineNumber is 0-based in the file.
            long line = exception.LineNumber is long index ? index + 1 : LineOf(_start);
            if (_endOfFile && IsValidPrefix())
            {
                throw Invalid(line, TruncatedArray);
            }

            if (FindNonFiniteLiteral() is { } literal)
            {
                throw Invalid(line, $"The file is not valid JSON, because it contains the value {literal}, which JSON does not allow. Python's json.dump writes NaN, Infinity and -Infinity for non-finite floats. Write null for a missing value instead, for example by replacing such floats with None before json.dump. With allow_nan=False, json.dump raises ValueError on them rather than writing them.", exception);
            }

            throw Invalid(line, "The file is not valid JSON: " + WithoutPosition(exception.Message));
        }
    }

    // Only a file that starts with '[' or '{' is read as JSON, so the top level is an object when it is no array.
    // NAS-Bench-Suite-Zero's files are one object that keys records by architecture, which users try first.
    private const string TopLevelObject =
        "The file starts with one JSON object {...}, but a JSON benchmark file must be an array of records, [ {...}, {...} ]. " +
        "A file that keys its records by architecture, as NAS-Bench-Suite-Zero's files do, turns into records with ConvertFrom-Json, " +
        "as docs/architectures.md shows, and Export-Csv writes them to a file that imports.";

    // Python's json module writes these for non-finite floats unless allow_nan=False.
    private static readonly string[] NonFiniteLiterals = { "NaN", "-Infinity", "Infinity" };

    // Returns the non-finite number literal at which the reader fails in the current window, or null when it fails on
    // anything else. The reader stops before the value that it cannot read, so the literal follows the last separator.
    // A literal cut off by the end of the window, with more of the file to come, counts too.
    private string? FindNonFiniteLiteral()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfFile, _state);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException)
        {
            ReadOnlySpan<byte> rest = _buffer.AsSpan(_start + (int)reader.BytesConsumed, _end - _start - (int)reader.BytesConsumed);
            rest = rest.TrimStart(" \t\r\n,:["u8);
            foreach (string literal in NonFiniteLiterals)
            {
                byte[] expected = System.Text.Encoding.ASCII.GetBytes(literal);
                int length = Math.Min(rest.Length, expected.Length);
                if (length > 0 && rest[..length].SequenceEqual(expected.AsSpan(0, length)) && (length == expected.Length || !_endOfFile))
                {
                    return literal;
                }
            }

            return null;
        }
    }

    // Utf8JsonReader checks the UTF-8 of names and strings only when they are decoded, and then throws
    // InvalidOperationException, so the file is checked again to tell that from other faults.
    private void LoadCheckingUtf8(JsonElement record)
    {
        try
        {
            Load(record);
        }
        catch (InvalidOperationException exception) when (BenchmarkFile.FindInvalidUtf8(_path, _compressed) is not null)
        {
            throw BenchmarkFile.InvalidUtf8(_path, _compressed, exception);
        }
    }

    private void Load(JsonElement record)
    {
        _values.Clear();
        RecordProblem = null;
        foreach (JsonProperty property in record.EnumerateObject())
        {
            if (!_columnIndex.TryGetValue(property.Name, out int column))
            {
                // NOTE: a blank property name becomes H<position>, which is not checked against a real property of
                // that name, so such a file reads back with two properties of one name.
                column = _columns.Count;
                string name = property.Name;
                if (string.IsNullOrWhiteSpace(name))
                {
                    name = "H" + (column + 1);
                    _blankNameWarnings.Add($"A property with an empty name, column {column + 1} in order of appearance, is stored as '{name}'.");
                }

                _columns.Add(name);
                _columnIndex[property.Name] = column;
            }

            while (_values.Count <= column)
            {
                _values.Add(null);
            }

            if (_values[column] is not null)
            {
                RecordProblem ??= $"the record names the property '{property.Name}' more than once";
            }

            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                _nestedColumns.Add(column);
            }

            _values[column] = Convert(property.Value);
        }
    }

    private static object? Convert(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => ConvertNumber(value),
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        _ => value.GetRawText(),
    };

    // A number beyond the double range, such as 1e400, would read as infinity, so it is kept as text, as in a CSV file.
    private static object ConvertNumber(JsonElement value)
    {
        if (value.TryGetInt64(out long whole))
        {
            return whole;
        }

        double real = value.GetDouble();
        return double.IsFinite(real) ? real : value.GetRawText();
    }

    // Moves the window start past consumed bytes, counting the newlines it passes for line numbers.
    private void Advance(long consumed, JsonReaderState state)
    {
        _linesBeforeStart += _buffer.AsSpan(_start, (int)consumed).Count((byte)'\n');
        _start += (int)consumed;
        _state = state;
    }

    // System.Text.Json ends its messages with " LineNumber: n | BytePositionInLine: n.", 0-based, which would
    // contradict the 1-based line that the message already starts with.
    private static string WithoutPosition(string message)
    {
        int position = message.LastIndexOf(" LineNumber: ", StringComparison.Ordinal);
        return position > 0 ? message[..position] : message;
    }

    // A benchmark file contains one array, so anything but white space after it is reported instead of being dropped.
    private void RejectContentAfterArray()
    {
        while (true)
        {
            int extra = _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8);
            if (extra >= 0)
            {
                throw Invalid(LineOf(_start + extra), "The file is invalid: it goes on after its JSON array. A benchmark file contains one array of records, so remove what follows it.");
            }

            if (_endOfFile)
            {
                return;
            }

            Advance(_end - _start, _state);
            Refill();
        }
    }

    private const string TruncatedArray =
        "The file ends inside the JSON array, so it is truncated. " + BenchmarkFileException.NothingStored + " Copy or download the complete file, then import it again.";

    // A cut-off file, read as a block that more bytes would follow, runs out of data without an error.
    private bool IsValidPrefix()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private long LineOf(int bufferOffset) => _linesBeforeStart + _buffer.AsSpan(_start, bufferOffset - _start).Count((byte)'\n') + 1;

    private void Refill()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            // One record is larger than the buffer; grow it, so memory follows the largest record only.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read;
        try
        {
            read = _content.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException exception)
        {
            // A gzip file whose data ends early or is damaged; the line is the last one read.
            throw Invalid(LineOf(_end), exception.Message, exception);
        }

        _end += read;
        _endOfFile = read == 0;
    }

    private void SkipByteOrderMark()
    {
        Refill();
        while (!_endOfFile && _end < 3)
        {
            Refill();
        }

        if (_buffer.AsSpan(0, _end).StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            _start = 3;
        }
    }

    private BenchmarkFileException Invalid(long line, string message, Exception? innerException = null) => new(_path, line, message, innerException);
}

using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace Canopy.Storage.Input;

/// <summary>Opens a benchmark file as CSV or JSON, decompressing gzip, judged by content rather than by extension.</summary>
internal static class BenchmarkFile
{
    private const int FileBufferSize = 1 << 16;

    /// <summary>
    /// Opens <paramref name="path"/>: gzip is recognised by its magic bytes 1F 8B, and JSON by a first
    /// non-blank character '[' or '{' (after any byte-order mark); anything else is read as delimited text.
    /// Text is decoded with <paramref name="encoding"/>, or as UTF-8 when it is null, and a byte-order mark overrides
    /// either.
    /// </summary>
    /// <exception cref="BenchmarkFileException">The compressed data is damaged or ends early, or the first record is invalid.</exception>
    public static IRecordSource Open(string path, Encoding? encoding = null)
    {
        // A device such as /dev/zero or a named pipe reports no length, and reading it would never end.
        var info = new FileInfo(path);
        FileSystemInfo target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        if (target is FileInfo { Exists: true, Length: 0 })
        {
            throw new BenchmarkFileException(path, 1, "The file is empty or not a regular file, such as a device or a named pipe. A benchmark file starts with a header row of column names.");
        }

        bool compressed = IsGzip(path);
        if (compressed)
        {
            CheckWholeGzip(path);
        }

        (bool json, Encoding? byteOrderMark) = ReadStart(path, compressed);

        var file = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize));
        try
        {
            Stream content = compressed ? new CheckedGzipStream(file) : file;
            Encoding decoding = TextEncodings.ForDecoding(encoding);
            if (!json)
            {
                // StreamReader skips a mark that matches the encoding's preamble and keeps the encoding, so a UTF-8 mark
                // keeps the strict UTF-8 check. After any other mark it switches to that mark's encoding.
                return new CsvRecordSource(path, file, content, compressed, byteOrderMark is UTF8Encoding ? byteOrderMark : decoding);
            }

            // The JSON reader reads UTF-8 bytes and checks them itself, so text in another encoding is converted to
            // UTF-8 as it is read. A byte-order mark selects the encoding, as it does for delimited text.
            decoding = byteOrderMark ?? decoding;
            if (decoding.CodePage != Encoding.UTF8.CodePage)
            {
                content = Encoding.CreateTranscodingStream(content, decoding, Encoding.UTF8);
            }

            return new JsonRecordSource(path, file, content, compressed);
        }
        catch (InvalidDataException exception)
        {
            file.Dispose();
            throw new BenchmarkFileException(path, 1, exception.Message, exception);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The default benchmark name: the file name without its extension, and without ".gz" before that.</summary>
    public static string DefaultName(string path)
    {
        string name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        // Outer white space in a file name would make a name that -Name could only match by repeating it.
        string withoutExtension = Path.GetFileNameWithoutExtension(name).Trim();
        return withoutExtension.Length > 0 ? withoutExtension : name.Trim();
    }

    // zlib checks a member's CRC-32 only at its end, so damaged data decodes to garbled rows first. Checking the whole
    // file before reading any row reports the damage alone.
    private static void CheckWholeGzip(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize);
        using var content = new CheckedGzipStream(file);
        var buffer = new byte[FileBufferSize];
        long lineNumber = 1;
        try
        {
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                lineNumber += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }
        catch (InvalidDataException exception) when (exception.Message == CheckedGzipStream.Damaged)
        {
            // Damaged blocks may decode to text before the checksum fails, so no line number is reported.
            throw new BenchmarkFileException(path, exception.Message, exception);
        }
        catch (InvalidDataException exception)
        {
            throw new BenchmarkFileException(path, lineNumber, exception.Message, exception);
        }
    }

    /// <summary>Creates the error for a file that is not valid UTF-8, naming the line of its first invalid byte.</summary>
    internal static BenchmarkFileException InvalidUtf8(string path, bool compressed, Exception exception)
    {
        const string Advice = "Files saved by Windows tools, or by Excel as plain CSV, are often Windows-1252 or Latin-1 text. Give the file's encoding with -Encoding, for example -Encoding latin1 or -Encoding 1252.";

        // A cache file among the files of a wildcard is binary, so no encoding would help.
        if (!compressed && IsSqlite(path))
        {
            return new BenchmarkFileException(path, "The file is an SQLite database, not a benchmark table of text. A Canopy cache is read with Get-CanopyBenchmark -Database and this path.", exception);
        }

        if (FindInvalidUtf8(path, compressed) is not (long line, byte value))
        {
            return new BenchmarkFileException(path, $"The file is not valid UTF-8 text. {exception.Message} {Advice}", exception);
        }

        return new BenchmarkFileException(path, line, $"The file is not valid UTF-8 text, because the line contains the byte 0x{value:X2}, which UTF-8 does not allow there. {Advice}", exception);
    }

    /// <summary>
    /// Reads the file again to find its first byte that is not valid UTF-8, and returns the 1-based line of that
    /// byte and its value, or null when the whole file is valid UTF-8.
    /// </summary>
    internal static (long Line, byte Value)? FindInvalidUtf8(string path, bool compressed)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize);
        using Stream content = compressed ? new GZipStream(file, CompressionMode.Decompress) : file;
        var bytes = new byte[FileBufferSize];
        var chars = new char[FileBufferSize];
        long line = 1;
        int pending = 0;
        while (true)
        {
            int length = pending + content.ReadAtLeast(bytes.AsSpan(pending), bytes.Length - pending, throwOnEndOfStream: false);
            bool final = length < bytes.Length;
            OperationStatus status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out int bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += bytes.AsSpan(0, bytesRead).Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
            {
                return (line, bytes[bytesRead]);
            }

            if (final)
            {
                return null;
            }

            // A character split across two reads is decoded with the next one.
            pending = length - bytesRead;
            bytes.AsSpan(bytesRead, pending).CopyTo(bytes);
        }
    }

    // SQLite database files start with this 16-byte header.
    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    private static bool IsSqlite(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> header = stackalloc byte[16];
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteHeader);
    }

    internal static bool IsGzip(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> magic = stackalloc byte[2];
        return stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    // Returns whether the text starts with '[' or '{' after any byte-order mark and blanks, and the encoding that the
    // mark selects. Windows PowerShell 5.1 writes UTF-16 with a mark, as in Set-Content -Encoding Unicode.
    private static (bool Json, Encoding? ByteOrderMark) ReadStart(string path, bool compressed)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using Stream content = compressed ? new GZipStream(file, CompressionMode.Decompress) : file;
        var start = new byte[4096];
        int length;
        try
        {
            length = content.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException exception)
        {
            throw new BenchmarkFileException(path, CheckedGzipStream.Damaged, exception);
        }

        // The first bytes may end inside a character, so this look decodes leniently; the import checks every byte.
        (Encoding? encoding, int markLength) = ByteOrderMark(start.AsSpan(0, length));
        string text = Encoding.GetEncoding((encoding ?? Encoding.UTF8).CodePage).GetString(start, markLength, length - markLength);
        string first = text.TrimStart(' ', '\t', '\r', '\n');
        return (first.Length > 0 && first[0] is '[' or '{', encoding);
    }

    // UTF-8 is strict, as without a mark. UTF-16 and UTF-32 decode as StreamReader decodes them after their marks.
    private static (Encoding? Encoding, int Length) ByteOrderMark(ReadOnlySpan<byte> start) => start switch
    {
        [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
        [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8WithMark, 3),
        _ => (null, 0),
    };

    private static readonly Encoding StrictUtf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
}

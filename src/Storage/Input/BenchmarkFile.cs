using System;
using System.IO;
using System.IO.Compression;

namespace Canopy.Storage.Input;

/// <summary>Opens a benchmark file as CSV or JSON, decompressing gzip, judged by content rather than by extension.</summary>
internal static class BenchmarkFile
{
    private const int FileBufferSize = 1 << 16;

    /// <summary>
    /// Opens <paramref name="path"/>: gzip is recognised by its magic bytes 1F 8B, and JSON by a first
    /// non-blank character '[' or '{' (after any byte-order mark); anything else is read as delimited text.
    /// </summary>
    /// <exception cref="BenchmarkFileException">The compressed data is damaged or ends early, or the first record is invalid.</exception>
    public static IRecordSource Open(string path)
    {
        bool compressed = IsGzip(path);
        if (compressed)
        {
            CheckWholeGzip(path);
        }

        bool json = StartsWithBracket(path, compressed);

        var file = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize));
        try
        {
            Stream content = compressed ? new CheckedGzipStream(file) : file;
            return json ? new JsonRecordSource(path, file, content, compressed) : new CsvRecordSource(path, file, content, compressed);
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

        string withoutExtension = Path.GetFileNameWithoutExtension(name);
        return withoutExtension.Length > 0 ? withoutExtension : name;
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

    private static bool IsGzip(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> magic = stackalloc byte[2];
        return stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static bool StartsWithBracket(string path, bool compressed)
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

        int i = start.AsSpan(0, length).StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        while (i < length && start[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < length && start[i] is (byte)'[' or (byte)'{';
    }
}

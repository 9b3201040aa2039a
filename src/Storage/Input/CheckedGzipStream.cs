using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Canopy.Storage.Input;

/// <summary>
/// Decompresses a gzip file like <see cref="GZipStream"/>, but throws <see cref="InvalidDataException"/> when the
/// compressed data is damaged or ends before the end of its last member. GZipStream on .NET 10 returns a normal end
/// of stream for a file that ends early, so a cut-off copy would read as a shorter file.
/// </summary>
/// <remarks>
/// After the file's last byte, the decompressor gets one more gzip member whose content is <see cref="Marker"/>.
/// GZipStream reads concatenated members, and zlib checks each member's CRC-32 and length, so a complete file is
/// followed by exactly the marker. An unfinished member takes the marker member's bytes as the rest of its own data
/// instead, which fails or yields other bytes. DeflateStream.ReadCore reads more input only after it has returned
/// all output decoded so far, so the output that follows the file's end is held back until it is checked, and
/// bytes decoded from the marker never reach the reader.
/// </remarks>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    /// <summary>The message for compressed data that ends before its last member does.</summary>
    public const string EndsEarly = "The gzip-compressed data ends early, so the file is truncated. " + BenchmarkFileException.NothingStored + " Copy or download it again.";

    /// <summary>The message for compressed data that zlib rejects.</summary>
    public const string Damaged = "The gzip-compressed data is damaged, because a checksum or a compressed block is invalid. Copy or download the file again.";

    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("\0Canopy: end of the gzip file\0");
    private static readonly byte[] MarkerMember = Compress(Marker);

    private readonly FileThenMarker _input;
    private readonly GZipStream _gzip;
    private MemoryStream? _afterFileEnd;
    private byte[]? _checkedTail;
    private int _tailPosition;

    public CheckedGzipStream(Stream file)
    {
        _input = new FileThenMarker(file);
        _gzip = new GZipStream(_input, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(Span<byte> buffer)
    {
        while (_checkedTail is null)
        {
            int read = Decompress(buffer);

            // Without the marker's input, the last member ended inside the file, and GZipStream ignores the bytes
            // after it when they do not start another member. gzip 1.12 ignores them too, with a warning unless they
            // are zero bytes.
            if (!_input.MarkerStarted)
            {
                return read;
            }

            if (read == 0)
            {
                _checkedTail = CheckTail();
                break;
            }

            _afterFileEnd ??= new MemoryStream();
            _afterFileEnd.Write(buffer[..read]);
        }

        int length = Math.Min(buffer.Length, _checkedTail.Length - _tailPosition);
        _checkedTail.AsSpan(_tailPosition, length).CopyTo(buffer);
        _tailPosition += length;
        return length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Decompress(Span<byte> buffer)
    {
        try
        {
            return _gzip.Read(buffer);
        }
        catch (InvalidDataException exception) when (_input.MarkerStarted)
        {
            throw new InvalidDataException(EndsEarly, exception);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException(Damaged, exception);
        }
    }

    // Returns the file's output held back after its end, without the marker, or throws when the marker is not there.
    private byte[] CheckTail()
    {
        byte[] tail = _afterFileEnd?.ToArray() ?? Array.Empty<byte>();
        if (!tail.AsSpan().EndsWith(Marker))
        {
            throw new InvalidDataException(EndsEarly);
        }

        return tail[..^Marker.Length];
    }

    private static byte[] Compress(byte[] content)
    {
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return member.ToArray();
    }

    /// <summary>The bytes of the file, then the bytes of the marker member.</summary>
    private sealed class FileThenMarker : ReadOnlyStream
    {
        private readonly Stream _file;
        private int _markerPosition;

        public FileThenMarker(Stream file) => _file = file;

        /// <summary>Whether the file has ended and the decompressor has read past its end.</summary>
        public bool MarkerStarted { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            if (!MarkerStarted)
            {
                int read = _file.Read(buffer);
                if (read > 0 || buffer.IsEmpty)
                {
                    return read;
                }

                MarkerStarted = true;
            }

            int length = Math.Min(buffer.Length, MarkerMember.Length - _markerPosition);
            MarkerMember.AsSpan(_markerPosition, length).CopyTo(buffer);
            _markerPosition += length;
            return length;
        }
    }
}

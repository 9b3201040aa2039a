using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Input;
using Canopy.Tests.Statistics;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class TruncatedGzipTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes(Csv(400));

    [Fact]
    public void CompleteFileReadsEveryByte()
    {
        (byte[] output, Exception? error) = Decompress(Gzip(Content));

        Assert.Null(error);
        Assert.Equal(Content, output);
    }

    [Fact]
    public void ConcatenatedMembersReadAsOneFile()
    {
        byte[] file = Gzip(Content[..1000]).Concat(Gzip(Content[1000..])).ToArray();

        (byte[] output, Exception? error) = Decompress(file);

        Assert.Null(error);
        Assert.Equal(Content, output);
    }

    [Fact]
    public void BytesAfterTheLastMemberAreIgnored()
    {
        // GZipStream ignores bytes after the last member that do not start another one, and gzip 1.12 accepts zero bytes.
        byte[] file = Gzip(Content).Concat(new byte[300]).ToArray();

        (byte[] output, Exception? error) = Decompress(file);

        Assert.Null(error);
        Assert.Equal(Content, output);
    }

    [Fact]
    public void EmptyContentReadsNothing()
    {
        (byte[] output, Exception? error) = Decompress(Gzip(Array.Empty<byte>()));

        Assert.Null(error);
        Assert.Empty(output);
    }

    [Fact]
    public void CutAtAnyByteEndsEarly()
    {
        byte[] first = Gzip(Content[..1000]);
        byte[] file = first.Concat(Gzip(Content[1000..])).ToArray();
        int wrongEnds = 0;
        int garbled = 0;

        for (int length = 1; length < file.Length; length++)
        {
            (byte[] output, Exception? error) = Decompress(file[..length]);
            if (length == first.Length)
            {
                // A cut between two members leaves a complete gzip file, which gzip -t accepts too.
                Assert.Null(error);
                continue;
            }

            if (error?.Message != CheckedGzipStream.EndsEarly)
            {
                wrongEnds++;
            }

            if (!Content.AsSpan().StartsWith(output))
            {
                garbled++;
            }
        }

        Assert.Equal(0, wrongEnds);
        Assert.Equal(0, garbled);
    }

    [Fact]
    public void WrongChecksumIsReportedAsDamage()
    {
        byte[] file = Gzip(Content);
        file[^8] ^= 1;

        (_, Exception? error) = Decompress(file);

        Assert.IsType<InvalidDataException>(error);
        Assert.Equal(CheckedGzipStream.Damaged, error.Message);
    }

    [Fact]
    public void TruncatedCsvFailsAtTheCutLine()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "bench");
        byte[] whole = Gzip(Encoding.UTF8.GetBytes(Csv(5000)));
        byte[] half = whole[..(whole.Length / 2)];
        string path = Path.Combine(cache.Folder, "half.csv.gz");
        File.WriteAllBytes(path, half);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, name: "bench", replace: true));

        // GZipStream alone returns the readable prefix without an error; the cut row is on the line after its last newline.
        long completeLines = PlainGzipPrefix(half).Count(b => b == (byte)'\n');
        Assert.Equal(completeLines + 1, exception.LineNumber);
        Assert.Equal($"{path}, line {completeLines + 1}: {CheckedGzipStream.EndsEarly}", exception.Message);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "bench", out BenchmarkInfo info).Single());
        Assert.Equal("old.csv", Path.GetFileName(info.Source));
        Assert.Equal(1, ImportTransactionTests.CountTables(cache));
    }

    [Fact]
    public void TruncatedHeaderIsReportedOnLineOne()
    {
        using var cache = new TemporaryCache();
        string path = Path.Combine(cache.Folder, "fragment.csv.gz");
        byte[] fragment = Gzip(Content)[..20];
        File.WriteAllBytes(path, fragment);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.DoesNotContain((byte)'\n', PlainGzipPrefix(fragment));
        Assert.Equal(1, exception.LineNumber);
        Assert.EndsWith(CheckedGzipStream.EndsEarly, exception.Message);
        Assert.Empty(cache.Store.List());
    }

    [Fact]
    public void TruncatedJsonIsReportedAsEndingEarly()
    {
        using var cache = new TemporaryCache();
        byte[] whole = Gzip(Encoding.UTF8.GetBytes(ImportTransactionTests.LargeJson(3000) + "]"));
        string path = Path.Combine(cache.Folder, "records.json.gz");
        File.WriteAllBytes(path, whole[..(whole.Length * 2 / 3)]);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.EndsWith(CheckedGzipStream.EndsEarly, exception.Message);
        Assert.Empty(cache.Store.List());
    }

    [Fact]
    public void DamagedGzipIsReportedAsDamage()
    {
        using var cache = new TemporaryCache();
        byte[] file = Gzip(Encoding.UTF8.GetBytes(Csv(5000)));
        file[^8] ^= 1;
        string path = Path.Combine(cache.Folder, "damaged.csv.gz");
        File.WriteAllBytes(path, file);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.EndsWith($"{CheckedGzipStream.Damaged} {BenchmarkFileException.NothingStored}", exception.Message);
        Assert.Empty(cache.Store.List());
    }

    [Fact]
    public void MidFileDamageRejectsNoRows()
    {
        using var cache = new TemporaryCache();
        byte[] original = Encoding.UTF8.GetBytes(Csv(20000));
        byte[] file = Gzip(original);
        for (int i = file.Length / 2; i < file.Length / 2 + 200; i++)
        {
            file[i] ^= 0x5A;
        }

        string path = Path.Combine(cache.Folder, "damaged.csv.gz");
        File.WriteAllBytes(path, file);
        int rejected = 0;

        var exception = Assert.Throws<BenchmarkFileException>(() =>
            cache.Store.Import(new BenchmarkImportOptions { Path = path }, rejected: _ => rejected++));

        // Plain GZipStream decodes the damaged blocks to text that breaks the CSV before the checksum fails.
        Assert.False(original.AsSpan().StartsWith(PlainGzipReadable(file)));
        Assert.Equal(0, rejected);
        Assert.Null(exception.LineNumber);
        Assert.Equal($"{path}: {CheckedGzipStream.Damaged} {BenchmarkFileException.NothingStored}", exception.Message);
        Assert.Empty(cache.Store.List());
    }

    [BenchmarkDataFact("nats-tss")]
    public void HalfOfNatsBenchGzipIsRejected()
    {
        string folder = TestData.Find("nats-tss")!;

        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc\n{Nb201First},1\n"), name: "nats");
        byte[] whole = Gzip(File.ReadAllBytes(Path.Combine(folder, "nats_bench.csv")));
        string half = Path.Combine(cache.Folder, "half.csv.gz");
        File.WriteAllBytes(half, whole[..(whole.Length / 2)]);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(half, name: "nats", replace: true));

        long completeLines = PlainGzipPrefix(whole[..(whole.Length / 2)]).Count(b => b == (byte)'\n');
        Assert.Equal($"{half}, line {completeLines + 1}: {CheckedGzipStream.EndsEarly}", exception.Message);
        Assert.Equal(1, cache.Store.Find("nats")!.Rows);
    }

    /// <summary>A CSV of NAS-Bench-201 cells with the header on line 1 and row i on line i + 2.</summary>
    internal static string Csv(int rows)
    {
        string[] cells = { Nb201First, Nb201Best, Nb201ResNet };
        var text = new StringBuilder("arch,acc,index\n");
        for (int i = 0; i < rows; i++)
        {
            text.Append($"{cells[i % 3]},{i}.25,{i}\n");
        }

        return text.ToString();
    }

    internal static byte[] Gzip(byte[] content)
    {
        using var file = new MemoryStream();
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return file.ToArray();
    }

    // Returns what the checked stream read before it ended or failed, and the failure.
    private static (byte[] Output, Exception? Error) Decompress(byte[] file)
    {
        using var stream = new CheckedGzipStream(new MemoryStream(file));
        var output = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException exception)
        {
            return (output.ToArray(), exception);
        }

        return (output.ToArray(), null);
    }

    // Returns what plain GZipStream decodes before it reports the damage.
    private static byte[] PlainGzipReadable(byte[] file)
    {
        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        var output = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
        }

        return output.ToArray();
    }

    private static byte[] PlainGzipPrefix(byte[] file)
    {
        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}

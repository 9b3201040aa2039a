using System;
using System.IO;
using System.Linq;
using System.Text;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Input;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class TextEncodingTests
{
    private const string GermanCsv = "ArchitectureString;Größe\n{0};groß\n{0};süß\n";

    [Theory]
    [InlineData("latin1", 28591)]
    [InlineData("1252", 1252)]
    [InlineData("windows-1252", 1252)]
    [InlineData("utf8", 65001)]
    [InlineData("UTF8BOM", 65001)]
    [InlineData("unicode", 1200)]
    [InlineData("bigendianutf32", 12001)]
    [InlineData("ascii", 20127)]
    public void NamesResolveToCodePages(string name, int codePage)
    {
        Assert.Equal(codePage, TextEncodings.FromName(name).CodePage);
    }

    [Fact]
    public void UnknownNameIsRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => TextEncodings.FromName("klingon"));

        Assert.Contains("'klingon' is not an encoding name", exception.Message);
        Assert.EndsWith("iso-8859-1.", exception.Message);
        Assert.Throws<ArgumentException>(() => TextEncodings.FromCodePage(99999));
        Assert.Contains("'utf-7' is not supported", Assert.Throws<ArgumentException>(() => TextEncodings.FromName("utf-7")).Message);
    }

    [Fact]
    public void Utf8ByNameDecodesStrictly()
    {
        Assert.Same(TextEncodings.StrictUtf8, TextEncodings.FromName("utf8NoBOM"));
        Assert.Same(TextEncodings.StrictUtf8, TextEncodings.FromCodePage(65001));
        Assert.Same(TextEncodings.StrictUtf8, TextEncodings.ForDecoding(new UTF8Encoding(false)));
        Assert.Same(TextEncodings.StrictUtf8, TextEncodings.ForDecoding(null));
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("1252")]
    public void Windows1252CsvImportsWithEncoding(string name)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("german.csv", string.Format(GermanCsv, Nb201First), TextEncodings.FromName("1252"));

        cache.Store.Import(new BenchmarkImportOptions { Path = path, Encoding = TextEncodings.FromName(name) });
        var rows = ReadAll(cache.Store, "german", out BenchmarkInfo info);

        Assert.Equal("Größe", info.Columns[1]);
        Assert.Equal(new object?[] { "groß", "süß" }, rows.Select(row => row[1]));
    }

    [Fact]
    public void InvalidUtf8IsRejectedWithItsLine()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("german.csv", string.Format(GermanCsv, Nb201First), TextEncodings.FromName("1252"));

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(1, exception.LineNumber);
        Assert.Contains("not valid UTF-8 text, because the line contains the byte 0xF6", exception.Message);
        Assert.Contains("-Encoding latin1 or -Encoding 1252", exception.Message);
        Assert.Null(cache.Store.Find("german"));
    }

    [Fact]
    public void SqliteFileIsNamedInsteadOfAnEncoding()
    {
        // A cache file picked up by a wildcard path is binary, so advice about text encodings would mislead.
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("first.csv", $"arch,acc\n{Nb201First},1\n"), name: "first");
        string copy = Path.Combine(cache.Folder, "copy.db");
        File.Copy(cache.DatabasePath, copy);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(copy, name: "copy"));

        Assert.Equal($"{copy}: The file is an SQLite database, not a benchmark table of text. A Canopy cache is read with Get-CanopyBenchmark -Database and this path. {BenchmarkFileException.NothingStored}", exception.Message);
        Assert.Null(cache.Store.Find("copy"));
    }

    [Fact]
    public void InvalidUtf8FarIntoFileNamesItsLine()
    {
        using var cache = new TemporaryCache();
        var text = new StringBuilder("ArchitectureString,note\n");
        for (int i = 0; i < 5000; i++)
        {
            text.Append(Nb201First).Append(",plain\n");
        }

        byte[] valid = Encoding.UTF8.GetBytes(text.ToString());
        byte[] invalid = Encoding.Latin1.GetBytes(Nb201First + ",süß\n");
        string path = Path.Combine(cache.Folder, "late.csv");
        File.WriteAllBytes(path, valid.Concat(invalid).ToArray());

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(5002, exception.LineNumber);
        Assert.Null(cache.Store.Find("late"));
    }

    [Fact]
    public void InvalidUtf8InGzipNamesItsLine()
    {
        using var cache = new TemporaryCache();
        string path = Path.Combine(cache.Folder, "german.csv.gz");
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(TextEncodings.FromName("1252").GetBytes($"ArchitectureString,note\n{Nb201First},plain\n{Nb201First},süß\n"));
        }

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(3, exception.LineNumber);
        Assert.Contains("0xFC", exception.Message);
    }

    [Fact]
    public void Utf16WithByteOrderMarkStillImports()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("wide.csv", string.Format(GermanCsv, Nb201First), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        cache.Import(path);
        var rows = ReadAll(cache.Store, "wide", out BenchmarkInfo info);

        Assert.Equal("Größe", info.Columns[1]);
        Assert.Equal("süß", rows[1][1]);
    }

    [Fact]
    public void JsonInLatin1ImportsWithEncoding()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("german.json", $"[{{\"arch\": \"{Nb201First}\", \"Größe\": \"groß\"}}]", Encoding.Latin1);

        cache.Store.Import(new BenchmarkImportOptions { Path = path, Encoding = Encoding.Latin1 });
        var rows = ReadAll(cache.Store, "german", out BenchmarkInfo info);

        Assert.Equal("Größe", info.Columns[1]);
        Assert.Equal("groß", rows[0][1]);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void JsonWithByteOrderMarkImports(string encodingName)
    {
        using var cache = new TemporaryCache();

        // File.WriteAllText writes the byte-order mark of these encodings, as Set-Content -Encoding Unicode does.
        string path = cache.WriteText("wide.json", $"[{{\"arch\": \"{Nb201First}\", \"Größe\": \"groß\"}}]", Encoding.GetEncoding(encodingName));

        ImportSummary summary = cache.Import(path);
        var rows = ReadAll(cache.Store, "wide", out BenchmarkInfo info);

        Assert.Equal("JSON", summary.Format);
        Assert.Equal("Größe", info.Columns[1]);
        Assert.Equal("groß", rows[0][1]);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public void CharacterAcrossTheFirstBlockImports(string encodingName)
    {
        using var cache = new TemporaryCache();
        Encoding encoding = Encoding.GetEncoding(encodingName);
        int preamble = encoding.GetPreamble().Length;

        // Pads the first row so that the 4,096-byte block that the format check reads ends in the middle of a
        // character: 'è' is two bytes in UTF-8, and '𝄞' two UTF-16 units of two bytes each.
        string character = encodingName == "utf-8" ? "è" : "𝄞";
        int start = 4096 - encoding.GetByteCount(character) / 2;
        string header = $"arch,note\n{Nb201First},";
        int padding = (start - preamble - encoding.GetByteCount(header)) / encoding.GetByteCount("x");
        string text = header + new string('x', padding) + character + $"\n{Nb201Best},{character}\n";
        Assert.Equal(start, preamble + encoding.GetByteCount(text[..text.IndexOf(character, StringComparison.Ordinal)]));
        File.WriteAllText(Path.Combine(cache.Folder, "edge.csv"), text, encoding);

        ImportSummary summary = cache.Import(Path.Combine(cache.Folder, "edge.csv"));
        var rows = ReadAll(cache.Store, "edge", out _);

        Assert.Equal(2, summary.RowsStored);
        Assert.Equal(character, rows[1][1]);
    }

    [Fact]
    public void Utf8MarkDoesNotHideInvalidBytes()
    {
        using var cache = new TemporaryCache();
        byte[] mark = { 0xEF, 0xBB, 0xBF };
        byte[] body = Encoding.Latin1.GetBytes($"arch,size\n{Nb201First},groß\n");
        string path = Path.Combine(cache.Folder, "marked.csv");
        File.WriteAllBytes(path, mark.Concat(body).ToArray());

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("-Encoding", exception.Message);
        Assert.Null(cache.Store.Find("marked"));
    }

    [Fact]
    public void InvalidUtf8JsonIsRejected()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("german.json", $"[\n{{\"arch\": \"{Nb201First}\",\n \"size\": \"groß\"}}]", Encoding.Latin1);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(3, exception.LineNumber);
        Assert.Contains("-Encoding", exception.Message);
        Assert.Null(cache.Store.Find("german"));
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("unicode")]
    public void TypeLineOfExportCsvIsSkipped(string encodingName)
    {
        using var cache = new TemporaryCache();
        Encoding encoding = encodingName == "utf8" ? new UTF8Encoding(true) : new UnicodeEncoding(false, true);
        string text = $"#TYPE System.Management.Automation.PSCustomObject\r\n\"ArchitectureString\",\"acc\"\r\n\"{Nb201First}\",\"91.5\"\r\n\"{Nb201First}\",\"0.5\"\r\n";
        string path = cache.WriteText("exported.csv", text, encoding);

        ImportSummary summary = cache.Import(path);
        var rows = ReadAll(cache.Store, "exported", out BenchmarkInfo info);

        Assert.Equal(new[] { "ArchitectureString", "acc" }, info.Columns);
        Assert.Equal(91.5, rows[0][1]);
        Assert.Equal(new long[] { 3, 4 }, ReadLines(cache, "exported"));
        Assert.Equal(2, summary.RowsStored);
    }

    [Fact]
    public void TypeLineAloneIsRejected()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("type.csv", "#TYPE System.Management.Automation.PSCustomObject\n");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("header row", exception.Message);
    }

    [Theory]
    [InlineData(";", "\r\n")]
    [InlineData(",", "\n")]
    [InlineData("\t", "\n")]
    public void ExcelSeparatorLineSetsTheDelimiter(string delimiter, string newline)
    {
        using var cache = new TemporaryCache();
        string text = $"sep={delimiter}{newline}arch{delimiter}acc{newline}{Nb201First}{delimiter}91.5{newline}{Nb201Best}{delimiter}1{newline}";
        string path = cache.WriteText("excel.csv", text);

        ImportSummary summary = cache.Import(path);
        var rows = ReadAll(cache.Store, "excel", out BenchmarkInfo info);

        Assert.Equal(new[] { "arch", "acc" }, info.Columns);
        Assert.Equal(91.5, rows[0][1]);
        Assert.Equal(new long[] { 3, 4 }, ReadLines(cache, "excel"));
        Assert.Equal(2, summary.RowsStored);
    }

    [Fact]
    public void ExcelSeparatorLineAloneIsRejected()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("sep.csv", "sep=;\n");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("'sep=;'", exception.Message);
    }

    [Fact]
    public void Utf16WithoutByteOrderMarkIsNamed()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("unicode.csv", $"arch,acc\n{Nb201First},91.5\n", new UnicodeEncoding(false, false));

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(1, exception.LineNumber);
        Assert.Contains("probably UTF-16 without a byte-order mark. Give -Encoding unicode", exception.Message);
    }
}

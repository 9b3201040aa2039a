using System.Collections.Generic;
using System.Linq;
using System.Text;
using Canopy.Storage;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;
using static Canopy.Tests.Storage.CsvImportTests;

namespace Canopy.Tests.Storage;

public class JsonImportTests
{
    [Fact]
    public void ArrayOfRecordsRoundTrips()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("records.json", $$"""
            [
              {"arch": "{{Nb201First}}", "acc": 85.5, "epochs": 200, "note": null, "ok": true, "curve": [1, 2]},
              {"arch": "{{Nb201Best}}", "acc": 94, "epochs": 12, "note": "best", "ok": false, "curve": {"a": 1} }
            ]
            """);

        ImportSummary summary = cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "records", out BenchmarkInfo info);

        Assert.Equal("JSON", summary.Format);
        Assert.Equal(new[] { "arch", "acc", "epochs", "note", "ok", "curve" }, info.Columns);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 85.5, 200L, null, 1L, "[1, 2]" }, rows[0]);
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 94L, 12L, "best", 0L, "{\"a\": 1}" }, rows[1]);
        Assert.Equal(
            "Some values of column 'curve' are JSON objects or arrays, so they are stored as their JSON text. Flatten them before the import to store their parts as columns of their own.",
            Assert.Single(summary.Warnings));
    }

    [Fact]
    public void NumberBeyondDoubleRangeStaysText()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("huge.json", $$"""
            [
              {"arch": "{{Nb201First}}", "acc": 1e400, "loss": -1e400, "tiny": 1e-400}
            ]
            """);

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "huge", out _);

        Assert.Equal(new object?[] { Canonical(cache, Nb201First), "1e400", "-1e400", 0.0 }, rows[0]);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAccepted()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("lenient.json", $$"""
            [
              // Exported by a sweep script.
              {"arch": "{{Nb201First}}", "acc": 85.5, /* the seed */ "seed": 1,},
              {"arch": "{{Nb201Best}}", "acc": 94.37, "seed": 2},
            ]
            """);

        ImportSummary summary = cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "lenient", out BenchmarkInfo info);

        Assert.Equal(2, summary.RowsStored);
        Assert.Equal(0, summary.RowsRejected);
        Assert.Equal(new[] { "arch", "acc", "seed" }, info.Columns);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 85.5, 1L }, rows[0]);
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 94.37, 2L }, rows[1]);
    }

    [Fact]
    public void NestedColumnsAreNamedOnceInFileOrder()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("nested-columns.json", $$"""
            [
              {"arch": "{{Nb201First}}", "meta": {"seed": 1}, "acc": 1, "curve": [1, 2]},
              {"arch": "{{Nb201Best}}", "meta": {"seed": 2}, "acc": 2, "curve": [3]},
              {"arch": "{{Nb201ResNet}}", "meta": "none", "acc": 3, "": 4}
            ]
            """);

        ImportSummary summary = cache.Import(path);

        Assert.Equal(
            new[]
            {
                "A property with an empty name, column 5 in order of appearance, is stored as 'H5'.",
                "Some values of columns 'meta', 'curve' are JSON objects or arrays, so they are stored as their JSON text. Flatten them before the import to store their parts as columns of their own.",
            },
            summary.Warnings);
    }

    [Fact]
    public void PropertiesThatAppearLaterBecomeColumns()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("growing.json", $$"""
            [{"arch": "{{Nb201First}}", "acc": 1},
             {"acc": 2, "arch": "{{Nb201Best}}", "params": 0.5},
             {"arch": "{{Nb201ResNet}}", "flops": 7}]
            """);

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "growing", out BenchmarkInfo info);

        Assert.Equal(new[] { "arch", "acc", "params", "flops" }, info.Columns);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L, null, null }, rows[0]);
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 2L, 0.5, null }, rows[1]);
        Assert.Equal(new object?[] { Canonical(cache, Nb201ResNet), null, null, 7L }, rows[2]);
    }

    [Fact]
    public void RejectedRecordsCarryTheLineWhereTheyStart()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("lines.json",
            "[\n" +                                        // 1
            $"  {{\"arch\": \"{Nb201First}\"}},\n" +       // 2
            "  {\n" +                                      // 3: no architecture
            "    \"acc\": 1\n" +                           // 4
            "  },\n" +                                     // 5
            "  {\"arch\": \"bogus\"}, {\"arch\": 17}\n" +  // 6: two bad records
            "]\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal(new long[] { 3, 6, 6 }, summary.Rejections.Select(rejection => rejection.LineNumber));
        Assert.Equal(new long[] { 2, 3, 4 }, summary.Rejections.Select(rejection => rejection.RecordNumber));
    }

    [Fact]
    public void GzipJsonWithByteOrderMarkIsRead()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteGzip("packed.json.gz", "\uFEFF" + $"[{{\"arch_str\": \"{Nb201First}\", \"acc\": 3.25}}]");

        ImportSummary summary = cache.Import(path);

        Assert.Equal("packed", summary.Name);
        Assert.Equal("JSON (gzip)", summary.Format);
        Assert.Equal(3.25, ReadAll(cache.Store, "packed", out _).Single()[1]);
    }

    [Fact]
    public void LargeRecordsGrowTheBuffer()
    {
        using var cache = new TemporaryCache();
        string note = new('x', 200_000);
        string path = cache.WriteText("big.json", $"[{{\"arch\": \"{Nb201First}\", \"note\": \"{note}\"}}, {{\"arch\": \"{Nb201Best}\", \"note\": \"short\"}}]");

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "big", out _);

        Assert.Equal(note, rows[0][1]);
        Assert.Equal("short", rows[1][1]);
    }

    [Theory]
    [InlineData("{\"arch\": \"x\"}", "must be an array")]
    [InlineData("[1, 2]", "must be a record")]
    [InlineData("[{\"arch\": \"x\"}, {\"arch\": ", "truncated")]
    [InlineData("[{\"arch\": \"x\"}, ", "truncated")]
    [InlineData("[{\"acc\": 1, \"ar", "truncated")]
    [InlineData("[{\"arch\": \"x\", \"acc\": 0.12", "truncated")]
    [InlineData("[{\"arch\": \"x\"}, {\"arch\": x", "not valid JSON")]
    [InlineData("[{\"arch\": \"x\",, }]", "not valid JSON")]
    [InlineData("[{\"arch\": \"x\"}]\n garbage", "goes on after its JSON array")]
    [InlineData("[{\"arch\": \"x\"}] [{\"arch\": \"y\"}]", "goes on after its JSON array")]
    public void MalformedJsonIsRejectedWhole(string json, string expected)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("bad.json", json);

        var exception = Assert.ThrowsAny<BenchmarkFileException>(() => cache.Import(path, name: "bad"));

        Assert.Contains(expected, exception.Message);
        Assert.Equal(2, exception.Message.Split(BenchmarkFileException.NothingStored).Length);
        Assert.Null(cache.Store.Find("bad"));
    }

    [Theory]
    [InlineData("{\"nasbench301\": {\"cifar10\": {}}}", "The file starts with one JSON object {...}, but")]
    [InlineData("{\"arch\": 1", "The file starts with one JSON object {...}, but")]
    [InlineData("[[1, 2]]", "Each element of the array must be a record {...}, not StartArray.")]
    [InlineData("[1]", "Each element of the array must be a record {...}, not Number.")]
    public void FileThatIsNoArrayOfRecordsIsNamed(string json, string start)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("object.json", json);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, name: "object"));

        Assert.StartsWith($"{path}, line 1: {start}", exception.Message, System.StringComparison.Ordinal);
        Assert.Null(cache.Store.Find("object"));
    }

    [Theory]
    [InlineData("[{\"arch\": \"A\", \"acc\": 1}, {\"arch\": \"A\", \"acc\": x}]", 1)]
    [InlineData("[\n  {\"arch\": \"A\", \"acc\": 1},\n  {\"arch\": \"A\",\n   \"acc\": x}\n]", 4)]
    public void InvalidJsonNamesOneLine(string json, long line)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("bad.json", json.Replace("\"A\"", $"\"{Nb201First}\""));

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, name: "bad"));

        Assert.Equal(line, exception.LineNumber);
        Assert.Equal($"{path}, line {line}: The file is not valid JSON: 'x' is an invalid start of a value. {BenchmarkFileException.NothingStored}", exception.Message);
    }

    [Theory]
    [InlineData("[{\"arch\": \"A\", \"acc\": NaN}]", "NaN", 1)]
    [InlineData("[{\"arch\": \"A\", \"acc\": 1},\n {\"arch\": \"A\", \"acc\":Infinity}]", "Infinity", 2)]
    [InlineData("[{\"arch\": \"A\", \"acc\": 1},\n {\"arch\": \"A\",\n  \"acc\": -Infinity}]", "-Infinity", 3)]
    [InlineData("[{\"arch\": \"A\", \"scores\": [1, NaN]}]", "NaN", 1)]
    public void NonFiniteLiteralIsNamed(string json, string literal, long line)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("python.json", json.Replace("\"A\"", $"\"{Nb201First}\""));

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, name: "python"));

        Assert.Equal(line, exception.LineNumber);
        Assert.Contains($"it contains the value {literal}, which JSON does not allow", exception.Message);
        Assert.Contains("allow_nan=False", exception.Message);
        Assert.Null(cache.Store.Find("python"));
    }

    [Fact]
    public void NaNAcrossBufferEndIsNamed()
    {
        using var cache = new TemporaryCache();
        var json = new StringBuilder("[\n");
        string record = $"{{\"arch\": \"{Nb201First}\", \"acc\": 1}},\n";
        while (json.Length < 64 * 1024 - 400)
        {
            json.Append(record);
        }

        // Places the N of NaN as the last byte of the first 64 KiB that the reader reads.
        string start = $"{{\"arch\": \"{Nb201First}\", \"acc\": ";
        json.Append(' ', 64 * 1024 - 1 - json.Length - start.Length);
        json.Append(start).Append("NaN}\n]");
        string path = cache.WriteText("split.json", json.ToString());

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, name: "split"));

        Assert.Contains("it contains the value NaN", exception.Message);
    }

    [Fact]
    public void InvalidJsonAfterRefillNamesItsLine()
    {
        using var cache = new TemporaryCache();
        var json = new StringBuilder("[\n");
        for (int i = 0; i < 3000; i++)
        {
            json.Append($"{{\"arch\": \"{Nb201First}\", \"acc\": {i}}},\n");
        }

        json.Append("{\"arch\": x}\n]");
        string path = cache.WriteText("long.json", json.ToString());

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, name: "long"));

        Assert.Equal(3002, exception.LineNumber);
    }

    [Fact]
    public void ObjectArchitectureIsNamedAsObject()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("nested.json", $"[{{\"arch\": {{\"x\": 1}}, \"acc\": 1}}, {{\"arch\": \"{Nb201First}\", \"acc\": 2}}]");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(1, summary.RowsStored);
        Assert.Equal("the architecture column 'arch' contains the object {\"x\": 1}, not an architecture string", Assert.Single(summary.Rejections).Reason);
        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public void UnclosedBraceIsNoObject()
    {
        // Text that only starts with a brace is an invalid architecture string, not a nested object.
        using var cache = new TemporaryCache();
        string path = cache.WriteText("brace.json", $"[{{\"arch\": \"{{abc\", \"acc\": 1}}, {{\"arch\": \"{Nb201First}\", \"acc\": 2}}]");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(1, summary.RowsStored);
        Assert.DoesNotContain("contains the object", Assert.Single(summary.Rejections).Reason);
        Assert.Contains("'{abc'", summary.Rejections[0].Reason);
    }

    [Fact]
    public void EmptyArrayIsRejected()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("none.json", "[ ]");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Contains("no records", exception.Message);
    }

    [Fact]
    public void DefaultEncodingIsUtf8()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("utf8.json", $"[{{\"arch\": \"{Nb201First}\", \"Datensatz\": \"Größe\"}}]", new UTF8Encoding(false));

        cache.Import(path);

        Assert.Equal("Größe", ReadAll(cache.Store, "utf8", out _).Single()[1]);
    }
}

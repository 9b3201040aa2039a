using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Reading;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class CsvImportTests
{
    [Fact]
    public void RoundTripKeepsTypesNullsAndOrder()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("types.csv", $"acc,ArchitectureString,epochs,note,params\n93.5,{Nb201Best},200,,1.2e6\n10,{Nb201First},12,text,\n");

        ImportSummary summary = cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "types", out BenchmarkInfo info);

        Assert.Equal(2, summary.RowsStored);
        Assert.Equal(new[] { "acc", "ArchitectureString", "epochs", "note", "params" }, info.Columns);
        Assert.Equal("ArchitectureString", info.ArchitectureColumn);
        Assert.Equal(new object?[] { 93.5, Canonical(cache, Nb201Best), 200L, null, 1.2e6 }, rows[0]);
        Assert.Equal(new object?[] { 10L, Canonical(cache, Nb201First), 12L, "text", null }, rows[1]);
        Assert.IsType<double>(rows[0][0]);
        Assert.IsType<long>(rows[1][0]);
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public void DetectsTheDelimiter(string delimiter)
    {
        using var cache = new TemporaryCache();
        string text = string.Join(delimiter, "arch_str", "acc", "params") + "\n" + string.Join(delimiter, "\"" + Nb201First + "\"", "85.5", "0.8") + "\n";
        string path = cache.WriteText("delimited.txt", text);

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "delimited", out BenchmarkInfo info);

        Assert.Equal(new[] { "arch_str", "acc", "params" }, info.Columns);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 85.5, 0.8 }, rows.Single());
    }

    [Fact]
    public void QuotedFieldsKeepCommasQuotesAndNewlines()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("quoted.csv", $"arch,comment,acc\n\"{Nb201First}\",\"first, with \"\"quotes\"\"\nand a second line\",1.5\n{Nb201Best},plain,2\n");

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "quoted", out _);

        Assert.Equal("first, with \"quotes\"\nand a second line", rows[0][1]);
        Assert.Equal(1.5, rows[0][2]);
        Assert.Equal("plain", rows[1][1]);
    }

    // Each file has a good row on line 2 and a bad quote starting on line 3. {0} and {1} stand for two valid cells.
    [Theory]
    [InlineData("{0},1\n\"{1},2\n{0},3\n{1},\"4\"\n{0},5\n", 2, "runs on to line 5, so a closing quote is probably missing; lines 3 to 5 were read as this one row")]
    [InlineData("{0},1\n{1},\"closed\"text\n", 1, "the field '\"closed\"text' has text after its closing quote")]
    [InlineData("{0},1\n{1},\"a\"b\"c\n{0},3\n", 2, "the field '\"a\"b\"c' has text after its closing quote")]
    [InlineData("{0},1\n{1},2\"x\n{0},3\n", 2, "the field '2\"x' has a quote inside an unquoted field")]
    public void BadQuoteIsNamedInTheRejection(string rows, int stored, string reason)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("quotes.csv", "arch,acc\n" + string.Format(rows, Nb201First, Nb201Best));

        ImportSummary summary = cache.Import(path);

        Assert.Equal(stored, summary.RowsStored);
        RowRejection rejection = Assert.Single(summary.Rejections);
        Assert.Equal(3, rejection.LineNumber);
        Assert.Contains(reason, rejection.Reason);
        Assert.DoesNotContain("\n", rejection.Reason);
    }

    [Fact]
    public void ByteOrderMarkIsNotPartOfTheFirstColumn()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("bom.csv", $"ArchitectureString,acc\n{Nb201First},70\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        cache.Import(path);

        Assert.Equal("ArchitectureString", cache.Store.Find("bom")!.Columns[0]);
    }

    [Fact]
    public void Utf16FileWithByteOrderMarkIsRead()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("wide.csv", $"arch,Genauigkeit\n{Nb201First},70.25\n", Encoding.Unicode);

        cache.Import(path);
        List<object?[]> rows = ReadAll(cache.Store, "wide", out BenchmarkInfo info);

        Assert.Equal("Genauigkeit", info.Columns[1]);
        Assert.Equal(70.25, rows.Single()[1]);
    }

    [Fact]
    public void GzipFileIsRecognisedByItsMagicBytes()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteGzip("packed.data", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n");

        ImportSummary summary = cache.Import(path, name: "packed");

        Assert.Equal("CSV (gzip)", summary.Format);
        Assert.Equal(2, summary.RowsStored);
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 2L }, ReadAll(cache.Store, "packed", out _)[1]);
    }

    [Theory]
    [InlineData("nats_bench.csv", "nats_bench")]
    [InlineData("nats_bench.csv.gz", "nats_bench")]
    [InlineData("records.json", "records")]
    [InlineData("sweep.v2.csv", "sweep.v2")]
    [InlineData("noextension", "noextension")]
    [InlineData(" trial .csv", "trial")]
    public void DefaultNameDropsTheExtensions(string fileName, string expected)
    {
        Assert.Equal(expected, Canopy.Storage.Input.BenchmarkFile.DefaultName("/data/" + fileName));
    }

    [Fact]
    public void BadRowsAreRejectedWithTheirLineNumbers()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("mixed.csv",
            "arch,comment,acc\n" +                       // line 1
            $"{Nb201First},ok,1\n" +                      // line 2
            ",no architecture,2\n" +                      // line 3
            "\"spans\ntwo lines\",x,3\n" +                // lines 4-5: unparseable architecture
            "\n" +                                        // line 6: blank, skipped
            $"{Nb201Best},\"multi\nline\",4\n" +          // lines 7-8
            "not-an-architecture,x,5\n" +                 // line 9
            $"{Nb201ResNet},ok,6,extra\n");               // line 10: one field too many

        var reported = new List<RowRejection>();
        ImportSummary summary = cache.Store.Import(new BenchmarkImportOptions { Path = path }, rejected: reported.Add);

        Assert.Equal(2, summary.RowsStored);
        Assert.Equal(4, summary.RowsRejected);
        Assert.Equal(new long[] { 3, 4, 9, 10 }, summary.Rejections.Select(rejection => rejection.LineNumber));
        Assert.Equal(summary.Rejections.Select(r => r.LineNumber), reported.Select(r => r.LineNumber));
        Assert.Contains("'arch' is empty", summary.Rejections[0].Reason);
        Assert.Contains("not-an-architecture", summary.Rejections[2].Reason);
        Assert.Contains("4 fields", summary.Rejections[3].Reason);
        Assert.Equal("no architecture", summary.Rejections[0].Record.Single(field => field.Key == "comment").Value);
        Assert.Equal(new[] { 2L, 7L }, ReadLines(cache, "mixed"));

        // The benchmark's row count is the 2 stored rows, not the 6 records read.
        Assert.Equal(2, cache.Store.Find("mixed")!.Rows);
    }

    [Theory]
    [InlineData("   \n")]
    [InlineData("\t\n")]
    [InlineData("  ")]
    public void WhiteSpaceLinesAreSkippedLikeBlankOnes(string lastLine)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("spaces.csv", $"arch,acc\n{Nb201First},1\n  \n{Nb201Best},2\n{lastLine}");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(2, summary.RowsStored);
        Assert.Equal(0, summary.RowsRejected);
        Assert.Equal(new[] { 2L, 4L }, ReadLines(cache, "spaces"));
    }

    [Theory]
    [InlineData(";", "   ")]
    [InlineData("\t", "   ")]
    [InlineData("\t", "\t")]
    [InlineData("\t", "\t \t")]
    public void WhiteSpaceLinesKeepTheDelimiter(string delimiter, string whiteSpace)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("delimited.csv", $"{whiteSpace}\narch{delimiter}acc\n{Nb201First}{delimiter}1\n{whiteSpace}\n{Nb201Best}{delimiter}2\n{whiteSpace}\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(2, summary.RowsStored);
        Assert.Equal(0, summary.RowsRejected);
        Assert.Equal(new[] { 3L, 5L }, ReadLines(cache, "delimited"));
    }

    [Fact]
    public void FileOfWhiteSpaceLinesIsEmpty()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("spaces.csv", "   \n\t\n  ");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Contains("The file is empty", exception.Message);
    }

    [Fact]
    public void ShortRowsLeaveTheirLastColumnsMissing()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("short.csv", $"arch,acc,params\n{Nb201First},1\n{Nb201Best},2,3\n");

        cache.Import(path);

        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L, null }, ReadAll(cache.Store, "short", out _)[0]);
    }

    [Theory]
    [InlineData("3", "the record has 1 field, so it ends before the architecture column 'arch', column 3 of 3")]
    [InlineData("3,4", "the record has 2 fields, so it ends before the architecture column 'arch', column 3 of 3")]
    public void ShortRowWithoutItsArchitectureNamesTheFieldCount(string shortRow, string reason)
    {
        // Two fields end just before the third column, the architecture, as one field does.
        using var cache = new TemporaryCache();
        string path = cache.WriteText("late.csv", $"acc,params,arch\n1,2,{Nb201First}\n{shortRow}\n4,5,{Nb201Best}\n");

        ImportSummary summary = cache.Import(path);

        RowRejection rejection = Assert.Single(summary.Rejections);
        Assert.Equal(3, rejection.LineNumber);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(2, summary.RowsStored);
    }

    // Each file ends in a short row on line 4; the blank line 3 is skipped. A final line break keeps the row short.
    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n\n")]
    public void ShortLastRowRejectsTheFile(string ending)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("cut.csv", $"arch,acc,params\n{Nb201First},1,2\n\n{Nb201Best},9{ending}");
        var reported = new List<RowRejection>();

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Store.Import(new BenchmarkImportOptions { Path = path }, rejected: reported.Add));

        Assert.Equal(4, exception.LineNumber);
        Assert.Equal(
            $"{path}, line 4: The last record has 2 of the header's 3 fields, so the file looks truncated in the middle of a row. " +
            "Nothing was stored, so the cache, including any benchmark stored earlier under this name, is unchanged. " +
            "Complete the last row or remove it, then import the file again.",
            exception.Message);
        Assert.Empty(reported);
        Assert.Null(cache.Store.Find("cut"));
    }

    [Fact]
    public void ShortLastRowKeepsTheEarlierBenchmark()
    {
        using var cache = new TemporaryCache();
        var whole = new StringBuilder("arch,acc,params\n");
        for (int i = 1; i <= 20; i++)
        {
            whole.Append($"{Nb201First},{i},{i * 10}\n");
        }

        cache.Import(cache.WriteText("whole.csv", whole.ToString()), name: "keep");
        string cut = whole.ToString()[..^5];
        string path = cache.WriteText("cut.csv", cut);

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, name: "keep", replace: true));

        Assert.Equal(21, exception.LineNumber);
        Assert.Contains("has 2 of the header's 3 fields", exception.Message);
        List<object?[]> rows = ReadAll(cache.Store, "keep", out BenchmarkInfo info);
        Assert.Equal(20, rows.Count);
        Assert.Equal(20, info.Rows);
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 20L, 200L }, rows[^1]);
    }

    [Fact]
    public void ShortLastRowAfterFullBatch()
    {
        using var cache = new TemporaryCache();
        var text = new StringBuilder("arch,acc,params\n");
        for (int i = 0; i < 2 * RowReader.BatchSize - 1; i++)
        {
            text.Append($"{Nb201First},{i},1\n");
        }

        string path = cache.WriteText("batches.csv", text.Append($"{Nb201Best},5").ToString());

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(2 * RowReader.BatchSize + 1, exception.LineNumber);
        Assert.Null(cache.Store.Find("batches"));
    }

    [Fact]
    public void ShortOnlyRowRejectsTheFile()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("one.csv", $"arch,acc\n{Nb201First}\n");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("The last record has 1 of the header's 2 fields", exception.Message);
        Assert.Null(cache.Store.Find("one"));
    }

    [Fact]
    public void GzipShortLastRowRejectsTheFile()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("old.csv", $"arch,acc,params\n{Nb201Best},7,8\n"), name: "packed");
        string path = cache.WriteGzip("packed.csv.gz", $"arch,acc,params\n{Nb201First},1,2\n{Nb201Best},3");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path, replace: true));

        Assert.Equal(3, exception.LineNumber);
        Assert.Contains("The last record has 2 of the header's 3 fields", exception.Message);
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 7L, 8L }, ReadAll(cache.Store, "packed", out _).Single());
    }

    // Each file has a good row on line 2 and a quote on line 3 that the end of the file leaves open.
    [Theory]
    [InlineData("{0},1,2\n{1},\"open", "The quoted field '\"open' in the last record is not closed before the end of the file, so the file looks truncated.")]
    [InlineData("{0},1,2\n{1},\"open\n", "The quoted field '\"open...' in the last record is not closed before the end of the file, so the file looks truncated.")]
    [InlineData("{0},1,2\n{1},3,\"a \"\"quoted\"\" note", "The quoted field '\"a \"\"quoted\"\" note' in the last record is not closed")]
    [InlineData("{0},1,2\n{1},\"x\"y,\"open\n", "The quoted field '\"open...' in the last record is not closed")]
    [InlineData("{0},1,2\n{1},\"2,3\n{0},4,5\n{1},6,7\n", "The quoted field '\"2,3...' that starts on this line is not closed before the end of the file, so lines 3 to 5 were read as one last record, and the file looks truncated.")]
    public void UnclosedQuoteAtTheEndRejectsTheFile(string rows, string found)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("open.csv", "arch,acc,params\n" + string.Format(rows, Nb201First, Nb201Best));
        var reported = new List<RowRejection>();

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Store.Import(new BenchmarkImportOptions { Path = path }, rejected: reported.Add));

        Assert.Equal(3, exception.LineNumber);
        Assert.StartsWith($"{path}, line 3: {found}", exception.Message);
        Assert.EndsWith("Nothing was stored, so the cache, including any benchmark stored earlier under this name, is unchanged. Add the missing closing quote, or complete or remove the last row, then import the file again.", exception.Message);
        Assert.DoesNotContain("\n", exception.Message);
        Assert.Empty(reported);
        Assert.Null(cache.Store.Find("open"));
    }

    [Fact]
    public void EmptyHeadersAreNamedAsImportCsvNamesThem()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("pandas.csv", $",arch,,acc\n0,{Nb201First},x,1\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(new[] { "H1", "arch", "H2", "acc" }, cache.Store.Find("pandas")!.Columns);
        Assert.Equal(
            new[]
            {
                "Column 1 of the header has no name, so it is stored as 'H1', the name Import-Csv gives it.",
                "Column 3 of the header has no name, so it is stored as 'H2', the name Import-Csv gives it.",
            },
            summary.Warnings);
    }

    [Fact]
    public void LastEmptyHeaderIsNamedByCanopy()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("excel.csv", $"arch,acc,\n{Nb201First},1,x\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(new[] { "arch", "acc", "H1" }, cache.Store.Find("excel")!.Columns);
        Assert.Equal(
            "The last column of the header, column 3, has no name, so it is stored as 'H1'. Import-Csv would drop this column and its values.",
            Assert.Single(summary.Warnings));
    }

    [Fact]
    public void NamedHeadersGiveNoWarning()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("named.csv", $"arch,acc\n{Nb201First},1\n");

        ImportSummary summary = cache.Import(path);

        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public void RepeatedColumnNamesAreRejected()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("twice.csv", $"arch,acc,ACC\n{Nb201First},1,2\n");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Contains("'ACC' appears more than once in the header (columns 2 and 3)", exception.Message);
        Assert.Null(cache.Store.Find("twice"));
    }

    [Theory]
    [InlineData("arch,,H1", "Column 2 of the header has no name, and 'H1', the name Import-Csv gives it, collides with 'H1', the name of column 3; name column 2 or rename column 3.")]
    [InlineData("h1,arch,", "Column 3 of the header has no name, and 'H1', the name Canopy gives it, collides with 'h1', the name of column 1; name column 3 or rename column 1.")]
    public void NameGivenToUnnamedColumnThatCollidesIsExplained(string header, string expected)
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("collide.csv", $"{header}\n1,2,3\n");

        var exception = Assert.Throws<BenchmarkFileException>(() => cache.Import(path));

        Assert.Contains(expected, exception.Message);
        Assert.Null(cache.Store.Find("collide"));
    }

    [Fact]
    public void MissingArchitectureColumnNamesTheColumnsFound()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("noarch.csv", "name,acc\nx,1\n");

        var exception = Assert.Throws<ArchitectureColumnNotFoundException>(() => cache.Import(path));

        Assert.Contains("'name', 'acc'", exception.Message);
        Assert.Contains("-ArchitectureProperty", exception.Message);
    }

    [Fact]
    public void IndexColumnIsNotAnArchitecture()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("indexed.csv", "arch_index,acc\n9930,93.1\n");

        var exception = Assert.Throws<ArchitectureColumnNotFoundException>(() => cache.Import(path));

        Assert.Contains("The column 'arch_index' contains benchmark indices. A benchmark index is not an architecture.", exception.Message);
        Assert.Contains("Get-CanopyArchitecture -SearchSpace NatsSize | Where-Object BenchmarkIndex -eq <index>", exception.Message);
    }

    [Fact]
    public void NumberInArchitectureColumnNamedAsIndex()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("numbers.csv", $"arch,acc\n{Nb201Best},1\n9930,2\n");

        ImportSummary summary = cache.Import(path);

        Assert.Equal(1, summary.RowsStored);
        RowRejection rejection = Assert.Single(summary.Rejections);
        Assert.Contains("'9930' is a whole number, not an architecture. A benchmark index is not an architecture.", rejection.Reason);
    }

    [Fact]
    public void MissingColumnMessageShowsNoControlCharacters()
    {
        // A binary file read as CSV: a header of 25 columns, one of them with a bell and an escape character.
        string header = "a\u0007b\u001b[31m," + string.Join(",", Enumerable.Range(1, 24).Select(i => "c" + i));
        string message = ArchitectureColumns.DescribeMissing(header.Split(','), requested: null);

        Assert.DoesNotContain(message, char.IsControl);
        Assert.Contains("'a\uFFFDb\uFFFD[31m', 'c1'", message);
        Assert.Contains("'c19' and 5 more.", message);
    }

    [Fact]
    public void ArchitectureColumnMayBeNamed()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("named.csv", $"arch,cell,acc\nnot-used,{Nb201Best},1\n");

        ImportSummary summary = cache.Import(path, architectureColumn: "CELL");

        Assert.Equal("cell", summary.ArchitectureColumn);
        Assert.Equal(Canonical(cache, Nb201Best), ReadAll(cache.Store, "named", out _).Single()[1]);
    }

    [Fact]
    public void ArchitectureColumnCandidatesAreTriedInOrder()
    {
        Assert.Equal(2, ArchitectureColumns.Find(new[] { "arch_repr", "x", "ARCH_STR" }, null));
        Assert.Equal(0, ArchitectureColumns.Find(new[] { "genotype", "y" }, null));
        Assert.Equal(-1, ArchitectureColumns.Find(new[] { "architecture_id" }, null));
    }

    [Fact]
    public void EmptyFileIsRejected()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("empty.csv", string.Empty);

        Assert.Throws<BenchmarkFileException>(() => cache.Import(path));
    }

    [Fact]
    public void HeaderOnlyFileStoresNoBenchmark()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("header.csv", "arch,acc\n");

        var exception = Assert.Throws<BenchmarkEmptyException>(() => cache.Import(path));

        Assert.Equal(path + " has a header but no records, so nothing was imported and the cache is unchanged.", exception.Message);
        Assert.Equal(0, exception.RowsRejected);
        Assert.Null(exception.FirstRejection);
        Assert.Empty(cache.Store.List());
    }

    [Fact]
    public void SearchSpacesAreListedAndStoredPerRow()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("spaces.csv", $"arch,acc\n{Nb201First},1\n\"{Nb301Genotype}\",2\n");

        cache.Import(path);
        var spaces = new List<SearchSpace>();
        using (BenchmarkReader reader = cache.Store.Read("spaces"))
        {
            while (reader.Read())
            {
                spaces.Add(reader.SearchSpace);
            }
        }

        Assert.Equal(new[] { SearchSpace.NatsTopology, SearchSpace.Darts }, spaces);
        Assert.Equal(new[] { "NatsTopology", "Darts" }, cache.Store.Find("spaces")!.SearchSpaces);
    }

    internal static string Canonical(TemporaryCache cache, string architecture)
    {
        Assert.True(cache.Store.TryCanonicalize(architecture, new SearchSpace?[] { null }, out string canonical, out string? error), error);
        return canonical;
    }

    internal static List<object?[]> ReadAll(BenchmarkStore store, string name, out BenchmarkInfo info, IReadOnlyCollection<string>? architectures = null)
    {
        var rows = new List<object?[]>();
        using BenchmarkReader reader = store.Read(name, architectures);
        info = reader.Benchmark;
        while (reader.Read())
        {
            rows.Add(reader.Values.ToArray());
        }

        return rows;
    }

    internal static long[] ReadLines(TemporaryCache cache, string name)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + cache.DatabasePath + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT line FROM benchmark_{cache.Store.Find(name)!.Id} ORDER BY ordinal;";
        var lines = new List<long>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            lines.Add(rows.GetInt64(0));
        }

        return lines.ToArray();
    }
}

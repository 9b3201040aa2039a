using System.IO;
using System.Linq;
using Canopy.Storage;
using Canopy.Storage.Cache;
using Microsoft.Data.Sqlite;
using Xunit;
using static Canopy.Tests.Storage.CsvImportTests;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class CacheSchemaTests
{
    [Fact]
    public void NewCacheRecordsVersionApplicationIdAndWal()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("one.csv", $"arch\n{Nb201First}\n"));

        Assert.Equal(CacheSchema.CurrentVersion, Pragma(cache.DatabasePath, "user_version"));
        Assert.Equal(CacheSchema.ApplicationId, Pragma(cache.DatabasePath, "application_id"));
        Assert.Equal("wal", PragmaText(cache.DatabasePath, "journal_mode"));
        Assert.Equal(CacheConnection.PageSize, Pragma(cache.DatabasePath, "page_size"));
    }

    [Fact]
    public void CacheWithSmallPagesKeepsThem()
    {
        using var cache = new TemporaryCache();
        Execute(cache.DatabasePath, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;");

        cache.Import(cache.WriteText("one.csv", $"arch,acc\n{Nb201First},1\n"));
        cache.Import(cache.WriteText("two.csv", $"arch,acc\n{Nb201Best},2\n"));

        Assert.Equal(4096, Pragma(cache.DatabasePath, "page_size"));
        Assert.Equal(new object?[] { Canonical(cache, Nb201First), 1L }, ReadAll(cache.Store, "one", out _).Single());
        Assert.Equal(new object?[] { Canonical(cache, Nb201Best), 2L }, ReadAll(cache.Store, "two", out _).Single());
    }

    [Fact]
    public void MissingCacheListsNothingAndCreatesNoFile()
    {
        using var cache = new TemporaryCache();

        Assert.Empty(cache.Store.List());
        Assert.Null(cache.Store.Find("anything"));
        Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Read("anything"));
        Assert.False(File.Exists(cache.DatabasePath));
    }

    [Fact]
    public void EmptyCacheFileListsNothing()
    {
        using var cache = new TemporaryCache();
        File.WriteAllBytes(cache.DatabasePath, System.Array.Empty<byte>());

        Assert.Empty(cache.Store.List());
        Assert.Null(cache.Store.Find("anything"));
        Assert.Throws<BenchmarkNotFoundException>(() => cache.Store.Read("anything"));
        Assert.Equal(0, new FileInfo(cache.DatabasePath).Length);
    }

    [Fact]
    public void NewerVersionIsRejectedForReadAndWrite()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("one.csv", $"arch\n{Nb201First}\n"));
        Execute(cache.DatabasePath, $"PRAGMA user_version = {CacheSchema.CurrentVersion + 1};");

        var onList = Assert.Throws<CacheFormatException>(() => cache.Store.List());
        var onImport = Assert.Throws<CacheFormatException>(() => cache.Import(cache.WriteText("two.csv", $"arch\n{Nb201First}\n")));

        Assert.Equal(CacheSchema.CurrentVersion + 1, onList.NewerVersion);
        Assert.Contains($"schema version {CacheSchema.CurrentVersion + 1}", onList.Message);
        Assert.Contains("Update Canopy", onImport.Message);
    }

    [Fact]
    public void OtherSqliteFileIsRejected()
    {
        using var cache = new TemporaryCache();
        Execute(cache.DatabasePath, "CREATE TABLE notes (text TEXT);");

        var exception = Assert.Throws<CacheFormatException>(() => cache.Import(cache.WriteText("one.csv", $"arch\n{Nb201First}\n")));

        Assert.Contains("another program", exception.Message);
    }

    [Fact]
    public void NonSqliteFileIsRejected()
    {
        using var cache = new TemporaryCache();
        File.WriteAllText(cache.DatabasePath, new string('x', 4096));

        var exception = Assert.Throws<CacheFormatException>(() => cache.Store.List());

        Assert.Contains("not an SQLite database", exception.Message);
    }

    [Fact]
    public void DefaultPathFollowsTheEnvironmentVariable()
    {
        string? saved = System.Environment.GetEnvironmentVariable(CacheLocation.EnvironmentVariable);
        try
        {
            System.Environment.SetEnvironmentVariable(CacheLocation.EnvironmentVariable, "/tmp/elsewhere/cache.db");
            Assert.Equal("/tmp/elsewhere/cache.db", CacheLocation.DefaultPath);

            System.Environment.SetEnvironmentVariable(CacheLocation.EnvironmentVariable, null);
            string expected = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData, System.Environment.SpecialFolderOption.DoNotVerify), "Canopy", "benchmarks.db");
            Assert.Equal(expected, CacheLocation.DefaultPath);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(CacheLocation.EnvironmentVariable, saved);
        }
    }

    internal static void Execute(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Pragma(string databasePath, string name) => (long)Scalar(databasePath, $"PRAGMA {name};")!;

    private static string PragmaText(string databasePath, string name) => (string)Scalar(databasePath, $"PRAGMA {name};")!;

    private static object? Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

using System;
using System.IO;
using Canopy.Storage;
using Xunit;
using Xunit.Abstractions;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class CacheAccessTests
{
    private readonly ITestOutputHelper _output;

    public CacheAccessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void FolderAsCacheIsRejectedByEveryCall()
    {
        using var cache = new TemporaryCache();
        string folder = Path.Combine(cache.Folder, "caches");
        Directory.CreateDirectory(folder);
        var store = new BenchmarkStore(folder);
        string file = cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n");

        var import = Assert.Throws<CacheUnavailableException>(() => store.Import(new BenchmarkImportOptions { Path = file }));
        var list = Assert.Throws<CacheUnavailableException>(() => store.List());
        Assert.Throws<CacheUnavailableException>(() => store.Find("sweep"));
        Assert.Throws<CacheUnavailableException>(() => store.Read("sweep"));

        Assert.Equal(folder, import.DatabasePath);
        Assert.Equal($"The cache path {folder} is a folder. Give -Database, or CANOPY_DATABASE, the path of a file, such as {Path.Combine(folder, "benchmarks.db")}.", import.Message);
        Assert.Equal(import.Message, list.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void FolderThatCannotBeCreatedIsNamed()
    {
        using var cache = new TemporaryCache();
        string blocker = cache.WriteText("not-a-folder", "a file where the cache folder should be");
        string database = Path.Combine(blocker, "sub", "benchmarks.db");
        var store = new BenchmarkStore(database);
        string file = cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n");

        var exception = Assert.Throws<CacheUnavailableException>(() => store.Import(new BenchmarkImportOptions { Path = file }));

        Assert.Equal(database, exception.DatabasePath);
        Assert.StartsWith($"The folder {Path.Combine(blocker, "sub")} for the cache {database} cannot be created.", exception.Message);
        Assert.EndsWith("Choose another -Database.", exception.Message);
        Assert.Empty(store.List());
    }

    [Fact]
    public void MissingFoldersAreCreatedByTheFirstImport()
    {
        using var cache = new TemporaryCache();
        string database = Path.Combine(cache.Folder, "a", "b", "benchmarks.db");
        var store = new BenchmarkStore(database);

        store.Import(new BenchmarkImportOptions { Path = cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n") });

        Assert.True(File.Exists(database));
        Assert.Equal(1, store.Find("sweep")!.Rows);
    }

    [Fact]
    public void FolderWithoutWritePermissionIsNamed()
    {
        if (OperatingSystem.IsWindows())
        {
            _output.WriteLine("Skipped: Unix file modes do not apply on Windows.");
            return;
        }

        using var cache = new TemporaryCache();
        string folder = Path.Combine(cache.Folder, "locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (CanCreateFileIn(folder))
            {
                _output.WriteLine("Skipped: this user writes into read-only folders (for example root), so the permission error cannot happen.");
                return;
            }

            string database = Path.Combine(folder, "benchmarks.db");
            var store = new BenchmarkStore(database);

            var exception = Assert.Throws<CacheUnavailableException>(() => store.Import(new BenchmarkImportOptions { Path = cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n") }));

            Assert.StartsWith($"SQLite cannot open or write the cache {database} (", exception.Message);
            Assert.EndsWith("Check that you may read and write the file and its folder, or choose another -Database.", exception.Message);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanCreateFileIn(string folder)
    {
        string probe = Path.Combine(folder, "probe");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}

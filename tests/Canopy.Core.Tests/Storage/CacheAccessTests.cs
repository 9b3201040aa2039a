using System;
using System.IO;
using System.Runtime.Versioning;
using Canopy.Storage;
using Canopy.Storage.Import;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

public class CacheAccessTests
{
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

    [Theory]
    [InlineData("benchmarks.db")]
    [InlineData("sub/benchmarks.db")]
    public void FileInPathIsRejectedByEveryCall(string pathUnderFile)
    {
        using var cache = new TemporaryCache();
        string blocker = cache.WriteText("not-a-folder", "a file where the cache folder should be");
        string database = Path.Combine(blocker, pathUnderFile);
        var store = new BenchmarkStore(database);
        string file = cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n");

        var import = Assert.Throws<CacheUnavailableException>(() => store.Import(new BenchmarkImportOptions { Path = file }));
        var list = Assert.Throws<CacheUnavailableException>(() => store.List());
        Assert.Throws<CacheUnavailableException>(() => store.Find("sweep"));
        Assert.Throws<CacheUnavailableException>(() => store.Read("sweep"));
        Assert.Throws<CacheUnavailableException>(() => store.Lookup("sweep", new[] { Nb201First }, "acc"));

        Assert.Equal(database, import.DatabasePath);
        Assert.Equal($"The cache path {database} cannot be used, because {blocker} is a file, not a folder. Choose another -Database.", import.Message);
        Assert.Equal(import.Message, list.Message);
        Assert.Equal("a file where the cache folder should be", File.ReadAllText(blocker));
    }

    [Fact]
    public void MissingCacheInMissingFolderListsNothing()
    {
        using var cache = new TemporaryCache();
        var store = new BenchmarkStore(Path.Combine(cache.Folder, "missing", "benchmarks.db"));

        Assert.Empty(store.List());
        Assert.Null(store.Find("sweep"));
        Assert.False(Directory.Exists(Path.Combine(cache.Folder, "missing")));
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

    [UnixPermissionFact]
    [UnsupportedOSPlatform("windows")]
    public void FolderWithoutWritePermissionIsNamed()
    {
        using var cache = new TemporaryCache();
        string folder = Path.Combine(cache.Folder, "locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Assert.False(CanCreateFileIn(folder));

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

    [UnixPermissionFact]
    [UnsupportedOSPlatform("windows")]
    public void ReadOnlyCacheStopsImport()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));
        MakeReadOnly(cache.DatabasePath);

        var error = Assert.Throws<CacheUnavailableException>(() => cache.Import(cache.WriteText("more.csv", $"arch,acc\n{Nb201Best},2\n")));

        Assert.Equal(cache.DatabasePath, error.DatabasePath);
        Assert.Equal($"The cache file {cache.DatabasePath} is read-only, so the import cannot write it. Make the file writable, or choose another -Database.", error.Message);
        Assert.Equal("sweep", Assert.Single(cache.Store.List()).Name);
    }

    [UnixPermissionFact]
    [UnsupportedOSPlatform("windows")]
    public void ReadOnlyCacheLeavesNoSideFiles()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n"));
        MakeReadOnly(cache.DatabasePath);

        var rows = CsvImportTests.ReadAll(cache.Store, "sweep", out _);
        var found = cache.Store.Lookup("sweep", new[] { CsvImportTests.Canonical(cache, Nb201Best) }, "acc");

        Assert.Equal("sweep", Assert.Single(cache.Store.List()).Name);
        Assert.Equal(new object?[] { 1L, 2L }, rows.ConvertAll(row => row[1]));
        Assert.Equal(2L, found[0].Value);
        Assert.False(File.Exists(cache.DatabasePath + "-wal"));
        Assert.False(File.Exists(cache.DatabasePath + "-shm"));
    }

    [UnixPermissionTheory]
    [UnsupportedOSPlatform("windows")]
    [InlineData("-shm", "shared-memory file")]
    [InlineData("-wal", "write-ahead log")]
    public void ReadOnlySideFileIsNamed(string suffix, string kind)
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));
        string sideFile = cache.DatabasePath + suffix;
        File.WriteAllBytes(sideFile, Array.Empty<byte>());
        MakeReadOnly(sideFile);

        var error = Assert.Throws<CacheUnavailableException>(() => cache.Import(cache.WriteText("more.csv", $"arch,acc\n{Nb201Best},2\n")));

        Assert.Equal(cache.DatabasePath, error.DatabasePath);
        Assert.Equal($"The cache {cache.DatabasePath} cannot be written, because its {kind} {sideFile} is read-only. Make {sideFile} writable as well as the cache file, or choose another -Database.", error.Message);
        File.Delete(sideFile);
        Assert.Equal("sweep", Assert.Single(cache.Store.List()).Name);
    }

    [UnsupportedOSPlatform("windows")]
    private static void MakeReadOnly(string file) =>
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

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

    // A -shm link into a missing folder stops SQLite from opening the cache in WAL mode, as a folder without write
    // access does. Unlike file permissions, it also binds a test that runs as root.
    [Fact]
    public void CacheWithoutSharedMemoryIsReadUnchanged()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n{Nb201Best},2\n"));
        BlockSharedMemory(cache);

        var found = cache.Store.Lookup("sweep", new[] { CsvImportTests.Canonical(cache, Nb201Best) }, "acc");
        var rows = CsvImportTests.ReadAll(cache.Store, "sweep", out _);

        Assert.Equal("sweep", Assert.Single(cache.Store.List()).Name);
        Assert.Equal(2L, found[0].Value);
        Assert.Equal(new object?[] { 1L, 2L }, rows.ConvertAll(row => row[1]));
        Assert.Throws<CacheUnavailableException>(() => cache.Import(cache.WriteText("more.csv", $"arch,acc\n{Nb201First},3\n")));
    }

    [Fact]
    public void UnreadableLogStopsUnchangedRead()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));
        BlockSharedMemory(cache);
        File.WriteAllBytes(cache.DatabasePath + "-wal", new byte[32]);

        var error = Assert.Throws<CacheUnavailableException>(() => cache.Store.List());

        Assert.Equal(cache.DatabasePath, error.DatabasePath);
        Assert.Contains("write-ahead log", error.Message);
    }

    // A folder in place of the -shm file leaves SQLite read access to it only, as a read-only -shm file would.
    [Fact]
    public void ReadOnlySharedMemoryStopsImport()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("sweep.csv", $"arch,acc\n{Nb201First},1\n"));
        Directory.CreateDirectory(cache.DatabasePath + "-shm");

        var error = Assert.Throws<CacheUnavailableException>(() => cache.Import(cache.WriteText("more.csv", $"arch,acc\n{Nb201First},3\n")));

        Assert.Equal(cache.DatabasePath, error.DatabasePath);
        Assert.Equal("sweep", Assert.Single(cache.Store.List()).Name);
    }

    private static void BlockSharedMemory(TemporaryCache cache) =>
        File.CreateSymbolicLink(cache.DatabasePath + "-shm", Path.Combine(cache.Folder, "missing", "benchmarks.db-shm"));
}

using System;
using System.IO;
using System.Threading;
using Canopy.Storage;
using Canopy.Storage.Cache;
using Canopy.Storage.Import;
using Microsoft.Data.Sqlite;
using Xunit;
using static Canopy.Tests.Storage.KnownArchitectures;

namespace Canopy.Tests.Storage;

/// <summary>Writers that meet another connection's write lock: they wait, can be cancelled, and give up clearly.</summary>
public class WriteLockTests
{
    [Fact]
    public void CancelledRemovalKeepsBenchmark()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("held.csv", $"arch,acc\n{Nb201First},1\n"));
        using var cancellation = new CancellationTokenSource();
        int waits = 0;

        using (HoldWriteLock(cache))
        {
            var lockWait = new RecordingLockWait(() =>
            {
                waits++;
                cancellation.Cancel();
            });
            Assert.ThrowsAny<OperationCanceledException>(() => cache.Store.Remove("held", cancellation.Token, lockWait));
            Assert.Null(lockWait.AcquiredAfter);
        }

        Assert.Equal(1, waits);
        Assert.Equal(1, cache.Store.Find("held")!.Rows);
    }

    [Fact]
    public void RemovalGoesOnWhenLockIsReleased()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("held.csv", $"arch,acc\n{Nb201First},1\n"));
        SqliteConnection holder = HoldWriteLock(cache);
        int waits = 0;

        var lockWait = new RecordingLockWait(() =>
        {
            waits++;
            holder.Dispose();
        });

        BenchmarkInfo removed = cache.Store.Remove("held", CancellationToken.None, lockWait);

        Assert.Equal(1, waits);
        Assert.NotNull(lockWait.AcquiredAfter);
        Assert.True(lockWait.AcquiredAfter >= lockWait.StartedAfter, "the whole wait is at least the first attempt");
        Assert.Equal("held", removed.Name);
        Assert.Null(cache.Store.Find("held"));
    }

    [Fact]
    public void CancelledImportStoresNothing()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("first.csv", $"arch,acc\n{Nb201First},1\n"));
        string second = cache.WriteText("second.csv", $"arch,acc\n{Nb201Best},2\n");
        using var cancellation = new CancellationTokenSource();
        int waits = 0;
        TimeSpan waitedBeforeNotice = TimeSpan.Zero;

        using (HoldWriteLock(cache))
        {
            RecordingLockWait lockWait = null!;
            lockWait = new RecordingLockWait(() =>
            {
                waits++;
                waitedBeforeNotice = lockWait.StartedAfter!.Value;
                cancellation.Cancel();
            });
            Assert.ThrowsAny<OperationCanceledException>(() => cache.Store.Import(
                new BenchmarkImportOptions { Path = second },
                cancellationToken: cancellation.Token,
                lockWait: lockWait));
        }

        Assert.Equal(1, waits);
        Assert.True(waitedBeforeNotice > TimeSpan.Zero, "the notice reports the time the first busy attempt took");
        Assert.Null(cache.Store.Find("second"));
        Assert.Single(cache.Store.List());
    }

    [Fact]
    public void FreeLockReportsNoWait()
    {
        using var cache = new TemporaryCache();
        string path = cache.WriteText("free.csv", $"arch,acc\n{Nb201First},1\n");
        var lockWait = new RecordingLockWait(() => { });

        cache.Store.Import(new BenchmarkImportOptions { Path = path }, lockWait: lockWait);

        Assert.Null(lockWait.StartedAfter);
        Assert.Null(lockWait.AcquiredAfter);
    }

    [Fact]
    public void LockHeldTooLongIsBusy()
    {
        using var cache = new TemporaryCache();
        cache.Import(cache.WriteText("held.csv", $"arch,acc\n{Nb201First},1\n"));
        using SqliteConnection connection = CacheConnection.OpenExistingForWrite(cache.DatabasePath)!;

        CacheBusyException busy;
        using (HoldWriteLock(cache))
        {
            busy = Assert.Throws<CacheBusyException>(() => CacheConnection.BeginWrite(connection, cache.DatabasePath, limit: TimeSpan.FromSeconds(1.5)));
        }

        Assert.Equal(cache.DatabasePath, busy.DatabasePath);
        Assert.StartsWith($"Another connection held the write lock of the cache {cache.DatabasePath} for 1.5 s, so nothing was changed.", busy.Message);

        // The connection is usable again, with its usual timeouts.
        Assert.Equal(CacheConnection.BusyTimeoutSeconds, connection.DefaultTimeout);
        using (SqliteCommand pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(CacheConnection.BusyTimeoutSeconds * 1000L, (long)pragma.ExecuteScalar()!);
        }

        using SqliteTransaction transaction = CacheConnection.BeginWrite(connection, cache.DatabasePath);
        transaction.Rollback();
    }

    [Fact]
    public void VanishedSideFileIsNotReadOnly()
    {
        using var cache = new TemporaryCache();
        string present = cache.WriteText("present.db-wal", string.Empty);

        Assert.False(FilePermissions.IsReadOnly(Path.Combine(cache.Folder, "gone.db-shm")));
        Assert.False(FilePermissions.IsReadOnly(present));
    }

    // Another connection takes the write lock, as a second process's import would.
    private static SqliteConnection HoldWriteLock(TemporaryCache cache)
    {
        var holder = new SqliteConnection($"Data Source={cache.DatabasePath};Pooling=False");
        holder.Open();
        using SqliteCommand begin = holder.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        begin.ExecuteNonQuery();
        return holder;
    }

    // Records the calls of a wait for the write lock and runs an action when the wait starts.
    private sealed class RecordingLockWait : IWriteLockWait
    {
        private readonly Action _onStarted;

        public RecordingLockWait(Action onStarted) => _onStarted = onStarted;

        public TimeSpan? StartedAfter { get; private set; }

        public TimeSpan? AcquiredAfter { get; private set; }

        public void Started(TimeSpan waited)
        {
            StartedAfter = waited;
            _onStarted();
        }

        public void Acquired(TimeSpan waited) => AcquiredAfter = waited;
    }
}

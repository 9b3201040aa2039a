using System;
using Canopy.Storage.Cache;

namespace Canopy.Storage.Import;

/// <summary>
/// The callbacks of one import, each optional. All of them run on the thread that called
/// <see cref="BenchmarkStore.Import"/>.
/// </summary>
/// <param name="Progress">Receives how far the import has read, and a last report before the commit.</param>
/// <param name="Rejected">Receives each row that cannot be stored.</param>
/// <param name="Warned">Receives each warning about the file before the commit, so an exception it throws rolls the import back.</param>
/// <param name="LockWait">Told when another process holds the cache's write lock, and when the lock is then taken.</param>
internal sealed record ImportCallbacks(
    IProgress<ImportProgress>? Progress,
    Action<RowRejection>? Rejected,
    Action<string>? Warned,
    IWriteLockWait? LockWait);

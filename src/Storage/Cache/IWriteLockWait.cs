using System;

namespace Canopy.Storage.Cache;

/// <summary>Receives the start and the end of a wait for the cache's write lock, on the thread that waits.</summary>
public interface IWriteLockWait
{
    /// <summary>Called once when another connection holds the write lock, with the time the first attempt took.</summary>
    void Started(TimeSpan waited);

    /// <summary>Called once when the lock is taken after <see cref="Started"/>, with the whole time waited.</summary>
    void Acquired(TimeSpan waited);
}

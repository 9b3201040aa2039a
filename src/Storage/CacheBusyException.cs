using System;

namespace Canopy.Storage;

/// <summary>A cache whose write lock another process held for longer than a writer waits.</summary>
public sealed class CacheBusyException : CacheUnavailableException
{
    public CacheBusyException(string databasePath, string message, Exception? innerException = null)
        : base(databasePath, message, innerException)
    {
    }
}

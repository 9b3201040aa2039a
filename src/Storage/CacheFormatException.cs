using System;

namespace Canopy.Storage;

/// <summary>
/// A database file that this release cannot use: not an SQLite file, an SQLite file of another program, or a cache
/// written by a newer release of Canopy.
/// </summary>
public sealed class CacheFormatException : Exception
{
    public CacheFormatException(string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    /// <summary>The file's schema version when it is newer than this release reads, else null.</summary>
    public long? NewerVersion { get; init; }
}

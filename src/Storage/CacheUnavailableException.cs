using System;
using System.IO;

namespace Canopy.Storage;

/// <summary>
/// A cache path that cannot be opened: a folder, a path through a file, a folder that cannot be created, or a file
/// that SQLite cannot open or write, for example for lack of permission.
/// </summary>
public class CacheUnavailableException : IOException
{
    public CacheUnavailableException(string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }
}

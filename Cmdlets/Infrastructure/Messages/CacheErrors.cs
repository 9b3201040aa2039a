using System;
using System.Management.Automation;
using Canopy.Storage;
using Canopy.Storage.Cache;
using Microsoft.Data.Sqlite;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>Builds the error records of the cmdlets that read or write the benchmark cache.</summary>
internal static class CacheErrors
{
    /// <summary>
    /// Creates the record for an exception that makes the cache unusable, or returns null for any other exception.
    /// CacheFormatInvalid (OpenError) is for a file that is no Canopy cache or a newer one. CacheBusy (ResourceBusy)
    /// is for a write lock that another process held too long. CacheUnavailable (ResourceUnavailable) is for a path
    /// that cannot be opened and for an SQLite failure while reading or writing a file that opened. The target is the
    /// cache path.
    /// </summary>
    /// <param name="exception">The exception that a read or write of the cache raised.</param>
    /// <param name="databasePath">The cache path, which names the file in the message of an SQLite failure.</param>
    public static ErrorRecord? FromException(Exception exception, string databasePath) => exception switch
    {
        CacheFormatException format => ErrorRecords.Create(format, "CacheFormatInvalid", ErrorCategory.OpenError, format.DatabasePath),
        CacheBusyException busy => ErrorRecords.Create(busy, "CacheBusy", ErrorCategory.ResourceBusy, busy.DatabasePath),
        CacheUnavailableException unavailable => Unavailable(unavailable),
        SqliteException sqlite => Unavailable(CacheConnection.Failed(databasePath, sqlite)),
        _ => null,
    };

    private static ErrorRecord Unavailable(CacheUnavailableException exception) =>
        ErrorRecords.Create(exception, "CacheUnavailable", ErrorCategory.ResourceUnavailable, exception.DatabasePath);
}

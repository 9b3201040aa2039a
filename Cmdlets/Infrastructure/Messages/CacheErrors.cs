using System.Management.Automation;
using Canopy.Storage;

namespace Canopy.Commands.Infrastructure;

/// <summary>Builds the error records of the cmdlets that write the benchmark cache.</summary>
internal static class CacheErrors
{
    /// <summary>
    /// Creates the record for a cache that cannot be written: CacheBusy when another process held the write lock too
    /// long, CacheUnavailable with <paramref name="category"/> otherwise. The target is the cache path.
    /// </summary>
    public static ErrorRecord Unavailable(CacheUnavailableException exception, ErrorCategory category) =>
        exception is CacheBusyException
            ? ErrorRecords.Create(exception, "CacheBusy", ErrorCategory.ResourceBusy, exception.DatabasePath)
            : ErrorRecords.Create(exception, "CacheUnavailable", category, exception.DatabasePath);
}

using System;
using System.Management.Automation;
using Canopy.Storage;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// The cache file a cmdlet uses: -Database, else CANOPY_DATABASE, else the default in the per-user data folder.
/// </summary>
internal static class CachePaths
{
    /// <summary>
    /// Resolves -Database or CANOPY_DATABASE against the current PowerShell location, or returns null for the
    /// default file. The process's own working folder is often another folder than the location.
    /// </summary>
    public static string? Resolve(PSCmdlet cmdlet, string? database)
    {
        string? path = database ?? Environment.GetEnvironmentVariable(CacheLocation.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(path) ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(path);
    }
}

using System;
using System.Management.Automation;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Storage.Cache;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// The cache file a cmdlet uses: -Database, else CANOPY_DATABASE, else the default in the per-user data folder.
/// </summary>
internal static class CachePaths
{
    /// <summary>
    /// Resolves -Database or CANOPY_DATABASE against the current PowerShell location, or returns null for the
    /// default file. The process's own working folder is often another folder than the location. A path on a
    /// provider other than the file system stops the cmdlet with CachePathInvalid.
    /// </summary>
    public static string? Resolve(PSCmdlet cmdlet, string? database)
    {
        string? path = database ?? Environment.GetEnvironmentVariable(CacheLocation.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            string source = database is null ? CacheLocation.EnvironmentVariable : "-Database";
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                $"{source} '{path}' is a path on the {provider.Name} provider, but the cache is a file. Give a file system path such as ./benchmarks.db.",
                "CachePathInvalid",
                ErrorCategory.InvalidArgument,
                path));
        }

        return resolved;
    }
}

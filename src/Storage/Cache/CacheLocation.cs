using System;
using System.IO;

namespace Canopy.Storage.Cache;

/// <summary>Where the benchmark cache lives when the caller names no file.</summary>
public static class CacheLocation
{
    /// <summary>The environment variable that overrides the default cache file.</summary>
    public const string EnvironmentVariable = "CANOPY_DATABASE";

    /// <summary>
    /// The file named by CANOPY_DATABASE, else Canopy/benchmarks.db in the per-user data folder
    /// (LocalApplicationData: ~/.local/share on Linux, %LOCALAPPDATA% on Windows).
    /// </summary>
    public static string DefaultPath
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }

            string dataFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(dataFolder, "Canopy", "benchmarks.db");
        }
    }
}

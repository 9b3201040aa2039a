using System;
using System.IO;

namespace Canopy.Tests.Statistics;

/// <summary>Finds a folder of the real benchmark data, which is never part of the repository.</summary>
internal static class TestData
{
    /// <summary>
    /// Returns the full path of <paramref name="folder"/> under $CANOPY_DATA, or under ../shared/data next to the
    /// repository root (the first parent of the test binaries that contains Canopy.psd1); null when neither exists.
    /// </summary>
    public static string? Find(string folder)
    {
        string? configured = Environment.GetEnvironmentVariable("CANOPY_DATA");
        if (!string.IsNullOrEmpty(configured) && Directory.Exists(Path.Combine(configured, folder)))
        {
            return Path.GetFullPath(Path.Combine(configured, folder));
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Canopy.psd1")))
            {
                string candidate = Path.Combine(directory.FullName, "..", "shared", "data", folder);
                return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}

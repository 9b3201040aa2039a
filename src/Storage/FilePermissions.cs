using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Canopy.Storage;

/// <summary>Checks file permissions without opening the file.</summary>
/// <remarks>
/// Opening and closing a file that SQLite has open in this process would release SQLite's POSIX locks on it, so the
/// check calls access(2) instead.
/// </remarks>
internal static class FilePermissions
{
    private const int WriteAccess = 2;

    /// <summary>Whether this process may write the existing file at <paramref name="path"/>.</summary>
    public static bool IsWritable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(path) & FileAttributes.ReadOnly) == 0;
        }

        return access(path, WriteAccess) == 0;
    }

    // POSIX access(2) checks with the real user and group IDs of the process.
    [DllImport("libc", SetLastError = true)]
    private static extern int access(string path, int mode);
}

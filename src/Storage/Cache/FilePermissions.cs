using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Canopy.Storage.Cache;

/// <summary>Checks file permissions without opening the file.</summary>
/// <remarks>
/// Opening and closing a file that SQLite has open in this process would release SQLite's POSIX locks on it, so the
/// check calls access(2) instead.
/// </remarks>
internal static class FilePermissions
{
    private const int WriteAccess = 2;
    // errno values that mean the file exists but may not be written, the same on Linux and macOS.
    private const int EPERM = 1;
    private const int EACCES = 13;
    private const int EROFS = 30;

    /// <summary>
    /// Whether the file at <paramref name="path"/> exists and this process may not write it. A file that another
    /// process deletes during the check, as SQLite deletes the -wal and -shm files when its last connection closes,
    /// is not read-only.
    /// </summary>
    public static bool IsReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }
        }

        // A folder that may not be searched also fails access(2), but it hides the file from File.Exists, and SQLite
        // reports that case with the folder.
        return File.Exists(path) && access(path, WriteAccess) != 0 && Marshal.GetLastPInvokeError() is EPERM or EACCES or EROFS;
    }

    // POSIX access(2) checks with the real user and group IDs of the process.
    [DllImport("libc", SetLastError = true)]
    private static extern int access(string path, int mode);
}

using System;
using System.IO;
using Xunit;

namespace Canopy.Tests.Storage;

/// <summary>
/// A fact that needs Unix file modes to be enforced. It is reported as skipped on Windows and for users whom the
/// modes do not bind, such as root, instead of passing without checking anything.
/// </summary>
public sealed class UnixPermissionFactAttribute : FactAttribute
{
    public UnixPermissionFactAttribute() => Skip = UnixPermissions.SkipReason;
}

/// <summary>A theory that needs Unix file modes to be enforced; see <see cref="UnixPermissionFactAttribute"/>.</summary>
public sealed class UnixPermissionTheoryAttribute : TheoryAttribute
{
    public UnixPermissionTheoryAttribute() => Skip = UnixPermissions.SkipReason;
}

internal static class UnixPermissions
{
    private static readonly Lazy<string?> Reason = new(Probe);

    /// <summary>Why permission tests cannot run for this user on this system, or null when they can.</summary>
    public static string? SkipReason => Reason.Value;

    // Writes into a file of mode 444: a user who succeeds is not bound by file modes.
    private static string? Probe()
    {
        if (OperatingSystem.IsWindows())
        {
            return "Unix file modes do not apply on Windows.";
        }

        string file = Path.Combine(Path.GetTempPath(), $"canopy-mode-probe-{Guid.NewGuid():N}");
        File.WriteAllText(file, string.Empty);
        try
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
            return "this user writes read-only files (for example root), so permission errors cannot happen.";
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

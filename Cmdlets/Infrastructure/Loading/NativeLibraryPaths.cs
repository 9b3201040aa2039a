using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Canopy.Commands.Infrastructure.Loading;

/// <summary>Lists where a NuGet package's native library sits in a portable publish, for this platform.</summary>
internal static class NativeLibraryPaths
{
    public static IEnumerable<string> Candidates(string moduleDirectory, string baseName)
    {
        string fileName = OperatingSystem.IsWindows() ? baseName + ".dll"
            : OperatingSystem.IsMacOS() ? "lib" + baseName + ".dylib"
            : "lib" + baseName + ".so";

        // The runtime's own identifier first (it names musl and the like), then the portable one.
        yield return Path.Combine(moduleDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", fileName);
        yield return Path.Combine(moduleDirectory, "runtimes", PortableRuntimeIdentifier(), "native", fileName);
        yield return Path.Combine(moduleDirectory, fileName);
    }

    private static string PortableRuntimeIdentifier()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string architecture = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            Architecture.Arm => "arm",
            _ => RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
        };
        return os + "-" + architecture;
    }
}

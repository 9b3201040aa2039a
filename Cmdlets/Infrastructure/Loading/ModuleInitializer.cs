using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Canopy.Commands.Infrastructure.Loading;

/// <summary>
/// Points the loader at the module's own copy of the native SQLite library when the module is imported.
/// PowerShell never probes a module's runtimes/&lt;rid&gt;/native folder, so without this hook the
/// benchmark cache fails with "Unable to load shared library 'e_sqlite3'".
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    private static int s_registered;

    public void OnImport()
    {
        // Import-Module -Force runs OnImport again in the same process; one handler is enough.
        if (System.Threading.Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveNativeLibrary;
    }

    private static IntPtr ResolveNativeLibrary(Assembly requestingAssembly, string libraryName)
    {
        if (!libraryName.Contains("e_sqlite3", StringComparison.Ordinal))
        {
            return IntPtr.Zero;
        }

        string? moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
        if (moduleDirectory is null)
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in NativeLibraryPaths.Candidates(moduleDirectory, "e_sqlite3"))
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out IntPtr handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}

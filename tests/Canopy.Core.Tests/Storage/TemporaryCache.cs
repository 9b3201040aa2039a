using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using Canopy.Storage;
using Canopy.Storage.Import;

namespace Canopy.Tests.Storage;

/// <summary>A cache file and benchmark files in a fresh temporary folder that is deleted afterwards.</summary>
internal sealed class TemporaryCache : IDisposable
{
    public TemporaryCache()
    {
        Folder = Path.Combine(Path.GetTempPath(), "canopy-cache-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "benchmarks.db");
        Store = new BenchmarkStore(DatabasePath);
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public BenchmarkStore Store { get; }

    public string WriteText(string fileName, string content, Encoding? encoding = null)
    {
        string path = Path.Combine(Folder, fileName);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public string WriteGzip(string fileName, string content)
    {
        string path = Path.Combine(Folder, fileName);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public ImportSummary Import(string path, string? name = null, bool replace = false, string? architectureColumn = null) =>
        Store.Import(new BenchmarkImportOptions { Path = path, Name = name, Replace = replace, ArchitectureColumn = architectureColumn });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // On Windows a reader that is still open keeps the file, and the system cleans the temporary folder later.
        }
    }
}

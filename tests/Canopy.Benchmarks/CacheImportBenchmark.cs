using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using Canopy.Storage;
using Canopy.Storage.Import;

namespace Canopy.Benchmarks;

/// <summary>
/// Imports a generated CSV file of NAS-Bench-201 cells into a fresh cache and reports time and memory, to show that
/// memory does not grow with the file. Run it once per size, each in its own process, so peaks do not mix.
/// </summary>
internal sealed class CacheImportBenchmark : IBenchmark
{
    private static readonly string[] Operations = { "none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3" };

    public string Name => "cache-import";

    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options)
    {
        int rows = options.TryGetValue("rows", out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : 100_000;
        string folder = options.TryGetValue("folder", out text) ? text : Path.GetTempPath();
        string stem = Path.Combine(folder, $"cache-import-{rows}-{Environment.ProcessId}");
        string csvPath = stem + ".csv";
        string databasePath = stem + ".db";

        try
        {
            WriteFile(csvPath, rows);
            long fileBytes = new FileInfo(csvPath).Length;
            GC.Collect();
            long managedBefore = GC.GetTotalMemory(forceFullCollection: true);

            long maxManaged = 0;
            var progress = new SamplingProgress(() => maxManaged = Math.Max(maxManaged, GC.GetTotalMemory(forceFullCollection: false)));
            var stopwatch = Stopwatch.StartNew();
            ImportSummary summary = new BenchmarkStore(databasePath).Import(new BenchmarkImportOptions { Path = csvPath }, progress);
            stopwatch.Stop();

            using Process self = Process.GetCurrentProcess();
            return new Dictionary<string, object?>
            {
                ["rows"] = rows,
                ["rowsStored"] = summary.RowsStored,
                ["fileBytes"] = fileBytes,
                ["seconds"] = stopwatch.Elapsed.TotalSeconds,
                ["rowsPerSecond"] = rows / stopwatch.Elapsed.TotalSeconds,
                ["managedBeforeBytes"] = managedBefore,
                ["maxManagedBytes"] = maxManaged,
                ["peakWorkingSetBytes"] = self.PeakWorkingSet64,
            };
        }
        finally
        {
            foreach (string path in new[] { csvPath, databasePath, databasePath + "-wal", databasePath + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    // Cells cycle through all 15,625 NAS-Bench-201 cells; the numbers mimic accuracies, parameters and an index.
    private static void WriteFile(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("ArchitectureString,accuracy,params,flops,index\n");
        var random = new Random(20261204);
        var cell = new StringBuilder();
        for (int i = 0; i < rows; i++)
        {
            cell.Clear();
            int code = i % 15625;
            for (int edge = 0, node = 1, source = 0; edge < 6; edge++)
            {
                cell.Append('|').Append(Operations[code % 5]).Append('~').Append(source);
                code /= 5;
                if (++source == node)
                {
                    cell.Append(edge == 5 ? "|" : "|+");
                    node++;
                    source = 0;
                }
            }

            writer.Write(cell);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $",{10 + 85 * random.NextDouble()},{random.NextDouble() * 1.5},{random.Next(1, 200_000_000)},{i}\n"));
        }
    }

    private sealed class SamplingProgress : IProgress<ImportProgress>
    {
        private readonly Action _sample;

        public SamplingProgress(Action sample) => _sample = sample;

        public void Report(ImportProgress value) => _sample();
    }
}

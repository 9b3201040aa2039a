using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Canopy.Architectures;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Reading;
using CsvHelper;
using CsvHelper.Configuration;

namespace Canopy.Benchmarks;

/// <summary>
/// Splits the import time of one CSV file into its stages: reading the records with CsvHelper, then also parsing
/// each architecture, then the whole import, and reading the rows back. Each figure is the median of interleaved
/// runs after warm-up rounds, in wall-clock time and in CPU time of the calling thread and of the process.
/// </summary>
internal sealed class CacheStagesBenchmark : IBenchmark
{
    private const int Runs = 15;

    private const int ProcessCpuClock = 2;

    public string Name => "cache-stages";

    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options)
    {
        string file = options["file"];
        string column = options.TryGetValue("column", out string? text) ? text : "ArchitectureString";
        string databasePath = Path.Combine(options.TryGetValue("folder", out text) ? text : Path.GetTempPath(), $"cache-stages-{Environment.ProcessId}.db");

        try
        {
            var stages = new (string Name, Action Run)[]
            {
                ("read", () => ReadRecords(file, column, parse: false)),
                ("readAndParse", () => ReadRecords(file, column, parse: true)),
                ("import", () => new BenchmarkStore(databasePath).Import(new BenchmarkImportOptions { Path = file, Name = "stages", Replace = true })),
                ("readBack", () => ReadBack(databasePath)),
            };
            var figures = new Dictionary<string, object?>
            {
                ["rows"] = ReadRecords(file, column, parse: false),
                ["cores"] = Environment.ProcessorCount,
                ["runs"] = Runs,
            };
            figures["warmUpRuns"] = WarmUp(stages);
            foreach ((string name, Time median) in MedianInterleaved(stages))
            {
                figures[name + "Milliseconds"] = median.Wall;
                figures[name + "CpuMilliseconds"] = median.ThreadCpu;
                figures[name + "ProcessCpuMilliseconds"] = median.ProcessCpu;
            }

            return figures;
        }
        finally
        {
            foreach (string path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    // Runs rounds until the JIT compiler has settled and returns how many it took.
    private static int WarmUp((string Name, Action Run)[] stages)
    {
        int round = 0;
        return JitWarmUp.Run(() => RunRound(stages, round++));
    }

    // Runs the stages in turn, round after round, so that load on the machine affects each alike.
    private static IEnumerable<(string Name, Time Median)> MedianInterleaved((string Name, Action Run)[] stages)
    {
        var times = stages.Select(_ => new List<Time>()).ToArray();
        for (int round = 0; round < Runs; round++)
        {
            Time[] roundTimes = RunRound(stages, round);
            for (int i = 0; i < stages.Length; i++)
            {
                times[i].Add(roundTimes[i]);
            }
        }

        return stages.Select((stage, i) => (stage.Name, new Time(
            Median(times[i].Select(time => time.Wall)),
            Median(times[i].Select(time => time.ThreadCpu)),
            Median(times[i].Select(time => time.ProcessCpu)))));
    }

    // Runs every stage once in an order rotated by the round number, so that no stage always follows the same one.
    // A full garbage collection before each run keeps one stage from paying for another's garbage.
    private static Time[] RunRound((string Name, Action Run)[] stages, int round)
    {
        var times = new Time[stages.Length];
        for (int i = 0; i < stages.Length; i++)
        {
            int stage = (i + round) % stages.Length;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            double threadBefore = ThreadClock.Seconds();
            double processBefore = ProcessCpuSeconds();
            var stopwatch = Stopwatch.StartNew();
            stages[stage].Run();
            stopwatch.Stop();
            times[stage] = new Time(stopwatch.Elapsed.TotalMilliseconds, (ThreadClock.Seconds() - threadBefore) * 1000, (ProcessCpuSeconds() - processBefore) * 1000);
        }

        return times;
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // Reads every record as Import-CanopyBenchmark does, optionally parsing the architecture to its canonical form.
    private static int ReadRecords(string file, string column, bool parse)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true });
        csv.Read();
        int architecture = Array.FindIndex(csv.Parser.Record!, name => string.Equals(name, column, StringComparison.OrdinalIgnoreCase));
        int rows = 0;
        while (csv.Read())
        {
            string[] record = csv.Parser.Record!;
            if (parse && ArchitectureParser.TryParse(record[architecture], null, out Architecture? parsed, out _))
            {
                _ = parsed!.Canonical;
            }

            rows++;
        }

        return rows;
    }

    private static void ReadBack(string databasePath)
    {
        using BenchmarkReader reader = new BenchmarkStore(databasePath).Read("stages");
        while (reader.Read())
        {
        }
    }

    // The CPU time of all threads of the process, which the import's parsing thread adds to.
    private static double ProcessCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        }

        var time = new long[2];
        if (clock_gettime(ProcessCpuClock, time) != 0)
        {
            throw new InvalidOperationException("clock_gettime failed.");
        }

        return time[0] + time[1] * 1e-9;
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int clock_gettime(int clockId, [System.Runtime.InteropServices.Out] long[] time);

    private readonly record struct Time(double Wall, double ThreadCpu, double ProcessCpu);
}

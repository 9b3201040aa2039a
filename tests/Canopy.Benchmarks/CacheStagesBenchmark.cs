using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Canopy.Architectures;
using Canopy.Storage;
using CsvHelper;
using CsvHelper.Configuration;

namespace Canopy.Benchmarks;

/// <summary>
/// Splits the import time of one CSV file into its stages: reading the records with CsvHelper, then also parsing
/// each architecture, then the whole import into a fresh cache, and reading the rows back. Each figure is the
/// fastest of five interleaved runs after one warm-up round.
/// </summary>
internal sealed class CacheStagesBenchmark : IBenchmark
{
    private const int Runs = 5;

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
                ("readMilliseconds", () => ReadRecords(file, column, parse: false)),
                ("readAndParseMilliseconds", () => ReadRecords(file, column, parse: true)),
                ("importMilliseconds", () => new BenchmarkStore(databasePath).Import(new BenchmarkImportOptions { Path = file, Name = "stages", Replace = true })),
                ("readBackMilliseconds", () => ReadBack(databasePath)),
            };
            var figures = new Dictionary<string, object?>
            {
                ["rows"] = ReadRecords(file, column, parse: false),
                ["cores"] = Environment.ProcessorCount,
            };
            foreach ((string name, double milliseconds) in FastestInterleaved(stages))
            {
                figures[name] = milliseconds;
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

    // Runs the stages in turn, round after round, so that load on the machine affects each alike. The first round
    // only warms up.
    private static IEnumerable<(string Name, double Milliseconds)> FastestInterleaved((string Name, Action Run)[] stages)
    {
        var fastest = new double[stages.Length];
        Array.Fill(fastest, double.MaxValue);
        for (int round = 0; round <= Runs; round++)
        {
            for (int i = 0; i < stages.Length; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                stages[i].Run();
                if (round > 0)
                {
                    fastest[i] = Math.Min(fastest[i], stopwatch.Elapsed.TotalMilliseconds);
                }
            }
        }

        return stages.Select((stage, i) => (stage.Name, fastest[i]));
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
}

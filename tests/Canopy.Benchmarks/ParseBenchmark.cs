using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Canopy.Architectures;

namespace Canopy.Benchmarks;

/// <summary>
/// Times ArchitectureParser.Parse per string, on one thread: NATS-Bench topology cell strings and DARTS genotype
/// strings, each set parsed round-robin after a warm-up, plus the canonical print of the parsed architecture.
/// </summary>
internal sealed class ParseBenchmark : IBenchmark
{
    public string Name => "parse";

    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options)
    {
        int count = options.TryGetValue("count", out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : 200_000;

        // Real encodings, not canonical objects: 1,000 topology cells spread over the space and 1,000 sampled genotypes.
        string[] nats = Enumerable.Range(0, 1000).Select(i => NatsTopologyCell.FromIndex(i * 15).Canonical).ToArray();
        string[] darts = DartsSampler.Samples(20261204).Take(1000).Select(genotype => genotype.Canonical).ToArray();
        string[] compact = darts.Select(ToNasLibCompact).ToArray();

        var figures = new Dictionary<string, object?> { ["count"] = count };
        Measure(figures, "nats", nats, count);
        Measure(figures, "darts", darts, count);
        Measure(figures, "dartsCompact", compact, count);
        return figures;
    }

    private static void Measure(Dictionary<string, object?> figures, string name, string[] inputs, int count)
    {
        // Warm-up, so the JIT and tiered compilation have finished before timing.
        JitWarmUp.Run(() =>
        {
            foreach (string input in inputs)
            {
                _ = ArchitectureParser.Parse(input);
            }
        });

        long checksum = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            checksum += ArchitectureParser.Parse(inputs[i % inputs.Length]).Canonical.Length;
        }

        stopwatch.Stop();
        figures[name + ".nanosecondsPerParse"] = stopwatch.Elapsed.TotalMilliseconds * 1e6 / count;
        figures[name + ".meanLength"] = inputs.Average(input => input.Length);
        figures[name + ".checksum"] = checksum;
    }

    // NASLib's compact form: per cell, eight (input, operation index) pairs in NASLib's operation order.
    private static string ToNasLibCompact(string genotypeText)
    {
        var genotype = DartsGenotype.Parse(genotypeText);
        string Cell(DartsCell cell) => "(" + string.Join(", ", cell.Edges.Select(edge =>
            $"({edge.Input}, {DartsOperationNames.NasLibCompactOrder.ToList().IndexOf(edge.Operation)})")) + ")";
        return "(" + Cell(genotype.Normal) + ", " + Cell(genotype.Reduce) + ")";
    }
}

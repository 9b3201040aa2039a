using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Canopy.Regions;

namespace Canopy.Benchmarks;

/// <summary>Scores random width lists (depth 1 to 100, widths 1 to 4096) with every region mode.</summary>
internal sealed class MlpScoringBenchmark : IBenchmark
{
    public string Name => "mlp-random";

    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options)
    {
        int count = options.TryGetValue("count", out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : 100_000;
        long inputDimension = options.TryGetValue("input-dimension", out text) ? long.Parse(text, CultureInfo.InvariantCulture) : 3072;

        var random = new Random(20261204);
        FullyConnectedNetwork[] networks = Enumerable.Range(0, count)
            .Select(_ => FullyConnectedNetwork.Create(inputDimension, Enumerable.Range(0, random.Next(1, 101)).Select(_ => (long)random.Next(1, 4097)).ToArray()))
            .ToArray();

        var figures = new Dictionary<string, object?>
        {
            ["count"] = count,
            ["inputDimension"] = inputDimension,
            ["cores"] = Environment.ProcessorCount,
        };

        foreach (RegionMode mode in Enum.GetValues<RegionMode>())
        {
            var scores = new double[count];
            var stopwatch = Stopwatch.StartNew();
            Parallel.For(0, count, i => scores[i] = RegionBounds.Compute(networks[i], mode).Log10);
            stopwatch.Stop();

            figures[mode + ".seconds"] = stopwatch.Elapsed.TotalSeconds;
            figures[mode + ".microsecondsPerNetwork"] = stopwatch.Elapsed.TotalMilliseconds * 1000 / count;
            figures[mode + ".allFinite"] = scores.All(double.IsFinite);
            figures[mode + ".maxScore"] = scores.Max();
        }

        return figures;
    }
}

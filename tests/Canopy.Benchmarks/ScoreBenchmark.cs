using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Canopy.Architectures;
using Canopy.Scoring;

namespace Canopy.Benchmarks;

/// <summary>
/// Compares, on one thread, the CPU time to score an architecture with the CPU time to parse its string: NATS-Bench
/// topology cells and DARTS genotypes. Parsing and scoring alternate in rounds, so both see the same machine load,
/// and the medians over rounds are reported.
/// </summary>
internal sealed class ScoreBenchmark : IBenchmark
{
    public string Name => "score-vs-parse";

    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options)
    {
        int rounds = options.TryGetValue("rounds", out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : 15;

        string[] nats = ArchitectureSource.Enumerate(SearchSpace.NatsTopology).Select(cell => cell.Canonical).ToArray();
        string[] darts = DartsSampler.Samples(20261204).Take(2000).Select(genotype => genotype.Canonical).ToArray();

        var figures = new Dictionary<string, object?> { ["rounds"] = rounds };
        Measure(figures, "nats", nats, rounds);
        Measure(figures, "darts", darts, rounds);
        return figures;
    }

    private static void Measure(Dictionary<string, object?> figures, string name, string[] texts, int rounds)
    {
        Architecture[] parsed = texts.Select(text => ArchitectureParser.Parse(text)).ToArray();
        var options = new ScoringOptions();

        // Warm-up: JIT, tiered compilation, and the NATS memo that every later score of a cell reads.
        figures[name + ".warmUpRounds"] = JitWarmUp.Run(() =>
        {
            ParseAll(texts);
            CountAll(parsed, options);
            ScoreAll(parsed, options);
        });

        var parseTimes = new List<double>();
        var countTimes = new List<double>();
        var scoreTimes = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            parseTimes.Add(ParseAll(texts) * 1e6 / texts.Length);
            countTimes.Add(CountAll(parsed, options) * 1e6 / texts.Length);
            scoreTimes.Add(ScoreAll(parsed, options) * 1e6 / texts.Length);
        }

        double parse = Median(parseTimes);
        double count = Median(countTimes);
        figures[name + ".count"] = texts.Length;
        figures[name + ".nanosecondsPerParse"] = parse;
        figures[name + ".nanosecondsPerCount"] = count;
        figures[name + ".nanosecondsPerScore"] = Median(scoreTimes);
        figures[name + ".countOverParse"] = count / parse;
    }

    // Both return milliseconds of thread CPU time.
    private static double ParseAll(string[] texts)
    {
        double start = ThreadClock.Seconds();
        foreach (string text in texts)
        {
            _ = ArchitectureParser.Parse(text);
        }

        return (ThreadClock.Seconds() - start) * 1000;
    }

    // The region count alone: TropicalScore without the parameter and FLOP counts.
    private static double CountAll(Architecture[] architectures, ScoringOptions options)
    {
        double start = ThreadClock.Seconds();
        foreach (Architecture architecture in architectures)
        {
            _ = TropicalScorer.Count(architecture, options);
        }

        return (ThreadClock.Seconds() - start) * 1000;
    }

    private static double ScoreAll(Architecture[] architectures, ScoringOptions options)
    {
        double start = ThreadClock.Seconds();
        foreach (Architecture architecture in architectures)
        {
            _ = TropicalScorer.Score(architecture, options);
        }

        return (ThreadClock.Seconds() - start) * 1000;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Canopy.Statistics;
using CsvHelper;
using Xunit;
using Xunit.Abstractions;

namespace Canopy.Tests.Statistics;

/// <summary>
/// Checks the coefficients on NAS-Bench-Suite-Zero's 13 zero-cost proxies for the 9,445 reachable NAS-Bench-201
/// cells, against the O(n²) definitions and against reference Spearman values.
/// </summary>
public class ZeroCostProxyDataTests(ITestOutputHelper output)
{
    private const string Folder = "nb201-zero-cost-proxies";
    private const double Sentinel = -1e8;

    private static readonly string[] Proxies =
    {
        "epe_nas", "fisher", "flops", "grad_norm", "grasp", "jacov", "l2_norm", "nwot", "params", "plain", "snip", "synflow", "zen",
    };

    // Reference Spearman ρ against CIFAR-10 validation accuracy, printed to three decimals with trailing zeros
    // dropped. They were computed on the raw columns, with the −1e8 sentinels ranked as scores.
    private static readonly (string Proxy, double Rho)[] PublishedCifar10 =
    {
        ("jacov", 0.818), ("nwot", 0.792), ("epe_nas", 0.787), ("params", 0.747), ("synflow", 0.732), ("l2_norm", 0.72),
        ("flops", 0.714), ("snip", 0.552), ("grad_norm", 0.55), ("fisher", 0.501), ("grasp", 0.491), ("zen", 0.101),
        ("plain", -0.367),
    };

    [BenchmarkDataTheory(Folder)]
    [InlineData("nb201_zc13_cifar10_reachable9445.csv")]
    [InlineData("nb201_zc13_ImageNet16-120_reachable9445.csv")]
    public void CoefficientsMatchPairwiseDefinitions(string file)
    {
        Dictionary<string, double[]> columns = ReadColumns(file);

        var failures = new List<string>();
        Parallel.ForEach(Proxies, proxy =>
        {
            (double[] x, double[] y) = UsablePairs(columns[proxy], columns["val_acc"]);
            double naiveRho = Reference.NaiveSpearman(x, y);
            double naiveTau = Reference.NaiveKendallTauB(x, y);
            double rho = RankCorrelation.Spearman(x, y);
            double tau = RankCorrelation.KendallTauB(x, y);

            lock (failures)
            {
                output.WriteLine($"{file} {proxy}: n = {x.Length}, ρ = {rho:F6}, τ-b = {tau:F6}");
                if (Math.Abs(rho - naiveRho) > 1e-9 || Math.Abs(tau - naiveTau) > 1e-9)
                {
                    failures.Add($"{proxy}: ρ {rho} vs {naiveRho}, τ-b {tau} vs {naiveTau}");
                }
            }
        });

        Assert.Empty(failures);
    }

    [BenchmarkDataTheory(Folder)]
    [InlineData(true)]
    [InlineData(false)]
    public void SpearmanRoundsToReference(bool keepSentinel)
    {
        Dictionary<string, double[]> columns = ReadColumns("nb201_zc13_cifar10_reachable9445.csv");

        // With the −1e8 of each failed computation ranked as the lowest score, all 13 agree with the reference.
        // Leaving the one failed zen cell out gives ρ = 0.10028, which prints as 0.100, not 0.101; the other 12
        // proxies round to the reference value either way.
        foreach ((string proxy, double published) in PublishedCifar10)
        {
            (double[] x, double[] y) = keepSentinel
                ? (columns[proxy], columns["val_acc"])
                : UsablePairs(columns[proxy], columns["val_acc"]);
            double rho = RankCorrelation.Spearman(x, y);
            double expected = !keepSentinel && proxy == "zen" ? 0.100 : published;

            output.WriteLine($"{proxy}: ρ = {rho:F6} with the sentinel {(keepSentinel ? "kept" : "left out")}, reference {published}");
            Assert.True(
                Math.Round(rho, 3, MidpointRounding.AwayFromZero) == expected,
                $"{proxy}: ρ = {rho:F6} does not round to {expected}.");
        }
    }

    [BenchmarkDataFact(Folder)]
    public void SentinelsAreTheDocumentedOnes()
    {
        Dictionary<string, double[]> columns = ReadColumns("nb201_zc13_cifar10_reachable9445.csv");

        // One failed computation each in epe_nas, jacov, nwot and zen, none elsewhere.
        var expected = new[] { "epe_nas", "jacov", "nwot", "zen" };
        foreach (string proxy in Proxies)
        {
            Assert.Equal(expected.Contains(proxy) ? 1 : 0, columns[proxy].Count(value => value == Sentinel));
        }

        Assert.Equal(9445, columns["val_acc"].Length);
    }

    private static (double[] X, double[] Y) UsablePairs(double[] proxy, double[] target)
    {
        int[] usable = Enumerable.Range(0, proxy.Length).Where(i => proxy[i] != Sentinel && target[i] != Sentinel).ToArray();
        return (usable.Select(i => proxy[i]).ToArray(), usable.Select(i => target[i]).ToArray());
    }

    private static Dictionary<string, double[]> ReadColumns(string file)
    {
        string folder = TestData.Find(Folder)!;

        using var reader = new StreamReader(Path.Combine(folder, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();

        string[] names = Proxies.Append("val_acc").ToArray();
        Dictionary<string, List<double>> values = names.ToDictionary(name => name, _ => new List<double>());
        while (csv.Read())
        {
            foreach (string name in names)
            {
                values[name].Add(double.Parse(csv.GetField(name)!, CultureInfo.InvariantCulture));
            }
        }

        return values.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }
}

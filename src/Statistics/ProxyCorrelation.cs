using System;

namespace Canopy.Statistics;

/// <summary>How well one proxy ranks records by a target: rank and linear correlations and the top-p% overlap.</summary>
public sealed record ProxyCorrelation
{
    /// <summary>The fewest pairs for which the coefficients are reported; two pairs always give ±1.</summary>
    public const int MinimumPairs = 3;

    /// <summary>The name of the proxy property.</summary>
    public required string Proxy { get; init; }

    /// <summary>The name of the target property, such as a validation accuracy.</summary>
    public required string Target { get; init; }

    /// <summary>The number of records in which both values were usable.</summary>
    public required int Count { get; init; }

    /// <summary>The number of records left out because the proxy or the target value was unusable.</summary>
    public long LeftOut { get; init; }

    /// <summary>Spearman's ρ with average ranks for ties.</summary>
    public required double Spearman { get; init; }

    /// <summary>Kendall's τ-b.</summary>
    public required double Kendall { get; init; }

    /// <summary>Pearson's r of the raw values.</summary>
    public required double Pearson { get; init; }

    /// <summary>The share of the top <see cref="TopPercent"/>% by proxy that is also in the top by target, in [0, 1].</summary>
    public required double TopOverlap { get; init; }

    /// <summary>The percentage p that defines the top set of <see cref="TopOverlap"/>.</summary>
    public required double TopPercent { get; init; }

    /// <summary>The lower end of the bootstrap interval for ρ; null without a bootstrap.</summary>
    public double? SpearmanLower { get; init; }

    /// <summary>The upper end of the bootstrap interval for ρ; null without a bootstrap.</summary>
    public double? SpearmanUpper { get; init; }

    /// <summary>The confidence level of the interval, for example 0.95; null without a bootstrap.</summary>
    public double? ConfidenceLevel { get; init; }

    /// <summary>The number of bootstrap resamples drawn, which with <see cref="Seed"/> reproduces the interval; null
    /// without a bootstrap.</summary>
    public int? Resamples { get; init; }

    /// <summary>The number of resamples with a defined ρ, on which the interval rests. The others drew a constant
    /// sample. Null without a bootstrap.</summary>
    public int? DefinedResamples { get; init; }

    /// <summary>The seed that reproduces the interval; null without a bootstrap.</summary>
    public ulong? Seed { get; init; }

    /// <summary>
    /// Returns a copy that carries a bootstrap interval for ρ and the seed that reproduces it. When no resample had a
    /// defined ρ, the copy has no ends but still records the level, the resamples and the seed.
    /// </summary>
    public ProxyCorrelation WithInterval(ConfidenceInterval interval, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(interval);
        bool defined = interval.DefinedResamples > 0;
        return this with
        {
            SpearmanLower = defined ? interval.Lower : null,
            SpearmanUpper = defined ? interval.Upper : null,
            ConfidenceLevel = interval.Level,
            Resamples = interval.Resamples,
            DefinedResamples = interval.DefinedResamples,
            Seed = seed,
        };
    }

    /// <summary>
    /// Measures ρ, τ-b, r and the top overlap of usable pairs. The caller checks first that there are at least
    /// <see cref="MinimumPairs"/> pairs and that neither sample is constant, so that every figure is defined.
    /// </summary>
    /// <exception cref="ArgumentException">The samples differ in length, are too short, contain NaN, or one is constant.</exception>
    public static ProxyCorrelation Measure(string proxy, string target, double[] proxyValues, double[] targetValues, double topPercent)
    {
        Samples.RequirePaired(proxyValues, targetValues);
        if (proxyValues.Length < MinimumPairs)
        {
            throw new ArgumentException($"A correlation needs at least {MinimumPairs} pairs, but '{proxy}' has {proxyValues.Length}.", nameof(proxyValues));
        }

        if (!Samples.AllFinite(proxyValues) || !Samples.AllFinite(targetValues) || Samples.IsConstant(proxyValues) || Samples.IsConstant(targetValues))
        {
            throw new ArgumentException($"The values of '{proxy}' and '{target}' must be finite and not constant.", nameof(proxyValues));
        }

        return new ProxyCorrelation
        {
            Proxy = proxy,
            Target = target,
            Count = proxyValues.Length,
            Spearman = RankCorrelation.Spearman(proxyValues, targetValues),
            Kendall = RankCorrelation.KendallTauB(proxyValues, targetValues),
            Pearson = RankCorrelation.Pearson(proxyValues, targetValues),
            TopOverlap = Statistics.TopOverlap.Share(proxyValues, targetValues, topPercent),
            TopPercent = topPercent,
        };
    }
}

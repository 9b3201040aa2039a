namespace Canopy.Statistics;

/// <summary>A bootstrap confidence interval for a statistic.</summary>
/// <param name="Lower">The lower end; NaN when no resample gave a defined statistic.</param>
/// <param name="Upper">The upper end; NaN when no resample gave a defined statistic.</param>
/// <param name="Level">The confidence level, for example 0.95.</param>
/// <param name="Resamples">The number of bootstrap resamples drawn.</param>
/// <param name="DefinedResamples">
/// The resamples whose statistic was defined; the others drew a constant sample (for example one record n times)
/// and are left out of the percentiles.
/// </param>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level, int Resamples, int DefinedResamples);

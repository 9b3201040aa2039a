using System.Numerics;

namespace Canopy.Regions;

/// <summary>
/// A number of linear regions: its base-10 logarithm (always finite), the exact integer when it has at most
/// <see cref="RegionBounds.ExactDigitLimit"/> digits, and the formula that produced it.
/// </summary>
/// <param name="Log10">The base-10 logarithm of the count; 0 for a single region.</param>
/// <param name="Value">The count as an integer, or null when it is too large to be worth printing.</param>
/// <param name="Formula">The bound or exact result used, for example "Zaslavsky (exact)".</param>
/// <param name="IsExactMaximum">True when the count is the proven maximum rather than a bound.</param>
public sealed record RegionCount(double Log10, BigInteger? Value, string Formula, bool IsExactMaximum);

using System;

namespace Canopy.Numerics;

/// <summary>
/// Region counts of maxout units, as used for max pooling: a window of K values under max is a rank-K maxout
/// unit, whose Newton polytope is a simplex with K vertices.
/// </summary>
internal static class MaxoutCount
{
    /// <summary>
    /// Returns the upper bound of Serra, Tjandraatmadja and Ramalingam (2018, Theorem 8) for one layer of
    /// <paramref name="units"/> rank-<paramref name="rank"/> maxout units in dimension <paramref name="dimension"/>:
    /// Σ_{j ≤ d} C(K(K−1)/2 · n, j), because each unit is cut by the K(K−1)/2 hyperplanes where two of its
    /// affine pieces tie.
    /// </summary>
    public static ExtendedFloat LayerUpperBound(long units, long rank, long dimension)
    {
        if (units < 0 || rank < 1 || dimension < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), "Units and dimension must not be negative, and the rank must be at least 1.");
        }

        long pairs = checked(rank * (rank - 1) / 2 * units);
        return Zaslavsky.Count(pairs, dimension);
    }
}

using System;

namespace Canopy.Numerics;

/// <summary>
/// The binomial coefficients C(n, 0..k) and their prefix sums Σ_{j ≤ i} C(n, j), built incrementally from
/// C(n, j+1) = C(n, j)·(n − j)/(j + 1), which stays exact for integers because the division is exact.
/// </summary>
internal sealed class BinomialRow<T, TArithmetic>
    where TArithmetic : ICountArithmetic<T>
{
    private T[] _coefficients;
    private T[] _prefixSums;

    public BinomialRow(long n, long limit)
    {
        N = n;
        _coefficients = Array.Empty<T>();
        _prefixSums = Array.Empty<T>();
        EnsureLimit(limit);
    }

    public long N { get; }

    /// <summary>The largest j covered; never more than n.</summary>
    public long Limit => _coefficients.Length - 1;

    /// <summary>Extends the row so that it covers j ≤ min(limit, n).</summary>
    public void EnsureLimit(long limit)
    {
        long target = Math.Min(limit, N);
        if (target <= Limit)
        {
            return;
        }

        int start = _coefficients.Length;
        Array.Resize(ref _coefficients, checked((int)target + 1));
        Array.Resize(ref _prefixSums, checked((int)target + 1));
        for (int j = start; j <= target; j++)
        {
            _coefficients[j] = j == 0 ? TArithmetic.One : TArithmetic.MultiplyRatio(_coefficients[j - 1], N - j + 1, j);
            _prefixSums[j] = j == 0 ? _coefficients[0] : TArithmetic.Add(_prefixSums[j - 1], _coefficients[j]);
        }
    }

    /// <summary>Returns C(n, j); zero when j &gt; n.</summary>
    public T Coefficient(long j) => j > N ? TArithmetic.Zero : _coefficients[j];

    /// <summary>Returns Σ_{i ≤ j} C(n, i), which is 2^n once j ≥ n.</summary>
    public T PrefixSum(long j)
    {
        if (j < 0)
        {
            return TArithmetic.Zero;
        }

        return j >= N ? TArithmetic.PowerOfTwo(N) : _prefixSums[j];
    }
}

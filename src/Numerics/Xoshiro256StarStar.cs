using System;
using System.Numerics;

namespace Canopy.Numerics;

/// <summary>
/// The xoshiro256** generator of Blackman and Vigna ("Scrambled linear pseudorandom number generators", ACM
/// TOMS 47(4), 2021; reference code at https://prng.di.unimi.it/xoshiro256starstar.c), seeded through SplitMix64 as its authors
/// recommend. It is written out here so that a seed gives the same numbers on every .NET version, which
/// System.Random does not promise.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator whose state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>Creates a generator with the given state words, which must not all be zero.</summary>
    internal Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>
    /// Creates the generator for one numbered stream of a seed, so that parallel work items draw the same numbers
    /// whichever thread runs them. The stream number passes through the SplitMix64 finaliser, a bijection, so
    /// distinct streams start from distinct states.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream) =>
        new(seed ^ Finalize(stream + GoldenGamma));

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong shifted = _s1 << 17;

        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= shifted;
        _s3 = BitOperations.RotateLeft(_s3, 45);

        return result;
    }

    /// <summary>
    /// Returns a uniform integer in [0, <paramref name="bound"/>) without modulo bias, by Lemire's multiply-and-reject
    /// method ("Fast random integer generation in an interval", arXiv:1805.10941, 2018).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public int NextInt32(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);

        ulong range = (ulong)bound;
        ulong product = Math.BigMul(NextUInt64(), range, out ulong low);
        if (low < range)
        {
            // Reject the few low words that would make some results one draw more likely than others.
            ulong threshold = (0 - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)product;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += GoldenGamma;
        return Finalize(state);
    }

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}

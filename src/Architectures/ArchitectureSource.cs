using Canopy.Numerics;
using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Architectures;

/// <summary>
/// Streams the architectures of a search space: every architecture of the two finite NATS-Bench spaces, in order
/// or shuffled by a seed, and reproducible random samples of the DARTS and MLP spaces.
/// </summary>
public static class ArchitectureSource
{
    /// <summary>The number of samples drawn from a sampled space when no count is given.</summary>
    public const int DefaultSampleCount = 100;

    /// <summary>Returns the number of architectures in a finite space, or null for the sampled spaces (DARTS, MLP).</summary>
    public static int? Size(SearchSpace space) => space switch
    {
        SearchSpace.NatsTopology => NatsTopologyCell.CellCount,
        SearchSpace.NatsSize => NatsSizeArchitecture.ArchitectureCount,
        _ => null,
    };

    /// <summary>
    /// Streams every architecture of a NATS-Bench space: topology cells in Canopy's base-5 order
    /// (<see cref="NatsTopologyCell.Index"/>), size architectures in NATS-Bench index order.
    /// </summary>
    /// <exception cref="ArgumentException">The space is not finite.</exception>
    public static IEnumerable<Architecture> Enumerate(SearchSpace space) => space switch
    {
        SearchSpace.NatsTopology => NatsTopologyCell.EnumerateAll(),
        SearchSpace.NatsSize => NatsSizeArchitecture.EnumerateAll(),
        _ => throw new ArgumentException($"The {space} space has no end to enumerate; sample it instead.", nameof(space)),
    };

    /// <summary>
    /// Streams every architecture of a NATS-Bench space once, in a random order fixed by <paramref name="seed"/>
    /// (a Fisher–Yates shuffle driven by xoshiro256**).
    /// </summary>
    /// <exception cref="ArgumentException">The space is not finite.</exception>
    public static IEnumerable<Architecture> Shuffle(SearchSpace space, ulong seed)
    {
        int size = Size(space) ?? throw new ArgumentException($"The {space} space is not finite, so it cannot be shuffled; sample it instead.", nameof(space));
        int[] order = Enumerable.Range(0, size).ToArray();

        var random = new Xoshiro256StarStar(seed);
        for (int i = size - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order.Select(index => space == SearchSpace.NatsTopology
            ? (Architecture)NatsTopologyCell.FromIndex(index)
            : NatsSizeArchitecture.FromIndex(index));
    }

    /// <summary>
    /// Streams samples 0, 1, 2, ... of <paramref name="seed"/> from a sampled space without end: uniform DARTS
    /// genotypes (<see cref="DartsSampler"/>) or MLPs (<paramref name="mlpSampler"/>, by default depth 1 to 10 and
    /// widths 16 to 1024 over 3072 inputs).
    /// </summary>
    /// <exception cref="ArgumentException">The space is a finite NATS-Bench space.</exception>
    public static IEnumerable<Architecture> Sample(SearchSpace space, ulong seed, MlpSampler? mlpSampler = null) => space switch
    {
        SearchSpace.Darts => DartsSampler.Samples(seed),
        SearchSpace.Mlp => (mlpSampler ?? new MlpSampler()).Samples(seed),
        _ => throw new ArgumentException($"The {space} space is finite; enumerate or shuffle it instead.", nameof(space)),
    };
}

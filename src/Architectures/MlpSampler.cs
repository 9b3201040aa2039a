using Canopy.Numerics;
using System;
using System.Collections.Generic;
using Canopy.Regions;

namespace Canopy.Architectures;

/// <summary>
/// Draws fully connected networks with a fixed input dimension: the depth uniformly from
/// [<see cref="MinDepth"/>, <see cref="MaxDepth"/>], then each hidden width uniformly from
/// [<see cref="MinWidth"/>, <see cref="MaxWidth"/>]. The defaults are 3072 inputs (a 32×32 RGB image), depth 1 to 10
/// and widths 16 to 1024.
/// </summary>
/// <remarks>
/// Sample i of a seed comes from its own xoshiro256** stream, so it is the same on every machine and .NET version,
/// whatever count is requested.
/// </remarks>
public sealed class MlpSampler
{
    /// <summary>Creates a sampler after checking that every range is non-empty and within the network limits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range or a minimum exceeds its maximum.</exception>
    public MlpSampler(long inputDimension = 3072, int minDepth = 1, int maxDepth = 10, int minWidth = 16, int maxWidth = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputDimension, FullyConnectedNetwork.MaxSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, minDepth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDepth, 100_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(minWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, minWidth);
        ArgumentOutOfRangeException.ThrowIfEqual(maxWidth, int.MaxValue);

        InputDimension = inputDimension;
        MinDepth = minDepth;
        MaxDepth = maxDepth;
        MinWidth = minWidth;
        MaxWidth = maxWidth;
    }

    public long InputDimension { get; }

    /// <summary>The smallest number of hidden layers drawn.</summary>
    public int MinDepth { get; }

    /// <summary>The largest number of hidden layers drawn.</summary>
    public int MaxDepth { get; }

    /// <summary>The smallest hidden width drawn.</summary>
    public int MinWidth { get; }

    /// <summary>The largest hidden width drawn.</summary>
    public int MaxWidth { get; }

    /// <summary>Returns sample <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public MlpArchitecture Sample(ulong seed, ulong index)
    {
        Xoshiro256StarStar random = Xoshiro256StarStar.ForStream(seed, index);
        int depth = MinDepth + random.NextInt32(MaxDepth - MinDepth + 1);

        var widths = new long[depth];
        for (int layer = 0; layer < depth; layer++)
        {
            widths[layer] = MinWidth + random.NextInt32(MaxWidth - MinWidth + 1);
        }

        return MlpArchitecture.Create(InputDimension, widths);
    }

    /// <summary>Streams samples 0, 1, 2, ... of <paramref name="seed"/> without end.</summary>
    public IEnumerable<MlpArchitecture> Samples(ulong seed)
    {
        for (ulong index = 0; ; index++)
        {
            yield return Sample(seed, index);
        }
    }
}

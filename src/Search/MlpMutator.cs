using Canopy.Numerics;
using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// Mutates an MLP within the depth and width ranges of an <see cref="MlpSampler"/>: one hidden width changes, or
/// (each with probability 1/2 when both are possible) the depth changes by one layer. A new layer is inserted at a
/// uniform position with a uniform width; a removed layer is chosen uniformly.
/// </summary>
internal static class MlpMutator
{
    public static MlpArchitecture Mutate(MlpArchitecture mlp, Xoshiro256StarStar random, MlpSampler bounds)
    {
        List<long> widths = mlp.Widths.ToList();
        bool canChangeWidth = bounds.MaxWidth > bounds.MinWidth;
        bool canAdd = widths.Count < bounds.MaxDepth;
        bool canRemove = widths.Count > bounds.MinDepth;
        if (!canChangeWidth && !canAdd && !canRemove)
        {
            throw new ArgumentException(
                $"{mlp.Canonical} has no neighbour: the depth range {bounds.MinDepth} to {bounds.MaxDepth} and the width range {bounds.MinWidth} to {bounds.MaxWidth} allow no other network around it.",
                nameof(mlp));
        }

        bool changeDepth = canChangeWidth && (canAdd || canRemove) ? random.NextInt32(2) == 1 : !canChangeWidth;
        if (!changeDepth)
        {
            ChangeWidth(widths, random, bounds);
        }
        else if (canAdd && (!canRemove || random.NextInt32(2) == 0))
        {
            widths.Insert(random.NextInt32(widths.Count + 1), RandomWidth(random, bounds));
        }
        else
        {
            widths.RemoveAt(random.NextInt32(widths.Count));
        }

        return MlpArchitecture.Create(mlp.InputDimension, widths);
    }

    // A width inside the range moves to one of the others; a width outside it (from a wider parent) to any in it.
    private static void ChangeWidth(List<long> widths, Xoshiro256StarStar random, MlpSampler bounds)
    {
        int layer = random.NextInt32(widths.Count);
        long current = widths[layer];
        int rangeSize = bounds.MaxWidth - bounds.MinWidth + 1;

        widths[layer] = current >= bounds.MinWidth && current <= bounds.MaxWidth
            ? bounds.MinWidth + ArchitectureMutator.OtherThan(random, rangeSize, (int)(current - bounds.MinWidth))
            : RandomWidth(random, bounds);
    }

    private static long RandomWidth(Xoshiro256StarStar random, MlpSampler bounds) =>
        bounds.MinWidth + random.NextInt32(bounds.MaxWidth - bounds.MinWidth + 1);
}

using Canopy.Numerics;
using System.Collections.Generic;

namespace Canopy.Architectures;

/// <summary>
/// Draws DARTS genotypes uniformly, as NAS-Bench-301 samples its configuration space. In each cell, every
/// intermediate node k picks two distinct inputs uniformly among the k(k − 1)/2 pairs of nodes 0 to k − 1. Each of
/// its two edges then picks an operation uniformly among the seven that are not none.
/// </summary>
/// <remarks>
/// Sample i of a seed comes from its own xoshiro256** stream (<see cref="Xoshiro256StarStar.ForStream"/>), so it is
/// the same on every machine and .NET version, whatever count is requested. Per node the generator draws the two
/// inputs, then the operation of the lower input's edge, then the other; the normal cell is drawn before the
/// reduction cell. Pairs are written in ascending input order.
/// </remarks>
public static class DartsSampler
{
    /// <summary>Returns sample <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public static DartsGenotype Sample(ulong seed, ulong index)
    {
        Xoshiro256StarStar random = Xoshiro256StarStar.ForStream(seed, index);
        DartsCell normal = SampleCell(random);
        DartsCell reduce = SampleCell(random);
        return DartsGenotype.FromValidated(normal, reduce, widths: null);
    }

    /// <summary>Streams samples 0, 1, 2, ... of <paramref name="seed"/> without end.</summary>
    public static IEnumerable<DartsGenotype> Samples(ulong seed)
    {
        for (ulong index = 0; ; index++)
        {
            yield return Sample(seed, index);
        }
    }

    private static DartsCell SampleCell(Xoshiro256StarStar random)
    {
        var pairs = new List<(DartsOperation Operation, int Input)>(DartsCell.GenotypeEdgeCount);
        for (int node = 2; node < 2 + DartsCell.IntermediateNodeCount; node++)
        {
            // An ordered pair of distinct inputs, sorted, is uniform over the unordered pairs.
            int first = random.NextInt32(node);
            int second = random.NextInt32(node - 1);
            if (second >= first)
            {
                second++;
            }

            int low = first < second ? first : second;
            int high = first < second ? second : first;
            pairs.Add((RandomOperation(random), low));
            pairs.Add((RandomOperation(random), high));
        }

        return DartsCell.CreateGenotypeCell(pairs, new[] { 2, 3, 4, 5 });
    }

    // Operations 1 to 7 of DartsOperation, every one but none.
    private static DartsOperation RandomOperation(Xoshiro256StarStar random) => (DartsOperation)(1 + random.NextInt32(7));
}

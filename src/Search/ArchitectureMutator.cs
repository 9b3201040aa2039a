using Canopy.Numerics;
using System;
using System.Linq;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// Makes a child that differs from its parent by one change, which is a valid architecture of the parent's space.
/// The change is one edge operation of a NATS-Bench topology cell, one width of a NATS-Bench size architecture,
/// one operation or one input of a DARTS cell, or one width or the depth of an MLP.
/// </summary>
internal static class ArchitectureMutator
{
    /// <summary>Returns a mutated copy of <paramref name="parent"/>, drawing every choice from <paramref name="random"/>.</summary>
    /// <param name="parent">The architecture to mutate.</param>
    /// <param name="random">The generator of the run, so that a seed fixes every child.</param>
    /// <param name="mlpBounds">The depth and width ranges an MLP child must stay in; by default <see cref="MlpSampler"/>'s.</param>
    /// <exception cref="ArgumentException">The parent has no neighbour to mutate into: a DARTS cell that lists all
    /// candidate edges, or an MLP whose ranges allow only one depth and one width.</exception>
    public static Architecture Mutate(Architecture parent, Xoshiro256StarStar random, MlpSampler? mlpBounds = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(random);

        return parent switch
        {
            NatsTopologyCell cell => MutateCell(cell, random),
            NatsSizeArchitecture size => MutateSize(size, random),
            DartsGenotype genotype => DartsMutator.Mutate(genotype, random),
            MlpArchitecture mlp => MlpMutator.Mutate(mlp, random, mlpBounds ?? new MlpSampler(mlp.InputDimension)),
            _ => throw new ArgumentException($"No mutation is defined for architectures of type {parent.GetType().Name}.", nameof(parent)),
        };
    }

    /// <summary>Returns a uniform integer in [0, <paramref name="count"/>) other than <paramref name="excluded"/>, which must lie in that range.</summary>
    internal static int OtherThan(Xoshiro256StarStar random, int count, int excluded)
    {
        int drawn = random.NextInt32(count - 1);
        return drawn >= excluded ? drawn + 1 : drawn;
    }

    // One of the six edges gets one of the four other operations; none is one of them, as in the benchmark.
    private static NatsTopologyCell MutateCell(NatsTopologyCell cell, Xoshiro256StarStar random)
    {
        NatsOperation[] operations = cell.Operations.ToArray();
        int mutated = random.NextInt32(NatsTopologyCell.EdgeCount);
        int operationCount = Enum.GetValues<NatsOperation>().Length;
        operations[mutated] = (NatsOperation)OtherThan(random, operationCount, (int)operations[mutated]);
        return NatsTopologyCell.Create(operations);
    }

    // One of the five layers gets one of the seven other candidate widths.
    private static NatsSizeArchitecture MutateSize(NatsSizeArchitecture size, Xoshiro256StarStar random)
    {
        int[] widths = size.Widths.ToArray();
        int mutated = random.NextInt32(widths.Length);
        int current = NatsSizeArchitecture.Candidates.ToList().IndexOf(widths[mutated]);
        widths[mutated] = NatsSizeArchitecture.Candidates[OtherThan(random, NatsSizeArchitecture.Candidates.Count, current)];
        return NatsSizeArchitecture.Create(widths);
    }
}

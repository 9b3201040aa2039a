using Canopy.Numerics;
using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// Mutates a DARTS genotype: the normal or the reduction cell (each with probability 1/2), then one operation or
/// one input (each with probability 1/2). The genotype stays valid: every intermediate node keeps two distinct
/// inputs from earlier nodes, and no edge gets the none operation.
/// </summary>
internal static class DartsMutator
{
    // Node 2 takes inputs from nodes 0 and 1 only, so an input change applies to the six edges into nodes 3 to 5.
    private const int FirstMovableEdge = 2;

    public static DartsGenotype Mutate(DartsGenotype genotype, Xoshiro256StarStar random)
    {
        bool reduce = random.NextInt32(2) == 1;
        DartsCell cell = reduce ? genotype.Reduce : genotype.Normal;
        if (cell.ListsCandidateEdges)
        {
            throw new ArgumentException($"The {(reduce ? "reduction" : "normal")} cell lists all {DartsCell.CandidateEdgeCount} candidate edges; mutation needs a genotype cell with two inputs per node.", nameof(genotype));
        }

        List<(DartsOperation Operation, int Input)> pairs = cell.Edges.Select(edge => (edge.Operation, edge.Input)).ToList();
        if (random.NextInt32(2) == 1)
        {
            ChangeInput(pairs, random);
        }
        else
        {
            ChangeOperation(pairs, random);
        }

        // FromPairs puts each node's two edges back in input order.
        DartsCell mutated = DartsCell.FromPairs(pairs, cell.Concat);
        return reduce
            ? DartsGenotype.Create(genotype.Normal, mutated, genotype.Widths)
            : DartsGenotype.Create(mutated, genotype.Reduce, genotype.Widths);
    }

    // One of the eight edges gets one of the six other operations that are not none.
    private static void ChangeOperation(List<(DartsOperation Operation, int Input)> pairs, Xoshiro256StarStar random)
    {
        int edge = random.NextInt32(DartsCell.GenotypeEdgeCount);
        (DartsOperation operation, int input) = pairs[edge];

        // Operations 1 to 7 are every one but none; a parent edge with none may take any of the seven.
        int replacement = operation == DartsOperation.None
            ? 1 + random.NextInt32(7)
            : 1 + ArchitectureMutator.OtherThan(random, 7, (int)operation - 1);
        pairs[edge] = ((DartsOperation)replacement, input);
    }

    // One edge into node k (3 to 5) moves to an input among nodes 0 to k - 1 that feeds neither of the node's edges.
    private static void ChangeInput(List<(DartsOperation Operation, int Input)> pairs, Xoshiro256StarStar random)
    {
        int edge = FirstMovableEdge + random.NextInt32(DartsCell.GenotypeEdgeCount - FirstMovableEdge);
        int node = 2 + edge / 2;
        int current = pairs[edge].Input;
        int sibling = pairs[edge ^ 1].Input;

        var free = new List<int>(node);
        for (int input = 0; input < node; input++)
        {
            if (input != current && input != sibling)
            {
                free.Add(input);
            }
        }

        pairs[edge] = (pairs[edge].Operation, free[random.NextInt32(free.Count)]);
    }
}

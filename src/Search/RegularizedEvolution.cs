using Canopy.Numerics;
using System;
using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Search;

/// <summary>
/// Regularized (aging) evolution, Algorithm 1 of Real, Aggarwal, Huang and Le, "Regularized Evolution for Image
/// Classifier Architecture Search" (AAAI 2019), with the trained accuracy replaced by the search objective.
/// </summary>
/// <remarks>
/// The population starts with random architectures, the first accepted ones of the run's candidate stream. Each
/// cycle then draws S members with replacement, mutates the fittest of them once, and appends the child, which
/// pushes out the oldest member. A child over a limit is evaluated and counted but does not join, so the
/// population keeps its size.
/// </remarks>
internal static class RegularizedEvolution
{
    public static void Run(SearchRun run, IEnumerator<Architecture> randomArchitectures, Xoshiro256StarStar random)
    {
        SearchOptions options = run.Options;

        // A population larger than the budget never fills, so its capacity need not exceed the budget.
        var population = new AgingPopulation(Math.Min(options.PopulationSize, options.Budget));
        while (!population.IsFull && run.HasBudget && randomArchitectures.MoveNext())
        {
            Evaluation member = run.Evaluate(randomArchitectures.Current);
            if (member.Accepted)
            {
                population.Add(member);
            }
        }

        // The population is empty here only when the budget is spent or a finite space ran out of candidates.
        while (run.HasBudget && population.Count > 0)
        {
            Evaluation parent = population.SelectParent(random, options.SampleSize);
            Architecture child = ArchitectureMutator.Mutate(parent.Architecture, random, options.MlpSampler);
            Evaluation evaluation = run.Evaluate(child);
            if (evaluation.Accepted)
            {
                population.Add(evaluation);
            }
        }
    }
}

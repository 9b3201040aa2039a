using Canopy.Numerics;
using System;
using System.Linq;
using Canopy.Architectures;
using Canopy.Search;
using Xunit;

namespace Canopy.Tests.Search;

public class AgingPopulationTests
{
    [Fact]
    public void FullPopulationKeepsSizeAndDropsOldest()
    {
        var population = new AgingPopulation(3);
        for (int step = 1; step <= 3; step++)
        {
            Assert.Null(population.Add(Member(step, objective: 10 - step)));
        }

        for (int step = 4; step <= 10; step++)
        {
            // The oldest member dies even though it is the fittest one.
            Evaluation? dead = population.Add(Member(step, objective: 0));

            Assert.NotNull(dead);
            Assert.Equal(step - 3, dead.Step);
            Assert.Equal(3, population.Count);
            Assert.Equal(new[] { step - 2, step - 1, step }, population.Members.Select(member => member.Step));
        }
    }

    [Fact]
    public void RejectedCandidateCannotJoin()
    {
        var population = new AgingPopulation(2);
        var rejected = new Evaluation(1, NatsTopologyCell.FromIndex(1), null, EvaluationStatus.ParameterLimitExceeded, default, null);

        Assert.Throws<ArgumentException>(() => population.Add(rejected));
        Assert.Equal(0, population.Count);
    }

    [Fact]
    public void TournamentPicksFittestOfSample()
    {
        // Fitness 7, 3, 9, 1, 5, ... so that the fittest of a sample is easy to tell by hand.
        double[] objectives = { 7, 3, 9, 1, 5, 8, 2, 6, 4, 0 };
        var population = new AgingPopulation(objectives.Length);
        for (int i = 0; i < objectives.Length; i++)
        {
            population.Add(Member(i + 1, objectives[i]));
        }

        for (ulong seed = 0; seed < 200; seed++)
        {
            // The same generator state draws the same member positions (oldest first) as the tournament.
            var replay = new Xoshiro256StarStar(seed);
            int[] drawn = Enumerable.Range(0, 3).Select(_ => replay.NextInt32(objectives.Length)).ToArray();
            int expected = drawn.MaxBy(position => objectives[position]) + 1;

            Evaluation parent = population.SelectParent(new Xoshiro256StarStar(seed), sampleSize: 3);

            Assert.Equal(expected, parent.Step);
        }
    }

    [Fact]
    public void TournamentTieGoesToEarliestEvaluation()
    {
        var population = new AgingPopulation(4);
        population.Add(Member(1, objective: 1));
        population.Add(Member(2, objective: 5));
        population.Add(Member(3, objective: 5));
        population.Add(Member(4, objective: 5 + 5 * 1e-15));

        // A sample as large as 200 draws every member, so the winner is the earliest of the three tied at 5.
        Evaluation parent = population.SelectParent(new Xoshiro256StarStar(1), sampleSize: 200);

        Assert.Equal(2, parent.Step);
    }

    [Fact]
    public void TieBreakerDecidesBeforeEvaluationOrder()
    {
        var population = new AgingPopulation(3);
        population.Add(Member(1, objective: 5, tieBreak: 100));
        population.Add(Member(2, objective: 5, tieBreak: 300));
        population.Add(Member(3, objective: 4, tieBreak: 900));

        Evaluation parent = population.SelectParent(new Xoshiro256StarStar(2), sampleSize: 200);

        Assert.Equal(2, parent.Step);
    }

    [Fact]
    public void EmptyPopulationHasNoTournament()
    {
        var population = new AgingPopulation(5);

        Assert.Throws<InvalidOperationException>(() => population.SelectParent(new Xoshiro256StarStar(0), 2));
    }

    private static Evaluation Member(int step, double objective, double tieBreak = 0) =>
        new(step, NatsTopologyCell.FromIndex(step), null, EvaluationStatus.Accepted, new Fitness(objective, tieBreak), null);
}

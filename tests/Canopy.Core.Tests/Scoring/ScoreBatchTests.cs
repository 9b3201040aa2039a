using System.Linq;
using Canopy.Architectures;
using Canopy.Regions;
using Canopy.Scoring;
using Xunit;

namespace Canopy.Tests.Scoring;

public class ScoreBatchTests
{
    private static readonly ScoringOptions Options = new();

    private static MlpArchitecture Mlp(int width) => MlpArchitecture.Create(784, new long[] { width, width });

    private static DartsGenotype Genotype()
    {
        DartsCell cell = DartsCell.FromPairs(Enumerable.Range(0, 8).Select(i => (DartsOperation.SepConv3x3, i / 2)).ToArray());
        return DartsGenotype.Create(cell, cell);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(TropicalScorer.ParallelThreshold + 44)]
    public void BatchKeepsSingleScoresInOrder(int count)
    {
        // Beyond the threshold the batch runs on several cores, which must not reorder or change the results.
        Architecture[] architectures = Enumerable.Range(1, count).Select(i => (Architecture)Mlp(i)).ToArray();

        var results = TropicalScorer.ScoreBatch(architectures, Options);

        Assert.Equal(count, results.Length);
        for (int i = 0; i < count; i++)
        {
            Assert.Null(results[i].Error);
            Assert.Equal(architectures[i].Canonical, results[i].Score!.Architecture);
            Assert.Equal(TropicalScorer.Score(architectures[i], Options).TropicalScore, results[i].Score!.TropicalScore);
        }
    }

    [Fact]
    public void OnlyScoredNatsCellsAreMemoised()
    {
        NatsTopologyCell cell = NatsTopologyCell.Create(Enumerable.Repeat(NatsOperation.NorConv3x3, 6));
        DartsGenotype genotype = Genotype();
        MlpArchitecture mlp = Mlp(16);

        TropicalScorer.ScoreBatch(new Architecture[] { cell, genotype, mlp }, Options);

        // The 15,625 NATS-Bench cells are few enough to keep, so DARTS genotypes and MLPs are traced every time.
        Assert.True(TropicalScorer.IsMemoised(cell, Options));
        Assert.False(TropicalScorer.IsMemoised(genotype, Options));
        Assert.False(TropicalScorer.IsMemoised(mlp, Options));
    }
}

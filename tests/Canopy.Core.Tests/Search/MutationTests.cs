using Canopy.Numerics;
using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;
using Canopy.Search;
using Xunit;

namespace Canopy.Tests.Search;

/// <summary>
/// 10,000 mutations per space. Each child is checked independently of the mutator: it parses from its canonical
/// string to an equal architecture, and it differs from its parent by exactly one operation, input, width or layer.
/// Parents alternate between fresh random architectures and the previous child, so long walks are covered too.
/// </summary>
public class MutationTests
{
    private const int Mutations = 10_000;

    [Fact]
    public void NatsTopologyChildChangesOneEdge()
    {
        var random = new Xoshiro256StarStar(11);
        var changedEdges = new HashSet<int>();
        var newOperations = new HashSet<NatsOperation>();

        foreach ((Architecture parentArchitecture, Architecture childArchitecture) in Walk(ArchitectureSource.Shuffle(SearchSpace.NatsTopology, 5), random, null))
        {
            var parent = (NatsTopologyCell)parentArchitecture;
            var child = AssertRoundTrips<NatsTopologyCell>(childArchitecture);

            int[] changed = Enumerable.Range(0, NatsTopologyCell.EdgeCount).Where(edge => parent.Operations[edge] != child.Operations[edge]).ToArray();
            Assert.Single(changed);
            changedEdges.Add(changed[0]);
            newOperations.Add(child.Operations[changed[0]]);
        }

        Assert.Equal(NatsTopologyCell.EdgeCount, changedEdges.Count);
        Assert.Equal(Enum.GetValues<NatsOperation>().Length, newOperations.Count);
    }

    [Fact]
    public void NatsSizeChildChangesOneWidth()
    {
        var random = new Xoshiro256StarStar(12);
        var newWidths = new HashSet<int>();
        var changedLayers = new HashSet<int>();

        foreach ((Architecture parentArchitecture, Architecture childArchitecture) in Walk(ArchitectureSource.Shuffle(SearchSpace.NatsSize, 6), random, null))
        {
            var parent = (NatsSizeArchitecture)parentArchitecture;
            var child = AssertRoundTrips<NatsSizeArchitecture>(childArchitecture);

            int[] changed = Enumerable.Range(0, NatsSizeArchitecture.LayerCount).Where(layer => parent.Widths[layer] != child.Widths[layer]).ToArray();
            Assert.Single(changed);
            newWidths.Add(child.Widths[changed[0]]);
            changedLayers.Add(changed[0]);
        }

        Assert.Equal(NatsSizeArchitecture.Candidates.OrderBy(width => width), newWidths.OrderBy(width => width));

        // Every one of the five layers, the last included, is mutated at some point.
        Assert.Equal(Enumerable.Range(0, NatsSizeArchitecture.LayerCount), changedLayers.OrderBy(layer => layer));
    }

    [Fact]
    public void DartsChildChangesOneOperationOrInput()
    {
        var random = new Xoshiro256StarStar(13);
        var kinds = new Dictionary<string, int>();

        foreach ((Architecture parentArchitecture, Architecture childArchitecture) in Walk(ArchitectureSource.Sample(SearchSpace.Darts, 7), random, null))
        {
            var parent = (DartsGenotype)parentArchitecture;
            var child = AssertRoundTrips<DartsGenotype>(childArchitecture);
            AssertValidGenotypeCell(child.Normal);
            AssertValidGenotypeCell(child.Reduce);

            bool normalChanged = parent.Normal.FormatEdges() != child.Normal.FormatEdges();
            bool reduceChanged = parent.Reduce.FormatEdges() != child.Reduce.FormatEdges();
            Assert.True(normalChanged ^ reduceChanged, "exactly one of the two cells must change");

            string kind = DescribeCellChange(normalChanged ? parent.Normal : parent.Reduce, normalChanged ? child.Normal : child.Reduce);
            string key = (normalChanged ? "normal " : "reduce ") + kind;
            kinds[key] = kinds.GetValueOrDefault(key) + 1;
        }

        // Four kinds of change, each about a quarter of the mutations.
        Assert.Equal(new[] { "normal input", "normal operation", "reduce input", "reduce operation" }, kinds.Keys.Order());
        Assert.All(kinds.Values, count => Assert.InRange(count, 2200, 2800));
    }

    [Fact]
    public void DartsMutationNeverIntroducesNone()
    {
        // Each parent is a fresh sample with none on the first edge of every node, so operation changes start from
        // none as often as from another operation.
        var random = new Xoshiro256StarStar(16);
        var replacementsOfNone = new HashSet<DartsOperation>();

        foreach (DartsGenotype sample in DartsSampler.Samples(17).Take(Mutations))
        {
            DartsGenotype parent = DartsGenotype.Create(WithNoneOnFirstEdges(sample.Normal), WithNoneOnFirstEdges(sample.Reduce));
            var child = (DartsGenotype)ArchitectureMutator.Mutate(parent, random);

            Assert.NotEqual(parent.Canonical, child.Canonical);
            Assert.True(NoneCount(child) <= NoneCount(parent), $"{parent.Canonical} mutated to {child.Canonical}, which has more none edges");

            bool normalChanged = parent.Normal.FormatEdges() != child.Normal.FormatEdges();
            (var removed, var added) = ReplacedPair(normalChanged ? parent.Normal : parent.Reduce, normalChanged ? child.Normal : child.Reduce);
            if (added.Input != removed.Input)
            {
                // An input change keeps the edge's operation, none included.
                Assert.Equal(removed.Operation, added.Operation);
                continue;
            }

            Assert.NotEqual(DartsOperation.None, added.Operation);
            if (removed.Operation == DartsOperation.None)
            {
                replacementsOfNone.Add(added.Operation);
            }
        }

        // A none edge may become any of the seven other operations.
        Assert.Equal(Enum.GetValues<DartsOperation>().Where(operation => operation != DartsOperation.None), replacementsOfNone.Order());
    }

    [Fact]
    public void MlpChildChangesOneWidthOrLayer()
    {
        var bounds = new MlpSampler(inputDimension: 784, minDepth: 2, maxDepth: 5, minWidth: 8, maxWidth: 40);
        var random = new Xoshiro256StarStar(14);
        var kinds = new Dictionary<string, int>();

        foreach ((Architecture parentArchitecture, Architecture childArchitecture) in Walk(bounds.Samples(8), random, bounds))
        {
            var parent = (MlpArchitecture)parentArchitecture;
            var child = AssertRoundTrips<MlpArchitecture>(childArchitecture);
            Assert.Equal(784, child.InputDimension);
            Assert.InRange(child.Widths.Count, bounds.MinDepth, bounds.MaxDepth);
            Assert.All(child.Widths, width => Assert.InRange(width, bounds.MinWidth, bounds.MaxWidth));

            string kind = DescribeListChange(parent.Widths.ToArray(), child.Widths.ToArray());
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        Assert.Equal(new[] { "deletion", "insertion", "substitution" }, kinds.Keys.Order());
        Assert.InRange(kinds["substitution"], 4500, 5500);
    }

    [Fact]
    public void MlpWithFixedDepthChangesWidthsOnly()
    {
        var bounds = new MlpSampler(inputDimension: 10, minDepth: 3, maxDepth: 3, minWidth: 4, maxWidth: 6);
        MlpArchitecture parent = MlpArchitecture.Create(10, new long[] { 4, 5, 6 });
        var random = new Xoshiro256StarStar(15);

        for (int i = 0; i < 1000; i++)
        {
            var child = (MlpArchitecture)ArchitectureMutator.Mutate(parent, random, bounds);

            Assert.Equal("substitution", DescribeListChange(parent.Widths.ToArray(), child.Widths.ToArray()));
        }
    }

    [Fact]
    public void MlpLayerIsInsertedAtUniformPosition()
    {
        // A single width and a depth that can only grow make every mutation an insertion, and width 30 marks the new layer.
        var bounds = new MlpSampler(inputDimension: 10, minDepth: 2, maxDepth: 3, minWidth: 30, maxWidth: 30);
        MlpArchitecture parent = MlpArchitecture.Create(10, new long[] { 10, 20 });
        var random = new Xoshiro256StarStar(16);
        var insertions = new int[3];

        for (int i = 0; i < 3000; i++)
        {
            var child = (MlpArchitecture)ArchitectureMutator.Mutate(parent, random, bounds);
            int position = child.Widths.ToList().IndexOf(30);

            Assert.Equal(new long[] { 10, 20 }, child.Widths.Where((_, layer) => layer != position));
            insertions[position]++;
        }

        // Each of the 3 positions expects 1,000 insertions with a standard deviation of √(3000·(1/3)·(2/3)) ≈ 26.
        Assert.InRange(insertions[0], 850, 1150);
        Assert.InRange(insertions[1], 850, 1150);
        Assert.InRange(insertions[2], 850, 1150);
    }

    [Fact]
    public void MlpWithOneNetworkCannotMutate()
    {
        var bounds = new MlpSampler(inputDimension: 10, minDepth: 2, maxDepth: 2, minWidth: 7, maxWidth: 7);
        MlpArchitecture only = MlpArchitecture.Create(10, new long[] { 7, 7 });

        Assert.Throws<ArgumentException>(() => ArchitectureMutator.Mutate(only, new Xoshiro256StarStar(1), bounds));
    }

    [Fact]
    public void SameGeneratorStateGivesSameChild()
    {
        DartsGenotype parent = DartsSampler.Sample(3, 9);

        Architecture first = ArchitectureMutator.Mutate(parent, new Xoshiro256StarStar(99));
        Architecture second = ArchitectureMutator.Mutate(parent, new Xoshiro256StarStar(99));

        Assert.Equal(first.Canonical, second.Canonical);
    }

    // Yields (parent, child) pairs: even steps start from the next fresh architecture, odd steps from the last child.
    private static IEnumerable<(Architecture Parent, Architecture Child)> Walk(IEnumerable<Architecture> fresh, Xoshiro256StarStar random, MlpSampler? bounds)
    {
        using IEnumerator<Architecture> source = fresh.GetEnumerator();
        Architecture? last = null;
        for (int i = 0; i < Mutations; i++)
        {
            Architecture parent;
            if (i % 2 == 0 || last is null)
            {
                Assert.True(source.MoveNext());
                parent = source.Current;
            }
            else
            {
                parent = last;
            }

            last = ArchitectureMutator.Mutate(parent, random, bounds);
            yield return (parent, last);
        }
    }

    private static T AssertRoundTrips<T>(Architecture child)
        where T : Architecture
    {
        Architecture parsed = ArchitectureParser.Parse(child.Canonical, child.SearchSpace);
        Assert.Equal(child.Canonical, parsed.Canonical);
        Assert.Equal(child, parsed);
        return Assert.IsType<T>(parsed);
    }

    private static void AssertValidGenotypeCell(DartsCell cell)
    {
        Assert.False(cell.ListsCandidateEdges);
        Assert.DoesNotContain(cell.Edges, edge => edge.Operation == DartsOperation.None);
        for (int node = 2; node <= 5; node++)
        {
            int[] inputs = cell.InputsOf(node).Select(edge => edge.Input).ToArray();
            Assert.Equal(2, inputs.Length);
            Assert.True(inputs[0] < inputs[1], $"node {node} has inputs {inputs[0]}, {inputs[1]}, which are not distinct and ascending");
            Assert.InRange(inputs[1], 1, node - 1);
        }
    }

    private static DartsCell WithNoneOnFirstEdges(DartsCell cell) =>
        DartsCell.FromPairs(cell.Edges.Select((edge, i) => (i % 2 == 0 ? DartsOperation.None : edge.Operation, edge.Input)), cell.Concat);

    private static int NoneCount(DartsGenotype genotype) =>
        genotype.Normal.Edges.Concat(genotype.Reduce.Edges).Count(edge => edge.Operation == DartsOperation.None);

    // Returns the one (operation, input) pair that the child cell replaced, and the pair that took its place. Fails
    // unless exactly one pair changed.
    private static ((DartsOperation Operation, int Input) Removed, (DartsOperation Operation, int Input) Added) ReplacedPair(DartsCell parent, DartsCell child)
    {
        DescribeCellChange(parent, child);
        for (int node = 2; node <= 5; node++)
        {
            var before = parent.InputsOf(node).Select(edge => (edge.Operation, edge.Input)).ToList();
            var after = child.InputsOf(node).Select(edge => (edge.Operation, edge.Input)).ToList();
            var removed = before.Except(after).ToList();
            if (removed.Count > 0)
            {
                return (removed[0], after.Except(before).Single());
            }
        }

        throw new InvalidOperationException("the cells do not differ");
    }

    // Compares the cells node by node as sets of (operation, input) pairs, so that a reordered node is no change.
    private static string DescribeCellChange(DartsCell parent, DartsCell child)
    {
        var changes = new List<string>();
        for (int node = 2; node <= 5; node++)
        {
            var before = parent.InputsOf(node).Select(edge => (edge.Operation, edge.Input)).ToList();
            var after = child.InputsOf(node).Select(edge => (edge.Operation, edge.Input)).ToList();
            var removed = before.Except(after).ToList();
            var added = after.Except(before).ToList();
            if (removed.Count == 0 && added.Count == 0)
            {
                continue;
            }

            Assert.Single(removed);
            Assert.Single(added);
            bool sameInput = removed[0].Input == added[0].Input;
            bool sameOperation = removed[0].Operation == added[0].Operation;
            Assert.True(sameInput ^ sameOperation, $"node {node}: {removed[0]} became {added[0]}, which changes both or neither");
            changes.Add(sameInput ? "operation" : "input");
        }

        return Assert.Single(changes);
    }

    // Classifies the change between two width lists, failing unless their edit distance is exactly one.
    private static string DescribeListChange(long[] parent, long[] child)
    {
        if (parent.Length == child.Length)
        {
            Assert.Equal(1, Enumerable.Range(0, parent.Length).Count(i => parent[i] != child[i]));
            return "substitution";
        }

        (long[] longer, long[] shorter, string kind) = child.Length > parent.Length ? (child, parent, "insertion") : (parent, child, "deletion");
        Assert.Equal(shorter.Length + 1, longer.Length);
        bool removable = Enumerable.Range(0, longer.Length).Any(skip => longer.Where((_, i) => i != skip).SequenceEqual(shorter));
        Assert.True(removable, $"{string.Join('-', longer)} and {string.Join('-', shorter)} differ by more than one layer");
        return kind;
    }
}

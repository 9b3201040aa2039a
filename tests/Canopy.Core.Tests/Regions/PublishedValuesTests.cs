using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Canopy.Numerics;
using Canopy.Regions;
using Xunit;

namespace Canopy.Tests.Regions;

/// <summary>
/// Checks the region counts against numbers and claims printed in Serra, Tjandraatmadja and Ramalingam,
/// "Bounding and Counting Linear Regions of Deep Neural Networks" (arXiv:1711.02114; ICML 2018).
/// Theorem numbers below are those of the paper's double-blind submission text.
/// </summary>
public class PublishedValuesTests
{
    private static FullyConnectedNetwork Net(long inputDimension, params long[] widths) =>
        FullyConnectedNetwork.Create(inputDimension, widths);

    private static BigInteger Exact(RegionCount count) =>
        count.Value ?? throw new InvalidOperationException("The count has no exact value.");

    [Fact]
    public void FigureOneFirstLayerMakesFourRegions()
    {
        // Figure 1(b): two ReLUs on a 2-D input make C(2,0) + C(2,1) + C(2,2) = 4 regions.
        RegionCount count = RegionBounds.Generic(Net(2, 2));

        Assert.Equal(new BigInteger(4), count.Value);
        Assert.True(count.IsExactMaximum);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 4)]
    [InlineData(5, 3)]
    [InlineData(8, 6)]
    public void OneInputUpperBoundIsProduct(int width, int depth)
    {
        // Section 3.2: with n0 = 1 and n_l = n the Theorem 1 bound reduces to (n + 1)^L, exact for n ≥ 3 (Theorem 5).
        var network = Net(1, Enumerable.Repeat((long)width, depth).ToArray());
        BigInteger expected = BigInteger.Pow(width + 1, depth);

        RegionCount generic = RegionBounds.Generic(network);

        Assert.Equal(expected, Exact(RegionBounds.SerraBound(network)));
        Assert.Equal(expected, Exact(generic));
        Assert.True(generic.IsExactMaximum);
    }

    [Fact]
    public void OneInputMontufarLowerBound()
    {
        // Section 3.2: with n0 = 1 the lower bound of Montúfar et al. (2014) becomes n^(L−1)·(n + 1).
        // Width 2 is below Theorem 6's 3·n0, so that bound does not apply and Montúfar's is the best.
        RegionCount lower = RegionBounds.LowerBound(Net(1, 2, 2, 2));

        Assert.Equal(new BigInteger(2 * 2 * 3), lower.Value);
        Assert.Contains("Montúfar", lower.Formula);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 5)]
    [InlineData(7, 3)]
    public void OneInputLowerBoundMeetsUpper(int width, int depth)
    {
        // Theorem 6 with n0 = 1 gives ∏(n_l + 1), the same value as the upper bound, which is why Theorem 5 is exact.
        var network = Net(1, Enumerable.Repeat((long)width, depth).ToArray());

        RegionCount lower = RegionBounds.LowerBound(network);

        Assert.Equal(Exact(RegionBounds.SerraBound(network)), Exact(lower));
        Assert.Contains("Serra", lower.Formula);
        Assert.True(lower.IsExactMaximum);
    }

    [Fact]
    public void TheoremSixThreeLayersByHand()
    {
        // n0 = 2, widths 6, 6, 7: (⌊6/2⌋ + 1)^2 · (⌊6/2⌋ + 1)^2 · (1 + 7 + 21) = 16 · 16 · 29.
        RegionCount lower = RegionBounds.LowerBound(Net(2, 6, 6, 7));

        Assert.Equal(new BigInteger(16 * 16 * 29), lower.Value);
        Assert.Contains("first 3 layers", lower.Formula);
    }

    [Theory]
    [InlineData(2L, new long[] { 3, 3 })]
    [InlineData(3L, new long[] { 5, 2, 4 })]
    [InlineData(4L, new long[] { 3, 6, 2, 5, 4 })]
    [InlineData(10L, new long[] { 2, 3 })]
    [InlineData(5L, new long[] { 9, 3, 8, 7 })]
    public void RelaxedIndexSetGivesMontufarBound(long n0, long[] widths)
    {
        // Section 3.1: relaxing n_l − j_l to n_l in the index set J turns Theorem 1 into Montúfar (2017).
        BigInteger relaxed = RelaxedSerraSum(widths, layer: 0, budget: n0);

        Assert.Equal(relaxed, Exact(RegionBounds.BottleneckBound(Net(n0, widths))));
    }

    [Fact]
    public void FigureThreeBoundGrowsAsBottleneckShrinks()
    {
        // Figure 3(a) uses n0 = 32 and widths 16 − 2k, 16 − k, 16, 16 + k, 16 + 2k. The bound rises as k falls.
        BigInteger previous = BigInteger.Zero;
        for (int k = 7; k >= -7; k--)
        {
            var network = Net(32, 16 - 2 * k, 16 - k, 16, 16 + k, 16 + 2 * k);
            BigInteger bound = Exact(RegionBounds.SerraBound(network));

            Assert.True(bound > previous, $"k = {k}: {bound} is not above {previous}");
            previous = bound;
        }
    }

    [Fact]
    public void MovingNeuronForwardShrinksTwoLayerBound()
    {
        // Section 3.1: with n0 large enough to add no bottleneck, moving a neuron from layer 1 to
        // layer 2 strictly decreases the bound.
        for (long n1 = 2; n1 <= 12; n1++)
        {
            for (long n2 = 1; n2 <= 12; n2++)
            {
                BigInteger before = Exact(RegionBounds.SerraBound(Net(n1 + n2, n1, n2)));
                BigInteger after = Exact(RegionBounds.SerraBound(Net(n1 + n2, n1 - 1, n2 + 1)));

                Assert.True(after < before, $"widths {n1},{n2}: {after} is not below {before}");
            }
        }
    }

    [Fact]
    public void EarlierNeuronRemovalCostsAtLeastAsMuch()
    {
        // Bottleneck effect: of two layers of equal width, removing a neuron from the earlier one lowers the
        // bound at least as much.
        var random = new Random(31);
        for (int trial = 0; trial < 400; trial++)
        {
            long[] widths = Enumerable.Range(0, random.Next(2, 6)).Select(_ => (long)random.Next(2, 13)).ToArray();
            int[] pair = Enumerable.Range(0, widths.Length).OrderBy(_ => random.Next()).Take(2).Order().ToArray();
            widths[pair[1]] = widths[pair[0]];
            long n0 = random.Next(1, 21);

            long[] earlier = (long[])widths.Clone();
            earlier[pair[0]]--;
            long[] later = (long[])widths.Clone();
            later[pair[1]]--;

            BigInteger withoutEarlier = Exact(RegionBounds.SerraBound(Net(n0, earlier)));
            BigInteger withoutLater = Exact(RegionBounds.SerraBound(Net(n0, later)));
            Assert.True(withoutEarlier <= withoutLater, $"n0 = {n0}, widths {string.Join("-", widths)}, layers {pair[0]} and {pair[1]}");
        }
    }

    [Fact]
    public void ShallowBeatsTwoNarrowLayers()
    {
        // Section 3.1: if n0 exceeds both widths, one layer of n1 + n2 ReLUs has more regions (exact,
        // Zaslavsky) than the bound for the two-layer network.
        for (long n1 = 1; n1 <= 10; n1++)
        {
            for (long n2 = 1; n2 <= 10; n2++)
            {
                for (long n0 = Math.Max(n1, n2) + 1; n0 <= n1 + n2 + 3; n0++)
                {
                    BigInteger deep = Exact(RegionBounds.SerraBound(Net(n0, n1, n2)));
                    BigInteger shallow = Exact(RegionBounds.Generic(Net(n0, n1 + n2)));

                    Assert.True(deep < shallow, $"n0 = {n0}, widths {n1},{n2}: deep {deep}, shallow {shallow}");
                }
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void DeepToShallowRatioVanishes(long width)
    {
        // Section 3.1: for L layers of width n and n0 ≥ L·n, the deep/shallow ratio goes to 0 as L grows.
        double previousRatio = 1.0;
        foreach (int depth in new[] { 2, 4, 8, 16, 32 })
        {
            long n0 = depth * width;
            var deep = Net(n0, Enumerable.Repeat(width, depth).ToArray());
            double ratio = Math.Pow(10, RegionBounds.SerraBound(deep).Log10 - RegionBounds.Generic(Net(n0, depth * width)).Log10);

            Assert.True(ratio < previousRatio, $"depth {depth}: ratio {ratio} is not below {previousRatio}");
            previousRatio = ratio;
        }

        Assert.True(previousRatio < 1e-3, $"ratio at depth 32 is {previousRatio}");
    }

    [Fact]
    public void FigureTwoNetworkHasFiveRegions()
    {
        // Figure 2: h_a = max(0, x), h_b = max(0, −x + 1), h_c = max(0, 4h_a + 2h_b − 3). Unit c switches
        // at x = −1/2 and x = 1/2, so the line splits at −1/2, 0, 1/2 and 1 into 5 activation regions.
        var layers = new[]
        {
            new Layer(new double[,] { { 1 }, { -1 } }, new double[] { 0, 1 }),
            new Layer(new double[,] { { 4, 2 } }, new double[] { -3 }),
        };

        int regions = CountActivationRegionsOnLine(layers);
        RegionCount upper = RegionBounds.Generic(Net(1, 2, 1));

        Assert.Equal(5, regions);
        Assert.Equal(new BigInteger(6), upper.Value);
        Assert.False(upper.IsExactMaximum);
    }

    [Fact]
    public void RandomLineNetworksStayBelowBound()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            long[] widths = Enumerable.Range(0, random.Next(1, 5)).Select(_ => (long)random.Next(1, 7)).ToArray();
            Layer[] layers = RandomLayers(random, widths);

            int regions = CountActivationRegionsOnLine(layers);
            BigInteger bound = Exact(RegionBounds.Generic(Net(1, widths)));

            Assert.True(regions <= bound, $"widths {string.Join("-", widths)}: {regions} regions above the bound {bound}");
            if (widths.Length == 1)
            {
                // One layer: n breakpoints in general position cut the line into n + 1 intervals, Zaslavsky's count.
                Assert.Equal(bound, new BigInteger(regions));
            }
        }
    }

    [Fact]
    public void LaterLayersOnlyRefineRegions()
    {
        // The lower bounds are applied to leading blocks of layers: adding layers never merges activation regions.
        var random = new Random(17);
        for (int trial = 0; trial < 200; trial++)
        {
            long[] widths = Enumerable.Range(0, random.Next(2, 6)).Select(_ => (long)random.Next(1, 7)).ToArray();
            Layer[] layers = RandomLayers(random, widths);

            for (int depth = 1; depth < layers.Length; depth++)
            {
                int block = CountActivationRegionsOnLine(layers[..depth]);
                int deeper = CountActivationRegionsOnLine(layers[..(depth + 1)]);

                Assert.True(deeper >= block, $"widths {string.Join("-", widths)}: {deeper} regions after layer {depth + 1}, {block} before");
            }
        }
    }

    // Σ over J' = { 0 ≤ j_l ≤ min(n0, n1, …, n_l) } of ∏ C(n_l, j_l), by direct enumeration.
    private static BigInteger RelaxedSerraSum(long[] widths, int layer, long budget)
    {
        if (layer == widths.Length)
        {
            return BigInteger.One;
        }

        long n = widths[layer];
        long limit = Math.Min(budget, n);
        BigInteger total = BigInteger.Zero;
        for (long j = 0; j <= limit; j++)
        {
            total += Binomial(n, j) * RelaxedSerraSum(widths, layer + 1, limit);
        }

        return total;
    }

    private static BigInteger Binomial(long n, long k)
    {
        BigInteger result = BigInteger.One;
        for (long i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private sealed record Layer(double[,] Weights, double[] Biases);

    // An interval of the input line on which every unit of the layers so far has a fixed state, so the
    // layer output is affine in x: Slopes[i]·x + Intercepts[i].
    private sealed record Piece(double Low, double High, double[] Slopes, double[] Intercepts, string Pattern);

    private static Layer[] RandomLayers(Random random, long[] widths)
    {
        var layers = new Layer[widths.Length];
        int inputs = 1;
        for (int l = 0; l < widths.Length; l++)
        {
            int units = (int)widths[l];
            var weights = new double[units, inputs];
            var biases = new double[units];
            for (int i = 0; i < units; i++)
            {
                biases[i] = 2 * random.NextDouble() - 1;
                for (int j = 0; j < inputs; j++)
                {
                    weights[i, j] = 2 * random.NextDouble() - 1;
                }
            }

            layers[l] = new Layer(weights, biases);
            inputs = units;
        }

        return layers;
    }

    // Counts the activation regions of a ReLU network with one input exactly. Within a piece every
    // pre-activation is affine in x, so a piece splits only where one of them crosses zero.
    private static int CountActivationRegionsOnLine(IReadOnlyList<Layer> layers)
    {
        var pieces = new List<Piece> { new(double.NegativeInfinity, double.PositiveInfinity, new[] { 1.0 }, new[] { 0.0 }, string.Empty) };

        foreach (Layer layer in layers)
        {
            pieces = pieces.SelectMany(piece => SplitByLayer(piece, layer)).ToList();
        }

        // Each activation pattern is a convex set, so on a line it occupies exactly one piece.
        Assert.Equal(pieces.Count, pieces.Select(piece => piece.Pattern).Distinct().Count());
        return pieces.Count;
    }

    private static IEnumerable<Piece> SplitByLayer(Piece piece, Layer layer)
    {
        int units = layer.Biases.Length;
        var slopes = new double[units];
        var intercepts = new double[units];
        for (int i = 0; i < units; i++)
        {
            intercepts[i] = layer.Biases[i];
            for (int j = 0; j < piece.Slopes.Length; j++)
            {
                slopes[i] += layer.Weights[i, j] * piece.Slopes[j];
                intercepts[i] += layer.Weights[i, j] * piece.Intercepts[j];
            }
        }

        var cuts = new List<double> { piece.Low };
        for (int i = 0; i < units; i++)
        {
            double zero = slopes[i] == 0 ? double.NaN : -intercepts[i] / slopes[i];
            if (zero > piece.Low + 1e-12 && zero < piece.High - 1e-12)
            {
                cuts.Add(zero);
            }
        }

        cuts.Sort();
        cuts.Add(piece.High);

        for (int c = 0; c + 1 < cuts.Count; c++)
        {
            double x = InteriorPoint(cuts[c], cuts[c + 1]);
            var active = Enumerable.Range(0, units).Select(i => slopes[i] * x + intercepts[i] > 0).ToArray();
            yield return new Piece(
                cuts[c],
                cuts[c + 1],
                Enumerable.Range(0, units).Select(i => active[i] ? slopes[i] : 0.0).ToArray(),
                Enumerable.Range(0, units).Select(i => active[i] ? intercepts[i] : 0.0).ToArray(),
                piece.Pattern + "|" + string.Concat(active.Select(on => on ? '1' : '0')));
        }
    }

    private static double InteriorPoint(double low, double high) => (double.IsInfinity(low), double.IsInfinity(high)) switch
    {
        (true, true) => 0.0,
        (true, false) => high - 1.0,
        (false, true) => low + 1.0,
        _ => (low + high) / 2,
    };
}

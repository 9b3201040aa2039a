using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Canopy.Numerics;

namespace Canopy.Regions;

/// <summary>
/// Maximal linear-region counts of fully connected ReLU networks. Every count is computed in extended floating
/// point, so it stays finite for any valid network, and again as an exact integer when its base-10 logarithm is at
/// most <see cref="ExactDigitLimit"/>. docs/method.md states each formula and its source.
/// </summary>
public static class RegionBounds
{
    /// <summary>Counts whose base-10 logarithm is at most this (at most 1001 digits) are also computed exactly; larger ones only as logarithms.</summary>
    public const int ExactDigitLimit = 1000;

    public static RegionCount Compute(FullyConnectedNetwork network, RegionMode mode) => mode switch
    {
        RegionMode.Generic => Generic(network),
        RegionMode.TropicalBound => TropicalBound(network),
        RegionMode.BottleneckBound or RegionMode.GlobalBound => BottleneckBound(network),
        RegionMode.SerraBound => SerraBound(network),
        RegionMode.LowerBound => LowerBound(network),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown region mode."),
    };

    /// <summary>
    /// Returns the maximal count for generic weights. It is exact for one hidden layer (Zaslavsky's count) and for
    /// one-dimensional input with every n_l ≥ 3 (the product ∏(n_l + 1)). Otherwise it is the tightest upper bound
    /// Canopy implements, Serra et al.'s, which never exceeds the bottleneck or tropical bounds. Above Serra's work
    /// limit it is the bottleneck bound, and the formula text notes the fallback.
    /// </summary>
    public static RegionCount Generic(FullyConnectedNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);

        if (network.Depth == 1)
        {
            return OneLayer(network.Widths[0], network.InputDimension);
        }

        if (network.InputDimension == 1 && network.Widths.All(width => width >= 3))
        {
            return OneDimensionalInput(network);
        }

        RegionCount? serra = TrySerra(network);
        if (serra is not null)
        {
            return serra;
        }

        RegionCount fallback = BottleneckBound(network);
        return fallback with { Formula = fallback.Formula + "; Serra et al. (2018) exceeds the work limit for this size" };
    }

    /// <summary>Returns ∏_l Σ_{i ≤ n0} C(n_l, i), the tropical bound of Zhang, Naitzat and Lim (2018).</summary>
    public static RegionCount TropicalBound(FullyConnectedNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return LayerProduct(network, useBottleneck: false, "Zhang, Naitzat and Lim (2018) tropical bound");
    }

    /// <summary>Returns ∏_l Σ_{j ≤ d_l} C(n_l, j) with d_l = min(n0, …, n_l), the bound of Montúfar (2017).</summary>
    public static RegionCount BottleneckBound(FullyConnectedNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return LayerProduct(network, useBottleneck: true, "Montúfar (2017) dimension-bottleneck bound");
    }

    /// <summary>Returns the bound of Serra, Tjandraatmadja and Ramalingam (2018, Theorem 1).</summary>
    /// <exception cref="RegionCountTooLargeException">The dimension budgets exceed <see cref="SerraRecursion.WorkLimit"/>.</exception>
    public static RegionCount SerraBound(FullyConnectedNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);

        // For one hidden layer Theorem 1 is Zaslavsky's count, which needs no recursion however wide the layer.
        if (network.Depth == 1)
        {
            RegionCount oneLayer = OneLayer(network.Widths[0], network.InputDimension);
            return oneLayer with { Formula = "Serra, Tjandraatmadja and Ramalingam (2018) upper bound, which is Zaslavsky (1975) for one hidden layer" };
        }

        return TrySerra(network) ?? throw new RegionCountTooLargeException(
            $"The bound of Serra et al. for {Describe(network)} needs more than {SerraRecursion.WorkLimit:N0} dimension-budget updates; use the bottleneck bound for networks this large.");
    }

    // Names a deep network by its first and last widths, so that a message stays readable.
    private static string Describe(FullyConnectedNetwork network)
    {
        if (network.Depth <= 8)
        {
            return network.ToString();
        }

        IReadOnlyList<long> widths = network.Widths;
        return $"{network.InputDimension} -> {widths[0]}-{widths[1]}-{widths[2]}-...-{widths[^1]} ({network.Depth:N0} hidden layers)";
    }

    /// <summary>
    /// Returns the largest lower bound whose conditions hold on some leading block of layers: Serra et al.
    /// (2018, Theorem 6) where n_l ≥ 3·n0, Montúfar et al. (2014) where n_l ≥ n0, and Zaslavsky's count of the
    /// first layer always. A leading block bounds the whole network because later layers only refine its
    /// activation regions, the region definition Canopy counts (docs/method.md).
    /// </summary>
    public static RegionCount LowerBound(FullyConnectedNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        long n0 = network.InputDimension;
        var firstLayer = Zaslavsky.Count(network.Widths[0], n0);

        var best = (Value: firstLayer, Layers: 1, Kind: LowerBoundKind.FirstLayer);
        ExtendedFloat montufarPrefix = ExtendedFloat.One;
        ExtendedFloat serraPrefix = ExtendedFloat.One;
        var lastLayerFactors = new Dictionary<long, ExtendedFloat>();

        for (int k = 0; k < network.Depth; k++)
        {
            long width = network.Widths[k];
            if (width < n0)
            {
                break;
            }

            if (!lastLayerFactors.TryGetValue(width, out ExtendedFloat lastFactor))
            {
                lastFactor = Zaslavsky.Count(width, n0);
                lastLayerFactors[width] = lastFactor;
            }

            ExtendedFloat montufar = montufarPrefix * lastFactor;
            if (montufar > best.Value)
            {
                best = (montufar, k + 1, LowerBoundKind.Montufar);
            }

            if (width >= 3 * n0 && !serraPrefix.IsZero)
            {
                ExtendedFloat serra = serraPrefix * lastFactor;
                if (serra > best.Value)
                {
                    best = (serra, k + 1, LowerBoundKind.Serra);
                }

                serraPrefix *= ExtendedFloat.FromDouble(width / n0 + 1).Power(n0);
            }
            else
            {
                serraPrefix = ExtendedFloat.Zero;
            }

            montufarPrefix *= ExtendedFloat.FromDouble(width / n0).Power(n0);
        }

        BigInteger? exact = best.Value.Log10 <= ExactDigitLimit ? ExactLowerBound(network, best.Layers, best.Kind) : null;
        string formula = best.Kind switch
        {
            LowerBoundKind.Serra => $"Serra et al. (2018) lower bound on the first {best.Layers} layers",
            LowerBoundKind.Montufar => $"Montúfar et al. (2014) lower bound on the first {best.Layers} layers",
            _ => "Zaslavsky count of the first layer",
        };
        bool isExact = network.Depth == 1 || (n0 == 1 && network.Widths.All(width => width >= 3));
        return new RegionCount(LogOf(exact, best.Value), exact, formula, isExact);
    }

    private enum LowerBoundKind
    {
        FirstLayer,
        Montufar,
        Serra,
    }

    private static BigInteger ExactLowerBound(FullyConnectedNetwork network, int layers, LowerBoundKind kind)
    {
        long n0 = network.InputDimension;
        if (kind == LowerBoundKind.FirstLayer)
        {
            return Zaslavsky.ExactCount(network.Widths[0], n0);
        }

        BigInteger product = BigInteger.One;
        for (int l = 0; l < layers - 1; l++)
        {
            long pieces = network.Widths[l] / n0 + (kind == LowerBoundKind.Serra ? 1 : 0);
            product *= BigInteger.Pow(pieces, checked((int)n0));
        }

        return product * Zaslavsky.ExactCount(network.Widths[layers - 1], n0);
    }

    private static RegionCount OneLayer(long width, long inputDimension)
    {
        ExtendedFloat count = Zaslavsky.Count(width, inputDimension);
        BigInteger? exact = count.Log10 <= ExactDigitLimit ? Zaslavsky.ExactCount(width, inputDimension) : null;
        return new RegionCount(LogOf(exact, count), exact, "Zaslavsky (1975), exact for one hidden layer", true);
    }

    private static RegionCount OneDimensionalInput(FullyConnectedNetwork network)
    {
        ExtendedFloat count = ExtendedFloat.One;
        foreach (long width in network.Widths)
        {
            count *= ExtendedFloat.FromDouble(width + 1.0);
        }

        BigInteger? exact = null;
        if (count.Log10 <= ExactDigitLimit)
        {
            exact = network.Widths.Aggregate(BigInteger.One, (product, width) => product * (width + 1));
        }

        return new RegionCount(LogOf(exact, count), exact, "Serra et al. (2018, arXiv:1711.02114) Theorem 5, exact for one-dimensional input", true);
    }

    private static RegionCount? TrySerra(FullyConnectedNetwork network)
    {
        if (!SerraRecursion.TrySum<ExtendedFloat, FloatCounts>(network.InputDimension, network.Widths, out ExtendedFloat count))
        {
            return null;
        }

        BigInteger? exact = null;
        if (count.Log10 <= ExactDigitLimit &&
            SerraRecursion.TrySum<BigInteger, ExactCounts>(network.InputDimension, network.Widths, out BigInteger exactCount))
        {
            exact = exactCount;
        }

        bool isExact = network.Depth == 1 || (network.InputDimension == 1 && network.Widths.All(width => width >= 3));
        return new RegionCount(LogOf(exact, count), exact, "Serra, Tjandraatmadja and Ramalingam (2018) upper bound", isExact);
    }

    private static RegionCount LayerProduct(FullyConnectedNetwork network, bool useBottleneck, string formula)
    {
        var factors = new Dictionary<(long Width, long Dimension), ExtendedFloat>();
        ExtendedFloat count = ExtendedFloat.One;
        long dimension = network.InputDimension;
        foreach (long width in network.Widths)
        {
            if (useBottleneck)
            {
                dimension = Math.Min(dimension, width);
            }

            if (!factors.TryGetValue((width, dimension), out ExtendedFloat factor))
            {
                factor = Zaslavsky.Count(width, dimension);
                factors[(width, dimension)] = factor;
            }

            count *= factor;
        }

        BigInteger? exact = null;
        if (count.Log10 <= ExactDigitLimit)
        {
            exact = BigInteger.One;
            dimension = network.InputDimension;
            foreach (long width in network.Widths)
            {
                dimension = useBottleneck ? Math.Min(dimension, width) : dimension;
                exact *= Zaslavsky.ExactCount(width, dimension);
            }
        }

        return new RegionCount(LogOf(exact, count), exact, formula, network.Depth == 1);
    }

    // The exact integer gives the most accurate logarithm when it exists. Below 2^53 it converts to double
    // without rounding, so log10(7) matches Math.Log10(7) to the last bit.
    private static double LogOf(BigInteger? exact, ExtendedFloat approximate)
    {
        if (exact is not { } value)
        {
            return approximate.Log10;
        }

        return value < (BigInteger.One << 53) ? Math.Log10((double)value) : BigInteger.Log10(value);
    }
}

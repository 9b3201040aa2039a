using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Regions;

/// <summary>
/// A fully connected ReLU network given by its input dimension n0 and hidden widths n1..nL; the affine output
/// layer creates no regions, so it is not part of the description.
/// </summary>
public sealed class FullyConnectedNetwork
{
    /// <summary>The largest depth accepted; with the work limit of Serra et al.'s recursion every mode stays near a second or less.</summary>
    public const int MaxDepth = 1_000_000;

    /// <summary>The largest width or input dimension accepted (2^40, about 10^12).</summary>
    public const long MaxSize = 1L << 40;

    private readonly long[] _widths;

    private FullyConnectedNetwork(long inputDimension, long[] widths)
    {
        InputDimension = inputDimension;
        _widths = widths;
    }

    public long InputDimension { get; }

    public IReadOnlyList<long> Widths => _widths;

    public int Depth => _widths.Length;

    /// <summary>Creates a network after checking every size.</summary>
    /// <exception cref="ArgumentException">A size is out of range or there are no hidden layers.</exception>
    public static FullyConnectedNetwork Create(long inputDimension, IEnumerable<long> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        long[] copy = widths.ToArray();

        if (inputDimension < 1 || inputDimension > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(inputDimension), inputDimension, $"The input dimension must be between 1 and {MaxSize}.");
        }

        if (copy.Length == 0)
        {
            throw new ArgumentException("At least one hidden layer width is required.", nameof(widths));
        }

        if (copy.Length > MaxDepth)
        {
            throw new ArgumentException($"The network has {copy.Length} hidden layers; at most {MaxDepth} are supported.", nameof(widths));
        }

        for (int l = 0; l < copy.Length; l++)
        {
            if (copy[l] < 1 || copy[l] > MaxSize)
            {
                throw new ArgumentOutOfRangeException(nameof(widths), copy[l], $"Hidden layer {l + 1} has width {copy[l]}; widths must be between 1 and {MaxSize}.");
            }
        }

        return new FullyConnectedNetwork(inputDimension, copy);
    }

    /// <summary>
    /// The weights and biases of the hidden layers, Σ_l (n_{l−1} + 1)·n_l; null when it exceeds Int64.
    /// The output layer is left out because its size depends on the task, not the architecture.
    /// </summary>
    public long? ParameterCount => SumOverLayers(includeBias: true);

    /// <summary>Multiply-accumulates of the hidden layers, Σ_l n_{l−1}·n_l; null when it exceeds Int64.</summary>
    public long? Flops => SumOverLayers(includeBias: false);

    /// <summary>Returns the hidden widths joined by '-', for example "64-128-64".</summary>
    public string WidthsText => string.Join("-", _widths);

    public override string ToString() => $"{InputDimension} -> {WidthsText}";

    private long? SumOverLayers(bool includeBias)
    {
        try
        {
            long total = 0;
            long previous = InputDimension;
            foreach (long width in _widths)
            {
                total = checked(total + checked((previous + (includeBias ? 1 : 0)) * width));
                previous = width;
            }

            return total;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Scoring;

/// <summary>
/// Walks a network layer by layer and records where linear regions are born: every distinct ReLU'd tensor
/// with the receptive window through which its consumers read it, and every max pooling. Affine operations
/// (convolution without a ReLU in front, batch norm, average pooling, identity) create no regions; they only
/// move the dimension budgets that cap later counts.
/// </summary>
internal sealed class NetworkTracer
{
    private readonly Dictionary<int, RegionSource> _reluSources = new();
    private readonly Dictionary<(int Id, int Window), RegionSource> _maxoutSources = new();
    private int _nextId = 1;

    /// <param name="inputDimension">The dimension of the network input, which caps every global rank.</param>
    public NetworkTracer(long inputDimension)
    {
        InputDimension = inputDimension;
    }

    public long InputDimension { get; }

    public IEnumerable<RegionSource> ReluSources => _reluSources.Values;

    public IEnumerable<RegionSource> MaxoutSources => _maxoutSources.Values;

    /// <summary>Returns the input image: each position spans as many dimensions as it has channels.</summary>
    public TensorValue Input(int channels, int positions) =>
        new(NextId(), channels, positions, channels, channels, Math.Min(InputDimension, (long)channels * positions));

    /// <summary>
    /// Applies an optional ReLU and a convolution (dense or depthwise-separable, whose composition reads the
    /// same window) with <paramref name="window"/> spatial taps and the given stride.
    /// </summary>
    public TensorValue Convolve(TensorValue source, int outChannels, int window, int stride, bool reluBefore)
    {
        int positions = OutputPositions(source, stride);
        if (!source.DependsOnInput)
        {
            return TensorValue.Constant(outChannels, positions);
        }

        if (reluBefore)
        {
            RecordRelu(source, window, positions);
        }

        // Per position the output reads window × LocalRank dimensions, but never spans more than its channels.
        int localRank = (int)Math.Min(outChannels, (long)window * source.LocalRank);
        int amortizedRank = Amortize(source, outChannels, stride);
        long globalRank = Math.Min(source.GlobalRank, (long)outChannels * positions);
        return Create(outChannels, positions, localRank, amortizedRank, globalRank);
    }

    /// <summary>Applies average pooling, an affine map that creates no regions.</summary>
    public TensorValue AveragePool(TensorValue source, int window, int stride)
    {
        int positions = OutputPositions(source, stride);
        if (!source.DependsOnInput)
        {
            return TensorValue.Constant(source.Channels, positions);
        }

        int localRank = (int)Math.Min(source.Channels, (long)window * source.LocalRank);
        return Create(source.Channels, positions, localRank, Amortize(source, source.Channels, stride), Math.Min(source.GlobalRank, (long)source.Channels * positions));
    }

    /// <summary>Applies max pooling: each output is a maxout unit of rank <paramref name="window"/>.</summary>
    public TensorValue MaxPool(TensorValue source, int window, int stride)
    {
        int positions = OutputPositions(source, stride);
        if (!source.DependsOnInput)
        {
            return TensorValue.Constant(source.Channels, positions);
        }

        RecordMaxout(source, window, positions);
        int localRank = (int)Math.Min(source.Channels, (long)window * source.LocalRank);
        return Create(source.Channels, positions, localRank, Amortize(source, source.Channels, stride), Math.Min(source.GlobalRank, (long)source.Channels * positions));
    }

    /// <summary>
    /// Adds tensors of equal shape: a Minkowski sum of their Newton polytopes, whose regions are the common
    /// refinement of the terms' regions. The sum of copies of one tensor keeps that tensor's identity.
    /// </summary>
    public TensorValue Sum(IReadOnlyList<TensorValue> terms, int channels, int positions)
    {
        TensorValue[] live = terms.Where(term => term.DependsOnInput).ToArray();
        if (live.Length == 0)
        {
            return TensorValue.Constant(channels, positions);
        }

        if (live.All(term => term.Id == live[0].Id))
        {
            return live[0];
        }

        int localRank = (int)Math.Min(channels, live.Sum(term => (long)term.LocalRank));
        int amortizedRank = (int)Math.Min(channels, live.Sum(term => (long)term.AmortizedRank));
        long globalRank = Math.Min(Math.Min(InputDimension, (long)channels * positions), live.Sum(term => term.GlobalRank));
        return Create(channels, positions, localRank, amortizedRank, globalRank);
    }

    /// <summary>Concatenates tensors along channels; the parts' regions combine as a product.</summary>
    public TensorValue Concatenate(IReadOnlyList<TensorValue> parts)
    {
        int channels = parts.Sum(part => part.Channels);
        int positions = parts[0].Positions;
        if (parts.All(part => !part.DependsOnInput))
        {
            return TensorValue.Constant(channels, positions);
        }

        int localRank = (int)Math.Min(channels, parts.Sum(part => (long)part.LocalRank));
        int amortizedRank = (int)Math.Min(channels, parts.Sum(part => (long)part.AmortizedRank));
        long globalRank = Math.Min(Math.Min(InputDimension, (long)channels * positions), parts.Sum(part => part.GlobalRank));
        return Create(channels, positions, localRank, amortizedRank, globalRank);
    }

    /// <summary>Records the classifier's read of a ReLU'd tensor through global average pooling: one output reads every position.</summary>
    public void ReadByClassifier(TensorValue source)
    {
        if (source.DependsOnInput)
        {
            RecordRelu(source, source.Positions, consumerPositions: 1);
        }
    }

    private void RecordRelu(TensorValue source, int window, int consumerPositions)
    {
        if (!_reluSources.TryGetValue(source.Id, out RegionSource? existing))
        {
            existing = new RegionSource(RegionSourceKind.Relu, source);
            _reluSources[source.Id] = existing;
        }

        existing.AddReading(window, consumerPositions);
    }

    private void RecordMaxout(TensorValue source, int window, int consumerPositions)
    {
        if (!_maxoutSources.TryGetValue((source.Id, window), out RegionSource? existing))
        {
            existing = new RegionSource(RegionSourceKind.Maxout, source);
            _maxoutSources[(source.Id, window)] = existing;
        }

        existing.AddReading(window, consumerPositions);
    }

    // The amortized rank never exceeds the whole tensor's dimension shared out over its positions, which keeps
    // sums of terms that come from one source from counting that source twice.
    private TensorValue Create(int channels, int positions, int localRank, int amortizedRank, long globalRank)
    {
        long share = (globalRank + positions - 1) / positions;
        return new TensorValue(NextId(), channels, positions, localRank, (int)Math.Min(amortizedRank, share), globalRank);
    }

    // Fewer positions share the same dimension after a stride, so each owns stride² times as much.
    private static int Amortize(TensorValue source, int channels, int stride) =>
        (int)Math.Min(channels, (long)source.AmortizedRank * stride * stride);

    private static int OutputPositions(TensorValue source, int stride) => Math.Max(1, source.Positions / (stride * stride));

    private int NextId() => _nextId++;
}

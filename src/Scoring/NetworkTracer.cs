using System;
using System.Collections.Generic;

namespace Canopy.Scoring;

/// <summary>
/// Walks a network layer by layer and records where linear regions are born: every distinct ReLU'd tensor
/// with the receptive window through which its consumers read it, and every max pooling. Affine operations
/// (convolution without a ReLU in front, batch norm, average pooling, identity) create no regions. They only
/// move the dimension budgets that cap later counts.
/// </summary>
internal sealed class NetworkTracer
{
    private readonly RegionLedger _ledger;
    private int _nextId = 1;

    /// <param name="ledger">Receives every place where regions are born; its input dimension caps every global rank.</param>
    public NetworkTracer(RegionLedger ledger)
    {
        _ledger = ledger;
    }

    public long InputDimension => _ledger.InputDimension;

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
        int first = -1;
        bool allSame = true;
        for (int i = 0; i < terms.Count; i++)
        {
            if (!terms[i].DependsOnInput)
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
            }
            else
            {
                allSame &= terms[i].Id == terms[first].Id;
            }
        }

        if (first < 0)
        {
            return TensorValue.Constant(channels, positions);
        }

        return allSame ? terms[first] : Combine(terms, channels, positions);
    }

    /// <summary>Concatenates tensors along channels; the parts' regions combine as a product.</summary>
    public TensorValue Concatenate(IReadOnlyList<TensorValue> parts)
    {
        int channels = 0;
        bool anyLive = false;
        foreach (TensorValue part in parts)
        {
            channels += part.Channels;
            anyLive |= part.DependsOnInput;
        }

        return anyLive ? Combine(parts, channels, parts[0].Positions) : TensorValue.Constant(channels, parts[0].Positions);
    }

    /// <summary>Records the classifier's read of a ReLU'd tensor through global average pooling: one output reads every position.</summary>
    public void ReadByClassifier(TensorValue source)
    {
        if (source.DependsOnInput)
        {
            RecordRelu(source, source.Positions, consumerPositions: 1);
        }
    }

    private void RecordRelu(TensorValue source, int window, int consumerPositions) =>
        _ledger.ReadRelu(source, window, consumerPositions);

    private void RecordMaxout(TensorValue source, int window, int consumerPositions) =>
        _ledger.ReadMaxout(source, window, consumerPositions);

    // A sum or concatenation spans at most the sum of its parts' dimensions, and never more than its channels.
    private TensorValue Combine(IReadOnlyList<TensorValue> parts, int channels, int positions)
    {
        long localRank = 0;
        long amortizedRank = 0;
        long globalRank = 0;
        foreach (TensorValue part in parts)
        {
            localRank += part.LocalRank;
            amortizedRank += part.AmortizedRank;
            globalRank += part.GlobalRank;
        }

        globalRank = Math.Min(globalRank, Math.Min(InputDimension, (long)channels * positions));
        return Create(channels, positions, (int)Math.Min(channels, localRank), (int)Math.Min(channels, amortizedRank), globalRank);
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

using System;

namespace Canopy.Scoring;

/// <summary>
/// Walks a network layer by layer and records where linear regions are born: every distinct ReLU'd tensor
/// with the receptive window through which its consumers read it, and every max pooling. Affine operations
/// (convolution without a ReLU in front, batch norm, average pooling, identity) create no regions. They only
/// move the dimension budgets that cap later counts.
/// </summary>
/// <remarks>
/// Operations take and return tensor handles, indices into the tracer's table of tensors, which travel in registers.
/// Copying the 32-byte <see cref="TensorValue"/> through every call by value took more time than the arithmetic on it.
/// </remarks>
internal sealed class NetworkTracer
{
    // A trace takes this thread's tracer out of the slot and puts it back when done, so a nested trace gets its own
    // tracer and a trace that throws leaves none behind half-filled. The spare keeps the tables of the largest network
    // the thread traced, a few hundred kilobytes for a DARTS network of 200 cells.
    [ThreadStatic]
    private static NetworkTracer? t_spare;

    private readonly RegionLedger _ledger = new();

    // Every tensor of the current trace, indexed by handle. Handle 0 is never given out.
    private TensorValue[] _tensors = new TensorValue[256];
    private int _count = 1;

    // Per handle, the tensor that a ReLU of it adds, or 0 for the tensor itself. A concatenation whose parts were read
    // through a ReLU before, or repeat one another, adds only the parts whose hyperplanes nothing has counted yet.
    private int[] _reluViews = new int[256];

    // Per handle, whether a tensor that does not depend on the input is a non-zero constant, such as batch norm's
    // shift β after a convolution of zeros. Adding one to a tensor moves its hyperplanes, so the sum is a new tensor.
    private bool[] _shifted = new bool[256];

    private readonly PoolingMemo _poolings = new();

    private NetworkTracer()
    {
    }

    public long InputDimension => _ledger.InputDimension;

    /// <summary>Returns the tensor with the given handle.</summary>
    public ref readonly TensorValue this[int tensor] => ref _tensors[tensor];

    /// <summary>
    /// Traces a network into an empty ledger and returns the natural logarithm of its region count.
    /// </summary>
    /// <param name="budget">The per-position budget of the local count, or null for the global count (Montúfar's
    /// product over distinct ReLU'd tensors).</param>
    /// <param name="inputDimension">Caps every global rank.</param>
    /// <param name="trace">Applies the network's operations to the tracer.</param>
    public static double Count(LocalBudget? budget, long inputDimension, Action<NetworkTracer> trace)
    {
        NetworkTracer tracer = t_spare ?? new NetworkTracer();
        t_spare = null;
        tracer._count = 1;
        tracer._poolings.Clear();
        tracer._ledger.Start(budget, inputDimension);

        trace(tracer);
        double naturalLog = tracer._ledger.SumAndClear();

        t_spare = tracer;
        return naturalLog;
    }

    /// <summary>Returns the input image: each position spans as many dimensions as it has channels.</summary>
    public int Input(int channels, int positions) =>
        Add(dependsOnInput: true, channels, positions, channels, channels, Math.Min(InputDimension, (long)channels * positions));

    /// <summary>Returns a tensor of zeros, which does not depend on the network input, such as the output of a zero operation.</summary>
    public int Constant(int channels, int positions) => Add(dependsOnInput: false, channels, positions, 0, 0, 0);

    // Returns a constant that is non-zero when the given one is, as a pooling of it is.
    private int ConstantLike(int source, int channels, int positions)
    {
        int constant = Constant(channels, positions);
        _shifted[constant] = _shifted[source];
        return constant;
    }

    /// <summary>
    /// Applies an optional ReLU and a convolution (dense or depthwise-separable, whose composition reads the
    /// same window) with <paramref name="window"/> spatial taps and the given stride.
    /// </summary>
    /// <param name="positionsRead">
    /// Input positions that the windows read per output position: stride² (0 selects it) when the windows cover every
    /// input position, fewer when a dilated or offset kernel at a stride skips some of them.
    /// </param>
    public int Convolve(int source, int outChannels, int window, int stride, bool reluBefore, int positionsRead = 0)
    {
        ref readonly TensorValue input = ref _tensors[source];
        int positions = OutputPositions(input, stride);
        if (!input.DependsOnInput)
        {
            // Batch norm follows every convolution that a constant can reach here, so its shift β makes the output
            // non-zero. Only the shortcut of the residual block of NAS-Bench-201 lacks it, and that convolution reads a
            // constant only when the whole network output is constant.
            int shifted = Constant(outChannels, positions);
            _shifted[shifted] = true;
            return shifted;
        }

        int share = positionsRead > 0 ? positionsRead : stride * stride;
        if (reluBefore)
        {
            _ledger.ReadRelu(ReluView(source), window, positions, Math.Max(1, Math.Min(share, input.Positions / positions)));
        }

        // Per position the output reads window × LocalRank dimensions, but never spans more than its channels.
        int localRank = (int)Math.Min(outChannels, (long)window * input.LocalRank);
        int amortizedRank = Amortize(input, outChannels, share);
        long globalRank = Math.Min(input.GlobalRank, (long)outChannels * positions);
        return Create(outChannels, positions, localRank, amortizedRank, globalRank);
    }

    /// <summary>Applies average pooling, an affine map that creates no regions.</summary>
    public int AveragePool(int source, int window, int stride)
    {
        ref readonly TensorValue input = ref _tensors[source];
        int positions = OutputPositions(input, stride);
        if (!input.DependsOnInput)
        {
            return ConstantLike(source, input.Channels, positions);
        }

        int earlier = _poolings.Find(source, window, stride, max: false);
        if (earlier != 0)
        {
            return earlier;
        }

        int pooled = Pooled(input, window, stride, positions);
        _poolings.Add(source, window, stride, max: false, pooled);
        return pooled;
    }

    /// <summary>Applies max pooling: each output is a maxout unit of rank <paramref name="window"/>.</summary>
    public int MaxPool(int source, int window, int stride)
    {
        ref readonly TensorValue input = ref _tensors[source];
        int positions = OutputPositions(input, stride);
        if (!input.DependsOnInput)
        {
            return ConstantLike(source, input.Channels, positions);
        }

        int earlier = _poolings.Find(source, window, stride, max: true);
        if (earlier != 0)
        {
            return earlier;
        }

        _ledger.ReadMaxout(input, window, positions, Math.Max(1, input.Positions / positions));
        int pooled = Pooled(input, window, stride, positions);
        _poolings.Add(source, window, stride, max: true, pooled);
        return pooled;
    }

    // A pooled position spans at most what its window reads, and never more than its channels.
    private int Pooled(in TensorValue input, int window, int stride, int positions)
    {
        int localRank = (int)Math.Min(input.Channels, (long)window * input.LocalRank);
        return Create(input.Channels, positions, localRank, Amortize(input, input.Channels, stride * stride), Math.Min(input.GlobalRank, (long)input.Channels * positions));
    }

    /// <summary>
    /// Adds tensors of equal shape: a Minkowski sum of their Newton polytopes, whose regions are the common
    /// refinement of the terms' regions. The sum of copies of one tensor keeps that tensor's identity.
    /// </summary>
    /// <remarks>
    /// TODO: two sums of the same terms are one tensor, but each gets its own id, so a ReLU of both counts twice.
    /// Finding them needs a table of sums by term, and it takes two DARTS nodes with the same two weight-free edges,
    /// identity or pooling of the same inputs, to make such a pair.
    /// </remarks>
    public int Sum(ReadOnlySpan<int> terms, int channels, int positions)
    {
        // The first term that depends on the input (0 for none, since no handle is 0), and whether all such terms
        // are that one tensor. Constant terms add nothing to the ranks, but a non-zero one moves the hyperplanes.
        int first = 0;
        bool allSame = true;
        bool shifted = false;
        var ranks = default(RankTotals);
        foreach (int term in terms)
        {
            ref readonly TensorValue value = ref _tensors[term];
            if (value.DependsOnInput)
            {
                allSame &= first == 0 || term == first;
                first = first == 0 ? term : first;
            }

            shifted |= _shifted[term];
            ranks.Add(value);
        }

        if (first == 0)
        {
            int constant = Constant(channels, positions);
            _shifted[constant] = shifted;
            return constant;
        }

        return allSame && !shifted ? first : Combine(ranks, channels, positions);
    }

    /// <summary>
    /// Concatenates tensors along channels; the parts' regions combine as a product. A ReLU of the concatenation is
    /// the ReLUs of its parts side by side, so a part whose ReLU some operation has read already, or that repeats an
    /// earlier part, adds no hyperplane when the concatenation is read. Every such reading must come before this call,
    /// as it does in a DARTS cell, whose nodes only later nodes of the same cell read.
    /// </summary>
    public int Concatenate(ReadOnlySpan<int> parts)
    {
        int channels = 0;
        bool anyLive = false;
        var ranks = default(RankTotals);
        foreach (int part in parts)
        {
            ref readonly TensorValue value = ref _tensors[part];
            channels += value.Channels;
            anyLive |= value.DependsOnInput;
            ranks.Add(value);
        }

        int positions = _tensors[parts[0]].Positions;
        if (!anyLive)
        {
            int constant = Constant(channels, positions);
            foreach (int part in parts)
            {
                _shifted[constant] |= _shifted[part];
            }

            return constant;
        }

        int whole = Combine(ranks, channels, positions);
        AddReluView(whole, parts);
        return whole;
    }

    // The view has the concatenation's id, so that each of its readings counts once, through the largest.
    private void AddReluView(int whole, ReadOnlySpan<int> parts)
    {
        int freshChannels = 0;
        var fresh = default(RankTotals);
        for (int i = 0; i < parts.Length; i++)
        {
            ref readonly TensorValue value = ref _tensors[parts[i]];
            if (value.DependsOnInput && !_ledger.HasReluReading(value.Id) && !RepeatsEarlierPart(parts, i))
            {
                freshChannels += value.Channels;
                fresh.Add(value);
            }
        }

        // Copies, because Combine may grow the table and leave a reference into it pointing at the old array.
        TensorValue concatenation = _tensors[whole];
        if (freshChannels == concatenation.Channels)
        {
            return;
        }

        int view = Combine(fresh, freshChannels, concatenation.Positions);
        _tensors[view] = _tensors[view] with { Id = concatenation.Id };
        _reluViews[whole] = view;
    }

    private bool RepeatsEarlierPart(ReadOnlySpan<int> parts, int index)
    {
        for (int i = 0; i < index; i++)
        {
            if (_tensors[parts[i]].Id == _tensors[parts[index]].Id)
            {
                return true;
            }
        }

        return false;
    }

    // Returns the tensor whose hyperplanes a ReLU of this one adds: itself, or a concatenation's uncounted parts.
    private ref readonly TensorValue ReluView(int tensor)
    {
        int view = _reluViews[tensor];
        return ref _tensors[view == 0 ? tensor : view];
    }

    /// <summary>Records the classifier's read of a ReLU'd tensor through global average pooling: one output reads every position.</summary>
    public void ReadByClassifier(int source)
    {
        ref readonly TensorValue input = ref _tensors[source];
        if (input.DependsOnInput)
        {
            _ledger.ReadRelu(ReluView(source), input.Positions, consumerPositions: 1, share: input.Positions);
        }
    }

    // A sum or concatenation spans at most the sum of its parts' dimensions, and never more than its channels.
    private int Combine(in RankTotals ranks, int channels, int positions)
    {
        long globalRank = Math.Min(ranks.Global, Math.Min(InputDimension, (long)channels * positions));
        return Create(channels, positions, (int)Math.Min(channels, ranks.Local), (int)Math.Min(channels, ranks.Amortized), globalRank);
    }

    // The amortized rank never exceeds the whole tensor's dimension shared out over its positions, which keeps
    // sums of terms that come from one source from counting that source twice. An average over positions is at
    // most the largest position's span, so it never exceeds the local rank either.
    private int Create(int channels, int positions, int localRank, int amortizedRank, long globalRank)
    {
        long share = (globalRank + positions - 1) / positions;
        int amortized = (int)Math.Min(Math.Min(amortizedRank, share), localRank);
        return Add(dependsOnInput: true, channels, positions, localRank, amortized, globalRank);
    }

    // A tensor that depends on the input has its handle as its id; every other tensor has id 0.
    private int Add(bool dependsOnInput, int channels, int positions, int localRank, int amortizedRank, long globalRank)
    {
        int handle = _count++;
        if (handle == _tensors.Length)
        {
            Array.Resize(ref _tensors, 2 * _tensors.Length);
            Array.Resize(ref _reluViews, 2 * _reluViews.Length);
            Array.Resize(ref _shifted, 2 * _shifted.Length);
        }

        _reluViews[handle] = 0;
        _shifted[handle] = false;
        _tensors[handle] = new TensorValue(dependsOnInput ? handle : 0, channels, positions, localRank, amortizedRank, globalRank);
        return handle;
    }

    // Fewer positions share the same dimension after a stride, so each owns the dimensions of the input positions it reads.
    private static int Amortize(in TensorValue source, int channels, int share) =>
        (int)Math.Min(channels, (long)source.AmortizedRank * share);

    private static int OutputPositions(in TensorValue source, int stride) => Math.Max(1, source.Positions / (stride * stride));

    // The summed ranks of the parts of a sum or concatenation.
    private struct RankTotals
    {
        public long Local;
        public long Amortized;
        public long Global;

        public void Add(in TensorValue part)
        {
            Local += part.LocalRank;
            Amortized += part.AmortizedRank;
            Global += part.GlobalRank;
        }
    }
}

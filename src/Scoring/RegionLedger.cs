using System;

namespace Canopy.Scoring;

/// <summary>
/// Adds up, while a network is traced, the natural logarithm of its region count in one mode. Each place where
/// regions are born, a distinct ReLU'd tensor or a max pooling of a tensor, counts once through the largest reading
/// that later layers make of it. The ledger therefore keeps the best value per tensor id.
/// </summary>
internal sealed class RegionLedger
{
    private LocalBudget? _budget;

    // The best value per tensor id, with ReLU readings at 2·id and max poolings at 2·id + 1. A 0 means no reading yet.
    private double[] _best = new double[512];

    // The slots of _best that hold a value, so that summing and clearing visit only those.
    private int[] _filled = new int[256];
    private int _filledCount;
    private double[] _contributions = new double[256];
    private readonly AscendingSum _sum = new();

    public long InputDimension { get; private set; }

    /// <summary>Starts a count in the given mode. The ledger must be empty, as a new one or <see cref="SumAndClear"/> leaves it.</summary>
    /// <param name="budget">The per-position budget of the local count, or null for the global count.</param>
    /// <param name="inputDimension">Caps every global rank.</param>
    public void Start(LocalBudget? budget, long inputDimension)
    {
        _budget = budget;
        InputDimension = inputDimension;
    }

    /// <summary>Records that a consumer with <paramref name="consumerPositions"/> outputs reads ReLU(source) through <paramref name="window"/> taps.</summary>
    /// <param name="share">Input positions read per output position: 1 at stride 1, s² at a stride s whose windows cover every position, every position for a global read.</param>
    public void ReadRelu(in TensorValue source, int window, int consumerPositions, int share)
    {
        double value = _budget is { } budget
            ? consumerPositions * LocalRegionCount.LocalReluLog(source, window, share, budget)
            : LocalRegionCount.GlobalReluLog(source, ReadUnits(source, consumerPositions, share), InputDimension);

        Keep(2 * source.Id, value);
    }

    /// <summary>Records a max pooling of <paramref name="source"/> with windows of <paramref name="window"/> values.</summary>
    public void ReadMaxout(in TensorValue source, int window, int consumerPositions, int share)
    {
        double value = _budget is { } budget
            ? consumerPositions * LocalRegionCount.LocalMaxoutLog(source, window, share, budget)
            : LocalRegionCount.GlobalMaxoutLog(source, window, consumerPositions, InputDimension);
        Keep(2 * source.Id + 1, value);
    }

    /// <summary>Returns whether a consumer has read the ReLU of the tensor with this id, whose hyperplanes then count already.</summary>
    public bool HasReluReading(int id) => 2 * id < _best.Length && _best[2 * id] > 0;

    // A unit that no window reads cannot change the network function, so its hyperplane bounds no region.
    private static long ReadUnits(in TensorValue source, int consumerPositions, int share) =>
        source.Channels * Math.Min(source.Positions, (long)consumerPositions * share);

    private void Keep(int slot, double value)
    {
        if (slot >= _best.Length)
        {
            Array.Resize(ref _best, Math.Max(slot + 1, _best.Length * 2));
        }

        double best = _best[slot];
        if (value > best)
        {
            if (best == 0)
            {
                AddFilled(slot);
            }

            _best[slot] = value;
        }
    }

    private void AddFilled(int slot)
    {
        if (_filledCount == _filled.Length)
        {
            Array.Resize(ref _filled, _filled.Length * 2);
        }

        _filled[_filledCount++] = slot;
    }

    /// <summary>
    /// Returns the natural logarithm of the count and empties the ledger. The contributions are added in ascending
    /// order, so two networks with the same contributions get bit-identical totals whatever order their layers came
    /// in, and ties stay ties.
    /// </summary>
    public double SumAndClear()
    {
        if (_contributions.Length < _filledCount)
        {
            _contributions = new double[_filled.Length];
        }

        Span<double> contributions = _contributions.AsSpan(0, _filledCount);
        for (int i = 0; i < contributions.Length; i++)
        {
            contributions[i] = _best[_filled[i]];
            _best[_filled[i]] = 0;
        }

        _filledCount = 0;
        return _sum.Sum(contributions);
    }
}

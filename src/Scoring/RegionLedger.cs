using System;
using System.Collections.Generic;

namespace Canopy.Scoring;

/// <summary>
/// Adds up, while a network is traced, the natural logarithm of its region count in one mode. Each place where
/// regions are born, a distinct ReLU'd tensor or a max pooling of a tensor, counts once through the largest reading
/// that later layers make of it. The ledger therefore keeps the best value per tensor id.
/// </summary>
internal sealed class RegionLedger
{
    private readonly LocalBudget? _budget;
    private double[] _bestRelu = new double[256];
    private double[] _bestMaxout = new double[256];

    private RegionLedger(LocalBudget? budget, long inputDimension)
    {
        _budget = budget;
        InputDimension = inputDimension;
    }

    public long InputDimension { get; }

    /// <summary>
    /// The natural logarithm of the count so far. The contributions are added in ascending order, so two networks with
    /// the same contributions get bit-identical totals whatever order their layers came in, and ties stay ties.
    /// </summary>
    public double NaturalLog
    {
        get
        {
            var contributions = new List<double>();
            foreach (double[] best in new[] { _bestRelu, _bestMaxout })
            {
                foreach (double value in best)
                {
                    if (value > 0)
                    {
                        contributions.Add(value);
                    }
                }
            }

            contributions.Sort();
            double total = 0;
            foreach (double value in contributions)
            {
                total += value;
            }

            return total;
        }
    }

    /// <summary>Creates a ledger for the local count with the given per-position budget.</summary>
    public static RegionLedger Local(LocalBudget budget, long inputDimension) => new(budget, inputDimension);

    /// <summary>Creates a ledger for the global count, Montúfar's product over distinct ReLU'd tensors.</summary>
    public static RegionLedger Global(long inputDimension) => new(null, inputDimension);

    /// <summary>Records that a consumer with <paramref name="consumerPositions"/> outputs reads ReLU(source) through <paramref name="window"/> taps.</summary>
    public void ReadRelu(TensorValue source, int window, int consumerPositions)
    {
        double value = _budget is { } budget
            ? consumerPositions * LocalRegionCount.LocalReluLog(source, window, budget)
            : LocalRegionCount.GlobalReluLog(source, InputDimension);
        Keep(ref _bestRelu, source.Id, value);
    }

    /// <summary>Records a max pooling of <paramref name="source"/> with windows of <paramref name="window"/> values.</summary>
    public void ReadMaxout(TensorValue source, int window, int consumerPositions)
    {
        double value = _budget is not null
            ? consumerPositions * (double)source.Channels * Math.Log(window)
            : LocalRegionCount.GlobalMaxoutLog(source, window, consumerPositions, InputDimension);
        Keep(ref _bestMaxout, source.Id, value);
    }

    private void Keep(ref double[] best, int id, double value)
    {
        if (id >= best.Length)
        {
            Array.Resize(ref best, Math.Max(id + 1, best.Length * 2));
        }

        if (value > best[id])
        {
            best[id] = value;
        }
    }
}

using System;
using Canopy.Regions;

namespace Canopy.Scoring;

/// <summary>Evaluates a traced cell-based network in one of the region modes.</summary>
internal static class CellRegionCount
{
    /// <summary>Traces a network on an image of the given side and returns the base-10 logarithm of its count, and the formula used.</summary>
    /// <exception cref="NotSupportedException">The mode has no definition for cell-based networks.</exception>
    public static (double Log10, string Formula) Evaluate(RegionMode mode, int imageSide, Action<NetworkTracer> trace)
    {
        long inputDimension = 3L * imageSide * imageSide;
        LocalBudget? budget = mode switch
        {
            RegionMode.Generic => LocalBudget.ReceptiveField,
            RegionMode.BottleneckBound => LocalBudget.Amortized,
            RegionMode.TropicalBound => LocalBudget.None,
            RegionMode.GlobalBound => null,
            _ => throw new NotSupportedException(ModeSupport.NotDefinedMessage(mode)),
        };

        double naturalLog = NetworkTracer.Count(budget, inputDimension, trace);

        string formula = mode switch
        {
            RegionMode.TropicalBound => "local receptive-window count without dimension budgets",
            RegionMode.BottleneckBound => "local receptive-window count with the input dimension shared out over positions",
            RegionMode.GlobalBound => "global count: Montúfar (2017) product over distinct ReLU'd tensors",
            _ => "local receptive-window count with receptive-field dimension budgets (Xiong et al. 2020)",
        };

        return (naturalLog / Math.Log(10.0), formula);
    }
}

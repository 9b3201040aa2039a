using System;
using Canopy.Regions;

namespace Canopy.Scoring;

/// <summary>Evaluates a traced cell-based network in one of the region modes.</summary>
internal static class CellRegionCount
{
    /// <summary>Returns the base-10 logarithm of the count, and the formula used.</summary>
    /// <exception cref="NotSupportedException">The mode has no definition for cell-based networks.</exception>
    public static (double Log10, string Formula) Evaluate(NetworkTracer tracer, RegionMode mode)
    {
        double naturalLog = mode switch
        {
            RegionMode.Generic or RegionMode.BottleneckBound => LocalRegionCount.LocalLog(tracer, useBottleneck: true),
            RegionMode.TropicalBound => LocalRegionCount.LocalLog(tracer, useBottleneck: false),
            RegionMode.GlobalBound => LocalRegionCount.GlobalLog(tracer),
            _ => throw new NotSupportedException(
                $"The {mode} mode is defined for fully connected networks only; cell-based networks support Generic, TropicalBound, BottleneckBound and GlobalBound."),
        };

        string formula = mode switch
        {
            RegionMode.TropicalBound => "local receptive-window count without dimension budgets",
            RegionMode.GlobalBound => "global count: Montúfar (2017) product over distinct ReLU'd tensors",
            _ => "local receptive-window count with dimension budgets (Xiong et al. 2020; Montúfar 2017)",
        };

        return (naturalLog / Math.Log(10.0), formula);
    }
}

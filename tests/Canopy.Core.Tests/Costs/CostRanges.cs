using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Costs;
using Xunit;

namespace Canopy.Tests.Costs;

/// <summary>Compares the range of a space's counts with a table that prints millions of parameters to 4 decimals
/// and millions of FLOPs to 2.</summary>
internal static class CostRanges
{
    public static void AssertMatches(IEnumerable<NetworkCost> costs, double minMillionParameters, double maxMillionParameters, double minMegaFlops, double maxMegaFlops)
    {
        NetworkCost[] all = costs.ToArray();

        Assert.Equal(minMillionParameters, Math.Round(all.Min(cost => cost.Parameters) / 1e6, 4));
        Assert.Equal(maxMillionParameters, Math.Round(all.Max(cost => cost.Parameters) / 1e6, 4));
        Assert.Equal(minMegaFlops, Math.Round(all.Min(cost => cost.Flops) / 1e6, 2));
        Assert.Equal(maxMegaFlops, Math.Round(all.Max(cost => cost.Flops) / 1e6, 2));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;
using Canopy.Regions;

namespace Canopy.Scoring;

/// <summary>Which region modes are defined for which search spaces.</summary>
public static class ModeSupport
{
    // Serra et al.'s recursion and the lower-bound constructions are proved for chains of fully connected layers only.
    private static readonly RegionMode[] CellModes =
        { RegionMode.Generic, RegionMode.TropicalBound, RegionMode.BottleneckBound, RegionMode.GlobalBound };

    /// <summary>Checks whether architectures of the search space can be scored in the mode.</summary>
    public static bool IsDefined(RegionMode mode, SearchSpace space) =>
        space == SearchSpace.Mlp ? Enum.IsDefined(mode) : CellModes.Contains(mode);

    /// <summary>Lists the modes defined for the search space, in the order of <see cref="RegionMode"/>.</summary>
    public static IReadOnlyList<RegionMode> DefinedFor(SearchSpace space) =>
        Enum.GetValues<RegionMode>().Where(mode => IsDefined(mode, space)).ToArray();

    /// <summary>Formats the error message for a mode that cell-based networks lack, naming the modes they support.</summary>
    public static string NotDefinedMessage(RegionMode mode) =>
        $"The {mode} mode is defined for fully connected networks only; cell-based networks support " +
        $"{string.Join(", ", CellModes[..^1])} and {CellModes[^1]}.";
}

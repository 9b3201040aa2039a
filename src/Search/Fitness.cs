using System;

namespace Canopy.Search;

/// <summary>
/// The value a search maximises: the objective first, then the tie-breaker (0 when there is none). Equal fitness
/// is settled by the caller in favour of the earlier evaluation.
/// </summary>
/// <remarks>
/// Values within a relative <see cref="Tolerance"/> count as equal. Two architectures can reach the same exact
/// region count through different sums of logarithms, which floating point need not round alike, and such a
/// difference must not decide a tie.
/// </remarks>
internal readonly record struct Fitness(double Objective, double TieBreak) : IComparable<Fitness>
{
    /// <summary>The relative difference below which two values are equal; rounding noise is about 1e-15.</summary>
    public const double Tolerance = 1e-12;

    public int CompareTo(Fitness other)
    {
        int byObjective = Compare(Objective, other.Objective);
        return byObjective != 0 ? byObjective : Compare(TieBreak, other.TieBreak);
    }

    private static int Compare(double left, double right)
    {
        double scale = Math.Max(Math.Abs(left), Math.Abs(right));
        return Math.Abs(left - right) <= Tolerance * scale ? 0 : left.CompareTo(right);
    }
}

namespace Canopy.Plotting;

/// <summary>The spread over seeds that a trajectory plot shades around each mean line.</summary>
public enum TrajectoryBand
{
    /// <summary>From the smallest to the largest value over the seeds.</summary>
    MinMax,

    /// <summary>The mean plus and minus one sample standard deviation over the seeds.</summary>
    StandardDeviation,
}

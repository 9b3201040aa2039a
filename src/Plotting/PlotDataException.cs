using System;

namespace Canopy.Plotting;

/// <summary>The exception thrown when the data cannot make the requested plot, for example too few points.</summary>
public class PlotDataException : Exception
{
    public PlotDataException(string message)
        : base(message)
    {
    }
}

/// <summary>The exception thrown when values lie beyond the scale that double-precision coordinates can draw.</summary>
public sealed class PlotRangeException : PlotDataException
{
    public PlotRangeException(string message)
        : base(message)
    {
    }
}

using System;

namespace Canopy.Plotting;

/// <summary>The exception thrown when the data cannot make the requested plot, for example too few points.</summary>
public sealed class PlotDataException : Exception
{
    public PlotDataException(string message)
        : base(message)
    {
    }
}

using System;

namespace Canopy.Regions;

/// <summary>Thrown when a count would take longer than its documented work limit.</summary>
public sealed class RegionCountTooLargeException : Exception
{
    public RegionCountTooLargeException(string message)
        : base(message)
    {
    }
}

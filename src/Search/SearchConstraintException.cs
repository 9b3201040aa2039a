using System;

namespace Canopy.Search;

/// <summary>A parameter limit, a FLOP limit or both that no architecture of the search space meets.</summary>
public sealed class SearchConstraintException : Exception
{
    public SearchConstraintException(
        string message, string smallestArchitecture, long? brokenParameterLimit, long? smallestParameters, long? brokenFlopLimit, long? smallestFlops)
        : base(message)
    {
        SmallestArchitecture = smallestArchitecture;
        BrokenParameterLimit = brokenParameterLimit;
        SmallestParameters = smallestParameters;
        BrokenFlopLimit = brokenFlopLimit;
        SmallestFlops = smallestFlops;
    }

    /// <summary>The smallest architecture of the space, in canonical form.</summary>
    public string SmallestArchitecture { get; }

    /// <summary>The parameter limit when even the smallest architecture exceeds it, otherwise null.</summary>
    public long? BrokenParameterLimit { get; }

    /// <summary>The parameter count of the smallest architecture, or null when above Int64.</summary>
    public long? SmallestParameters { get; }

    /// <summary>The FLOP limit when even the smallest architecture exceeds it, otherwise null.</summary>
    public long? BrokenFlopLimit { get; }

    /// <summary>The FLOP count of the smallest architecture, or null when above Int64.</summary>
    public long? SmallestFlops { get; }
}

using System;

namespace Canopy.Search;

/// <summary>A parameter or FLOP limit that no architecture of the search space meets.</summary>
public sealed class SearchConstraintException : Exception
{
    public SearchConstraintException(string message, long limit, bool isFlopLimit, string smallestArchitecture, long? smallestValue)
        : base(message)
    {
        Limit = limit;
        IsFlopLimit = isFlopLimit;
        SmallestArchitecture = smallestArchitecture;
        SmallestValue = smallestValue;
    }

    /// <summary>The parameter or FLOP limit that cannot be met.</summary>
    public long Limit { get; }

    /// <summary>True when <see cref="Limit"/> bounds FLOPs, false when it bounds parameters.</summary>
    public bool IsFlopLimit { get; }

    /// <summary>The smallest architecture of the space, in canonical form.</summary>
    public string SmallestArchitecture { get; }

    /// <summary>Its parameter or FLOP count, whichever the limit is on; null when above Int64.</summary>
    public long? SmallestValue { get; }
}

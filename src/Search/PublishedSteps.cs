namespace Canopy.Search;

/// <summary>Which steps of each seed a <see cref="ParallelSearch"/> hands to its reader.</summary>
public enum PublishedSteps
{
    /// <summary>Every step, for a trajectory.</summary>
    All,

    /// <summary>Only the steps that found a new best architecture, for a summary.</summary>
    Improvements,
}

namespace Canopy.Search;

/// <summary>Whether an evaluated candidate could join the population and become the best architecture.</summary>
public enum EvaluationStatus
{
    /// <summary>Scored and within every limit.</summary>
    Accepted,

    /// <summary>More parameters than the search's maximum (or more than Int64 holds).</summary>
    ParameterLimitExceeded,

    /// <summary>More FLOPs than the search's maximum (or more than Int64 holds).</summary>
    FlopLimitExceeded,

    /// <summary>The scorer could not count its regions, for example above the work limit of the region mode.</summary>
    ScoringFailed,
}

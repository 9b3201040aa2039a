namespace Canopy.Search;

/// <summary>The value a search maximises.</summary>
public enum SearchObjective
{
    /// <summary>The Canopy score: the base-10 logarithm of the region count in the search's region mode.</summary>
    TropicalScore,

    /// <summary>The exact parameter count of the benchmark network, the size baseline a score must beat.</summary>
    ParameterCount,

    /// <summary>The exact multiply-accumulate count of the benchmark network for one input.</summary>
    Flops,
}

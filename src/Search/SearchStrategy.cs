namespace Canopy.Search;

/// <summary>How a search proposes the architectures it evaluates.</summary>
public enum SearchStrategy
{
    /// <summary>
    /// Regularized (aging) evolution of Real et al. (2019, Algorithm 1): tournament selection, one mutation per
    /// child, and the oldest member of the population dies.
    /// </summary>
    RegularizedEvolution,

    /// <summary>Random search: architectures drawn uniformly from the space, the best one kept.</summary>
    Random,
}

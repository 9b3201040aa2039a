namespace Canopy.Regions;

/// <summary>Which region count a score reports; docs/method.md gives each formula and its source.</summary>
public enum RegionMode
{
    /// <summary>The maximal count for generic weights: exact where known, else the tightest upper bound Canopy implements.</summary>
    Generic,

    /// <summary>The tropical upper bound of Zhang, Naitzat and Lim (2018).</summary>
    TropicalBound,

    /// <summary>The dimension-bottleneck upper bound of Montúfar (2017).</summary>
    BottleneckBound,

    /// <summary>The upper bound of Serra, Tjandraatmadja and Ramalingam (2018).</summary>
    SerraBound,

    /// <summary>The best lower bound whose conditions hold (Serra et al. 2018 or Montúfar et al. 2014).</summary>
    LowerBound,

    /// <summary>
    /// The global count of the whole network on its input space: Montúfar's (2017) product over the distinct
    /// ReLU'd tensors. For fully connected networks it equals <see cref="BottleneckBound"/>.
    /// </summary>
    GlobalBound,
}

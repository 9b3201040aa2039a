namespace Canopy.Architectures;

/// <summary>Which DARTS network a genotype is evaluated in.</summary>
public enum DartsNetwork
{
    /// <summary>The NAS-Bench-301 training network: 8 cells, 32 initial channels.</summary>
    NasBench301,

    /// <summary>The DARTS evaluation network on CIFAR-10: 20 cells, 36 initial channels.</summary>
    Evaluation,
}

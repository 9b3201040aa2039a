namespace Canopy.Architectures;

/// <summary>The architecture families Canopy reads, scores and searches.</summary>
public enum SearchSpace
{
    /// <summary>NATS-Bench topology space (NAS-Bench-201): 5^6 = 15,625 cells.</summary>
    NatsTopology,

    /// <summary>NATS-Bench size space: 8^5 = 32,768 channel lists.</summary>
    NatsSize,

    /// <summary>DARTS cells (NAS-Bench-301 and the DARTS evaluation network).</summary>
    Darts,

    /// <summary>Fully connected ReLU networks given by input dimension and hidden widths.</summary>
    Mlp,
}

namespace Canopy.Search;

/// <summary>
/// What decides between two architectures with equal objective values. Whatever remains equal after it goes to
/// the architecture evaluated first.
/// </summary>
public enum TieBreaker
{
    /// <summary>Nothing: of equal objective values, the one evaluated first wins.</summary>
    None,

    /// <summary>The larger parameter count wins, which makes the objective lexicographic.</summary>
    ParameterCount,

    /// <summary>The larger FLOP count wins.</summary>
    Flops,
}

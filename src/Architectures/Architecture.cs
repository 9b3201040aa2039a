using System;

namespace Canopy.Architectures;

/// <summary>
/// An architecture of one search space. Every architecture prints a canonical string, and parsing that string
/// gives an equal architecture, so canonical strings can serve as keys in the benchmark cache.
/// </summary>
public abstract class Architecture : IEquatable<Architecture>
{
    public abstract SearchSpace SearchSpace { get; }

    /// <summary>The canonical text form, for example a NAS-Bench-201 cell string.</summary>
    public abstract string Canonical { get; }

    public bool Equals(Architecture? other) =>
        other is not null && other.SearchSpace == SearchSpace && string.Equals(other.Canonical, Canonical, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Architecture other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(SearchSpace, StringComparer.Ordinal.GetHashCode(Canonical));

    public override string ToString() => Canonical;
}

using Canopy.Architectures;

namespace Canopy.Storage;

/// <summary>One record read and canonicalised by <see cref="RowParser"/>, ready for <see cref="RowWriter"/>.</summary>
internal sealed class ParsedRow
{
    public required long LineNumber { get; init; }

    /// <summary>The values in column order. A JSON record read before later columns appeared has fewer.</summary>
    public required object?[] Values { get; init; }

    /// <summary>The canonical architecture, or null when the row is rejected.</summary>
    public string? Canonical { get; init; }

    public SearchSpace SearchSpace { get; init; }

    public long ArchitectureHash { get; init; }

    /// <summary>Why the row cannot be stored, or null.</summary>
    public string? Problem { get; init; }
}

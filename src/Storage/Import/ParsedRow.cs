using Canopy.Architectures;

namespace Canopy.Storage.Import;

/// <summary>
/// One record of an import: <see cref="RowReader"/> fills in its line and values, <see cref="RowParser"/> its
/// canonical architecture, and <see cref="RowWriter"/> stores it.
/// </summary>
internal sealed class ParsedRow
{
    public required long LineNumber { get; init; }

    /// <summary>The values in column order. A JSON record read before later columns appeared has fewer.</summary>
    public required object?[] Values { get; init; }

    /// <summary>How many leading columns the record has fields for; later columns are missing, not empty.</summary>
    public required int FieldCount { get; init; }

    /// <summary>The canonical architecture, or null when the row is rejected or not parsed yet.</summary>
    public string? Canonical { get; set; }

    public SearchSpace SearchSpace { get; set; }

    public long ArchitectureHash { get; set; }

    /// <summary>Why the row cannot be stored, or null.</summary>
    public string? Problem { get; set; }
}

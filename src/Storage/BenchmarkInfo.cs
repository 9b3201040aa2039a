using System;
using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Storage;

/// <summary>One stored benchmark as listed by Get-CanopyBenchmark.</summary>
public sealed class BenchmarkInfo
{
    public required string Name { get; init; }

    public required long Rows { get; init; }

    /// <summary>The column names in the order of the imported file.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The column that contains the architecture, in canonical form.</summary>
    public required string ArchitectureColumn { get; init; }

    /// <summary>The names of the search spaces of the stored architectures, for example "NatsTopology".</summary>
    public required IReadOnlyList<string> SearchSpaces { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }

    /// <summary>The full path of the imported file.</summary>
    public required string Source { get; init; }

    /// <summary>"CSV", "JSON", with " (gzip)" for a compressed file.</summary>
    public required string Format { get; init; }

    public required string Database { get; init; }

    internal long Id { get; init; }

    internal int ArchitecturePosition { get; init; }
}

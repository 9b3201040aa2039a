using System;
using System.Collections.Generic;

namespace Canopy.Storage;

/// <summary>The outcome of one import.</summary>
public sealed class ImportSummary
{
    /// <summary>How many rejections <see cref="Rejections"/> keeps; every rejection is still counted and reported.</summary>
    public const int MaxRejectionsKept = 1000;

    public required string Name { get; init; }

    public required long RowsStored { get; init; }

    public required long RowsRejected { get; init; }

    /// <summary>The first <see cref="MaxRejectionsKept"/> rejected rows, with line number and reason.</summary>
    public required IReadOnlyList<RowRejection> Rejections { get; init; }

    public required string Database { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required string Source { get; init; }

    /// <summary>"CSV" or "JSON", with " (gzip)" for a compressed file.</summary>
    public required string Format { get; init; }

    public required string ArchitectureColumn { get; init; }

    /// <summary>Whether an existing benchmark of the same name was replaced.</summary>
    public required bool Replaced { get; init; }

    /// <summary>
    /// Messages about names and values that were stored otherwise than the file wrote them: blank column names and,
    /// in JSON, nested objects or arrays.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Canopy.Architectures;

namespace Canopy.Storage;

/// <summary>
/// Canonicalises the architectures of the rows that <see cref="RowReader"/> read, on a dedicated thread, while the
/// reader reads the next batch and the calling thread writes the previous one.
/// </summary>
internal sealed class RowParser
{
    private readonly int _architectureColumn;
    private readonly SearchSpace? _searchSpace;
    private readonly IArchitectureCanonicalizer _canonicalizer;

    public RowParser(int architectureColumn, SearchSpace? searchSpace, IArchitectureCanonicalizer canonicalizer)
    {
        _architectureColumn = architectureColumn;
        _searchSpace = searchSpace;
        _canonicalizer = canonicalizer;
    }

    /// <summary>
    /// Parses every batch from <paramref name="input"/> into <paramref name="output"/>, and marks the output complete
    /// when the input is, or on failure.
    /// </summary>
    public void Run(BlockingCollection<RowBatch> input, BlockingCollection<RowBatch> output, CancellationToken cancellationToken)
    {
        try
        {
            foreach (RowBatch batch in input.GetConsumingEnumerable(cancellationToken))
            {
                foreach (ParsedRow row in batch.Rows)
                {
                    Parse(row, batch.Columns);
                }

                output.Add(batch, cancellationToken);
            }
        }
        finally
        {
            output.CompleteAdding();
        }
    }

    private void Parse(ParsedRow row, IReadOnlyList<string> columns)
    {
        if (row.Problem is not null)
        {
            return;
        }

        string? text = Convert.ToString(row.Values[_architectureColumn], CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(text))
        {
            row.Problem = $"the architecture column '{columns[_architectureColumn]}' is empty";
            return;
        }

        if (!_canonicalizer.TryCanonicalize(text, _searchSpace, out string canonical, out SearchSpace detected, out string? error))
        {
            row.Problem = $"the architecture '{Shorten(text)}' is invalid: {error}";
            return;
        }

        row.Canonical = canonical;
        row.SearchSpace = detected;
        row.ArchitectureHash = ArchitectureHash.Compute(canonical);
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..117] + "..." : text;
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Search;

/// <summary>A target column in which no row of the stored benchmark contains a number, such as a column of names.</summary>
public sealed class TargetColumnNotNumericException : Exception
{
    public TargetColumnNotNumericException(string benchmark, string column, IReadOnlyList<string> numericColumns)
        : base($"The column '{column}' of benchmark '{benchmark}' contains no number in any row, so the search would report no accuracy. " +
            (numericColumns.Count == 0
                ? "No column of the benchmark contains numbers; import a file with accuracies."
                : $"Choose a numeric column with -Target: {string.Join(", ", numericColumns.Select(name => "'" + name + "'"))}."))
    {
        Benchmark = benchmark;
        Column = column;
    }

    public string Benchmark { get; }

    public string Column { get; }
}

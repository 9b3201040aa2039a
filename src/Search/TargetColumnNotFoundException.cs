using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Search;

/// <summary>A target column that the stored benchmark does not have.</summary>
public sealed class TargetColumnNotFoundException : Exception
{
    public TargetColumnNotFoundException(string benchmark, string column, IReadOnlyList<string> columns)
        : base($"The benchmark '{benchmark}' has no column '{column}'. Its columns are {string.Join(", ", columns.Select(name => "'" + name + "'"))}.")
    {
        Benchmark = benchmark;
        Column = column;
    }

    public string Benchmark { get; }

    public string Column { get; }
}

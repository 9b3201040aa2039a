using System;

namespace Canopy.Search;

/// <summary>A target column in which no row of the stored benchmark contains a number, such as a column of names.</summary>
public sealed class TargetColumnNotNumericException : Exception
{
    public TargetColumnNotNumericException(string benchmark, string column)
        : base($"The column '{column}' of benchmark '{benchmark}' contains no number in any row, so the search would report no accuracy. Choose a numeric column, such as an accuracy, with -Target.")
    {
        Benchmark = benchmark;
        Column = column;
    }

    public string Benchmark { get; }

    public string Column { get; }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Architectures;

namespace Canopy.Storage.Import;

/// <summary>Picks the column of a benchmark file that contains architectures.</summary>
public static class ArchitectureColumns
{
    /// <summary>The column names tried in order, ignoring case, when the caller names none.</summary>
    public static IReadOnlyList<string> Candidates { get; } = new[] { "ArchitectureString", "arch_str", "arch", "Architecture", "genotype", "arch_repr" };

    /// <summary>Returns the position of the requested column, or of the first candidate present, or -1.</summary>
    public static int Find(IReadOnlyList<string> columns, string? requested)
    {
        IEnumerable<string> wanted = requested is null ? Candidates : new[] { requested };
        foreach (string name in wanted)
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Returns the position of the column that contains architectures: the requested one, else the first candidate
    /// present, else the first of <see cref="MlpFields.WidthsNames"/> present; -1 when there is none.
    /// </summary>
    public static int FindArchitecture(IReadOnlyList<string> columns, string? requested)
    {
        int position = Find(columns, requested);
        if (position >= 0 || requested is not null)
        {
            return position;
        }

        foreach (string name in MlpFields.WidthsNames)
        {
            position = Find(columns, name);
            if (position >= 0)
            {
                return position;
            }
        }

        return -1;
    }

    // Enough names to recognise a file by, not a whole binary file's worth of them.
    private const int ListedColumns = 20;

    /// <summary>Explains why no architecture column was found, listing what was looked for and what exists.</summary>
    public static string DescribeMissing(IReadOnlyList<string> columns, string? requested)
    {
        string present = columns.Count == 0 ? "none" : string.Join(", ", columns.Take(ListedColumns).Select(column => "'" + Printable(column) + "'"));
        if (columns.Count > ListedColumns)
        {
            present += $" and {columns.Count - ListedColumns:N0} more";
        }

        if (requested is not null)
        {
            return $"The column '{requested}' given by -ArchitectureProperty does not exist; the file has the columns {present}.";
        }

        string message = $"No column contains architectures. Looked for {string.Join(", ", Candidates)}, and for the MLP widths columns {string.Join(", ", MlpFields.WidthsNames)} (ignoring case) among the columns {present}. Name the column with -ArchitectureProperty.";
        string? index = BenchmarkIndexText.FindIndexName(columns);
        return index is null ? message : $"{message} The column '{index}' contains benchmark indices. {BenchmarkIndexText.Remedy}";
    }

    // The header of a binary file read as text contains control characters, which would garble the console, so the
    // message shows them as the replacement character and cuts a long name.
    private static string Printable(string column)
    {
        string printable = new(column.Select(character => char.IsControl(character) ? '\uFFFD' : character).ToArray());
        return TextExcerpt.Of(printable, 40);
    }
}

using System;
using System.Collections.Generic;

namespace Canopy.Storage.Input;

/// <summary>Checks a file's column names the way Import-Csv does, so records read back bind the same way.</summary>
internal static class ColumnNames
{
    /// <summary>
    /// Names empty headers H1, H2, ... as Import-Csv does, with one message each in <paramref name="warnings"/>, and
    /// rejects names that repeat ignoring case, because a PowerShell object cannot hold two properties whose names
    /// differ only in case.
    /// </summary>
    public static string[] Normalize(IReadOnlyList<string> header, string path, List<string> warnings)
    {
        var names = new string[header.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int unnamed = 0;
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                name = "H" + ++unnamed;
                warnings.Add($"Column {i + 1} of the header has no name, so it is stored as '{name}', the name Import-Csv gives it.");
            }

            if (!seen.Add(name))
            {
                throw new BenchmarkFileException(path, 1, $"The column name '{name}' appears more than once in the header; rename one of the columns.");
            }

            names[i] = name;
        }

        return names;
    }
}

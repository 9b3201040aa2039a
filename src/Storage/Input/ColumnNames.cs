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
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var generated = new HashSet<int>();
        int unnamed = 0;
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                name = "H" + ++unnamed;
                generated.Add(i);

                // Import-Csv drops a last header field that is empty, with its values, so Canopy's name is its own there.
                warnings.Add(i == header.Count - 1
                    ? $"The last column of the header, column {i + 1}, has no name, so it is stored as '{name}'. Import-Csv would drop this column and its values."
                    : $"Column {i + 1} of the header has no name, so it is stored as '{name}', the name Import-Csv gives it.");
            }

            if (seen.TryGetValue(name, out int earlier))
            {
                throw new BenchmarkFileException(path, 1, DuplicateMessage(header, name, earlier, i, generated));
            }

            seen.Add(name, i);
            names[i] = name;
        }

        return names;
    }

    // A name given to a column without one can collide with a real name, and the message must not claim the file repeats it.
    private static string DuplicateMessage(IReadOnlyList<string> header, string name, int earlier, int later, HashSet<int> generated)
    {
        int? unnamedColumn = generated.Contains(later) ? later : generated.Contains(earlier) ? earlier : null;
        if (unnamedColumn is { } column)
        {
            int named = column == later ? earlier : later;
            string source = column == header.Count - 1 ? "the name Canopy gives it" : "the name Import-Csv gives it";
            return $"Column {column + 1} of the header has no name, and '{name}', {source}, collides with '{header[named]}', the name of column {named + 1}; name column {column + 1} or rename column {named + 1}.";
        }

        return $"The column name '{name}' appears more than once in the header (columns {earlier + 1} and {later + 1}); rename one of the columns.";
    }
}

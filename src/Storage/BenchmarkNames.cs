using System;
using System.Collections.Generic;

namespace Canopy.Storage;

/// <summary>
/// The one rule by which benchmark names are compared: ordinally, ignoring the case of every letter by the invariant
/// culture's simple case mapping, so 'émotion' and 'ÉMOTION' name one benchmark. SQLite's NOCASE folds only the ASCII
/// letters, so the cache never compares names in SQL.
/// </summary>
public static class BenchmarkNames
{
    /// <summary>The comparison of two benchmark names.</summary>
    public const StringComparison Comparison = StringComparison.OrdinalIgnoreCase;

    /// <summary>Returns whether two benchmark names name the same benchmark.</summary>
    public static bool AreSame(string first, string second) => string.Equals(first, second, Comparison);

    /// <summary>Returns whether <paramref name="name"/> starts with <paramref name="prefix"/>, for tab completion.</summary>
    public static bool StartsWith(string name, string prefix) => name.StartsWith(prefix, Comparison);

    /// <summary>
    /// Returns the stored name that <paramref name="name"/> selects, or null. That is the stored name spelled exactly
    /// so, else the first in ordinal order of those that differ from it only in case.
    /// </summary>
    /// <remarks>
    /// Earlier builds, which compared names with SQLite's NOCASE alone, could store names that differ only in the case
    /// of non-ASCII letters, such as 'émotion' and 'ÉMOTION'. Each of them stays reachable under its exact spelling.
    /// </remarks>
    public static string? Find(IEnumerable<string> storedNames, string name)
    {
        string? found = null;
        foreach (string stored in storedNames)
        {
            if (string.Equals(stored, name, StringComparison.Ordinal))
            {
                return stored;
            }

            if (AreSame(stored, name) && (found is null || string.CompareOrdinal(stored, found) < 0))
            {
                found = stored;
            }
        }

        return found;
    }
}

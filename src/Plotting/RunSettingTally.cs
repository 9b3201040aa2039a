using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Canopy.Plotting;

/// <summary>
/// Collects the values of the search settings that tell runs apart, such as Strategy and Mode, so that a warning about
/// merged runs can name the properties that differ between them.
/// </summary>
internal sealed class RunSettingTally
{
    // The settings that Invoke-CanopySearch writes into every record of a run.
    private static readonly string[] SettingNames = { "Strategy", "Objective", "Mode", "TieBreaker", "SearchSpace", "Dataset", "DartsNetwork", "TargetColumn" };

    private readonly Dictionary<string, HashSet<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the settings of one record; a setting the record lacks counts as an empty value.</summary>
    public void Add(PropertyReader read)
    {
        foreach (string name in SettingNames)
        {
            string text = read(name, out object? value) ? Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty : string.Empty;
            if (!_values.TryGetValue(name, out HashSet<string>? seen))
            {
                seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                _values[name] = seen;
            }

            seen.Add(text);
        }
    }

    /// <summary>Returns the settings with more than one value, in a fixed order.</summary>
    public IReadOnlyList<string> Varying() => SettingNames
        .Where(name => _values.TryGetValue(name, out HashSet<string>? seen) && seen.Count > 1)
        .ToList();
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Storage.Import;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>Finds the property of a piped record that contains its architecture.</summary>
internal static class ArchitectureProperties
{
    /// <summary>The property names looked for, in order, when no name is given; PowerShell matches them in any case.</summary>
    public static readonly IReadOnlyList<string> Candidates = ArchitectureColumns.Candidates;

    /// <summary>Returns the named property, or the first candidate the record has; null when there is none.</summary>
    public static PSPropertyInfo? Find(PSObject record, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            return record.Properties[name];
        }

        foreach (string candidate in Candidates)
        {
            PSPropertyInfo? property = record.Properties[candidate];
            if (property is not null)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the first property of the usual names, or else of the MLP widths names, whose value is not blank; null
    /// when there is none.
    /// </summary>
    public static PSPropertyInfo? FindFilled(PSObject record)
    {
        foreach (string name in Candidates.Concat(MlpFields.WidthsNames))
        {
            if (record.Properties[name] is { } property && !RecordValues.IsBlank(RecordValues.Unwrap(RecordValues.Read(property))))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>Returns the value as a string, unwrapping PowerShell's object wrapper; null for null.</summary>
    public static string? Text(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
    {
        null => null,
        string text => text,
        object other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
    };
}

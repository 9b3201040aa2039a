using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Counts the MLP records that carried no InputDimension and so got the default input dimension, so that one warning
/// can report them and name a column that may hold the dimension under another name, such as input_dim.
/// </summary>
internal sealed class DefaultInputDimensions
{
    private string? _similarColumn;

    /// <summary>The number of MLP records that got the default input dimension.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Counts one MLP; <paramref name="widthsProperty"/> is the property of <paramref name="record"/> its widths came
    /// from. Both are null for a string of widths.
    /// </summary>
    public void Add(PSObject? record, string? widthsProperty)
    {
        // The records of one file share their columns, so the first record is checked for a similar name.
        if (Count == 0 && record is not null && widthsProperty is not null)
        {
            _similarColumn = MlpFields.FindInputDimensionLikeName(record.Properties.Select(property => property.Name), widthsProperty);
        }

        Count++;
    }

    /// <summary>Describes the MLPs that got the default input dimension, or returns null when there were none.</summary>
    public string? Describe() => Count == 0 ? null : MlpFields.DescribeDefaultInputDimension(Count, "MLP", _similarColumn, "property");
}

using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Counts the MLP records that carried no InputDimension and so got the default input dimension, so that one warning
/// can report them and name a column that may hold the dimension under another name, such as input_dim.
/// </summary>
internal sealed class DefaultInputDimensions
{
    private string? _similarColumn;

    /// <summary>The number of MLP records that got the default input dimension.</summary>
    public long Count { get; private set; }

    /// <summary>Counts one record; <paramref name="widthsProperty"/> is the property its widths came from.</summary>
    public void Add(PSObject record, string widthsProperty)
    {
        // The records of one file share their columns, so the first record is checked for a similar name.
        if (Count == 0)
        {
            _similarColumn = MlpFields.FindInputDimensionLikeName(record.Properties.Select(property => property.Name), widthsProperty);
        }

        Count++;
    }

    /// <summary>Describes the records that got <paramref name="dimension"/>, or returns null when there were none.</summary>
    public string? Describe(long dimension)
    {
        if (Count == 0)
        {
            return null;
        }

        string records = Count == 1 ? "1 MLP record had" : $"{Count:N0} MLP records had";
        string similar = _similarColumn is null ? string.Empty : $" The property '{_similarColumn}' was not read as the input dimension.";
        return $"{records} no {MlpFields.InputDimensionName} value, so the default of {dimension} inputs, a 32 × 32 RGB image, was used.{similar} " +
            $"Give -InputDimension, or name the column {MlpFields.InputDimensionName}.";
    }

}

using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Costs;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Recognises the records of New-CanopyArchitecture and Get-CanopyArchitecture after Export-Csv, ConvertTo-Json or
/// Select-Object: their Network column contains Canopy's description of the architecture's network, so their Dataset,
/// Network, ParameterCount and Flops columns are Canopy's too.
/// </summary>
internal sealed class ExportedArchitectures
{
    private const string PropertyName = "Network";

    // Whether records are looked at for a Network property. The first record decides, because looking up a missing
    // name searches the type table and the adapter for every record, and only Canopy's exports carry the column.
    private bool? _recordsHaveNetwork;

    /// <summary>Returns whether the record's Network column describes the network of <paramref name="architecture"/>.</summary>
    public bool Recognise(PSObject record, Architecture architecture)
    {
        if (_recordsHaveNetwork == false)
        {
            return false;
        }

        PSPropertyInfo? property = record.Properties[PropertyName];
        _recordsHaveNetwork ??= property is not null;
        return property is not null && NetworkDescription.Describes(ArchitectureProperties.Text(RecordValues.Read(property)), architecture);
    }
}

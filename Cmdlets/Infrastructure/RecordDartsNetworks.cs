using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Reads the DartsNetwork property of piped records of DARTS genotypes, such as exported scores and search records,
/// so that a genotype counted in the evaluation network is scored there again.
/// </summary>
internal sealed class RecordDartsNetworks
{
    private const string PropertyName = "DartsNetwork";

    // Whether records are looked at for the property. The first DARTS record decides, as for RecordDatasets.
    private bool? _recordsHaveNetwork;

    /// <summary>Returns the network the record's DartsNetwork names, or null when it has none or names none.</summary>
    public DartsNetwork? Read(PSObject record)
    {
        if (_recordsHaveNetwork == false)
        {
            return null;
        }

        PSPropertyInfo? property = record.Properties[PropertyName];
        _recordsHaveNetwork ??= property is not null;
        if (property is null)
        {
            return null;
        }

        return ScoringColumns.TryParseEnum(ScoringColumns.ReadValue(property), out DartsNetwork network) ? network : null;
    }
}

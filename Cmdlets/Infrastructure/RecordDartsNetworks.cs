using System;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Costs;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Reads the DartsNetwork property of piped records of DARTS genotypes, such as exported scores and search records,
/// so that a genotype counted in the evaluation network is scored there again.
/// </summary>
internal sealed class RecordDartsNetworks
{
    private const string PropertyName = "DartsNetwork";
    private const string NetworkPropertyName = "Network";

    // Whether records are looked at for the property. The first DARTS record decides, as for RecordDatasets.
    private bool? _recordsHaveNetwork;

    /// <summary>
    /// Returns the network the record's DartsNetwork names, else the one its Network column describes for the
    /// genotype, or null when it names none.
    /// </summary>
    public DartsNetwork? Read(PSObject record, DartsGenotype genotype)
    {
        if (_recordsHaveNetwork != false)
        {
            PSPropertyInfo? property = record.Properties[PropertyName];
            _recordsHaveNetwork ??= property is not null;
            if (property is not null)
            {
                return ScoringColumns.TryParseEnum(ScoringColumns.ReadValue(property), out DartsNetwork network) ? network : null;
            }
        }

        // Export-Csv writes the columns of the first record only, so an exported DARTS record after a NATS one keeps
        // its network in the Network column alone.
        return record.Properties[NetworkPropertyName] is { } description ? Described(ScoringColumns.ReadValue(description), genotype) : null;
    }

    private static DartsNetwork? Described(object? description, DartsGenotype genotype)
    {
        string? text = (description as string)?.Trim();
        foreach (DartsNetwork network in Enum.GetValues<DartsNetwork>())
        {
            if (string.Equals(text, NetworkDescription.Of(genotype, network), StringComparison.Ordinal))
            {
                return network;
            }
        }

        return null;
    }
}

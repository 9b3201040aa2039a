using System;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Costs;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Reads the DartsNetwork property of piped records of DARTS genotypes, such as exported scores and search records,
/// so that a genotype counted in the evaluation network is scored there again.
/// </summary>
internal sealed class RecordDartsNetworks
{
    private const string PropertyName = "DartsNetwork";
    private const string NetworkPropertyName = "Network";

    /// <summary>The number of records whose DartsNetwork names no DARTS network, such as a misspelt one.</summary>
    public long UnknownCount { get; private set; }

    /// <summary>
    /// Returns the network the record's DartsNetwork names, else the one its Network column describes for the
    /// genotype, or null when it names none. Every DARTS record is looked at, because tracing a genotype costs far
    /// more than the lookup.
    /// </summary>
    public DartsNetwork? Read(PSObject record, DartsGenotype genotype)
    {
        if (record.Properties[PropertyName] is { } property)
        {
            object? value = RecordValues.Read(property);
            if (ScoringColumns.TryParseEnum(value, out DartsNetwork network))
            {
                return network;
            }

            UnknownCount += value is null || value is string { Length: 0 } ? 0 : 1;
            return null;
        }

        // Export-Csv writes the columns of the first record only, so an exported DARTS record after a NATS one keeps
        // its network in the Network column alone.
        return record.Properties[NetworkPropertyName] is { } description ? Described(RecordValues.Read(description), genotype) : null;
    }

    /// <summary>Describes the records whose DartsNetwork names no network, or returns null when there were none.</summary>
    public string? DescribeUnknown(DartsNetwork used)
    {
        if (UnknownCount == 0)
        {
            return null;
        }

        string records = UnknownCount == 1 ? "1 DARTS record names" : $"{UnknownCount:N0} DARTS records name";
        return $"{records} no DARTS network in the DartsNetwork property, so {(UnknownCount == 1 ? "it was" : "they were")} counted in {used}. The networks are {string.Join(" and ", Enum.GetNames<DartsNetwork>())}.";
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

using System;
using System.Linq;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>
/// An architecture with its canonical string and the exact size of the network a benchmark trains for it on one
/// dataset: the object the architecture cmdlets output. Each search space adds its structured parts in a subclass.
/// </summary>
public abstract class ArchitectureRecord
{
    private protected ArchitectureRecord(Architecture definition, Dataset dataset, string network, NetworkCost? cost)
    {
        Definition = definition;
        DatasetValue = dataset;

        // An MLP's input dimension is part of the architecture, so no dataset network applies, as in score objects.
        Dataset = definition is MlpArchitecture ? null : DatasetFacts.Name(dataset);
        Network = network;
        ParameterCount = cost?.Parameters;
        Flops = cost?.Flops;
    }

    /// <summary>The name of the search space the architecture belongs to, for example "NatsTopology".</summary>
    public string SearchSpace => Definition.SearchSpace.ToString();

    /// <summary>The canonical string, which parses back to an equal architecture.</summary>
    public string Architecture => Definition.Canonical;

    /// <summary>
    /// The dataset the counts are for, spelled as NATS-Bench names it, for example "ImageNet16-120"; null for an MLP.
    /// </summary>
    public string? Dataset { get; }

    /// <summary>The same dataset as an enum value, for the code that scores the record again.</summary>
    internal Dataset DatasetValue { get; }

    /// <summary>The network the counts describe, for example "NAS-Bench-301: 8 cells, C = 32".</summary>
    public string Network { get; }

    /// <summary>Trainable parameters, BN scale and shift included; null when the count exceeds Int64.</summary>
    public long? ParameterCount { get; }

    /// <summary>Multiply-accumulates of convolutions and linear layers for one input; null when above Int64.</summary>
    public long? Flops { get; }

    /// <summary>The parsed architecture, for cmdlets and scripts that take the core type.</summary>
    /// <remarks>
    /// NOTE: the core type keeps its enum properties, such as SearchSpace and the operations, so ConvertTo-Json writes
    /// them as numbers inside this property.
    /// </remarks>
    public Architecture Definition { get; }

    /// <summary>
    /// Creates the record of <paramref name="architecture"/> with its counts on <paramref name="dataset"/>; DARTS
    /// genotypes without cell widths are counted in <paramref name="dartsNetwork"/>.
    /// </summary>
    public static ArchitectureRecord Create(Architecture architecture, Dataset dataset, DartsNetwork dartsNetwork = DartsNetwork.NasBench301)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        NetworkCost? cost = TryCount(architecture, dataset, dartsNetwork);

        return architecture switch
        {
            NatsTopologyCell cell => new NatsTopologyRecord(cell, dataset, cost),
            NatsSizeArchitecture size => new NatsSizeRecord(size, dataset, cost),
            DartsGenotype genotype => new DartsRecord(genotype, dataset, dartsNetwork, cost),
            MlpArchitecture mlp => new MlpRecord(mlp, dataset, cost),
            _ => throw new ArgumentException($"No record type for architectures of type {architecture.GetType().Name}.", nameof(architecture)),
        };
    }

    public override string ToString() => Architecture;

    private static NetworkCost? TryCount(Architecture architecture, Dataset dataset, DartsNetwork dartsNetwork)
    {
        try
        {
            return CostModel.Count(architecture, dataset, dartsNetwork);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}

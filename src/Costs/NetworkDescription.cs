using System;
using Canopy.Architectures;

namespace Canopy.Costs;

/// <summary>
/// The one-line descriptions of the networks that <see cref="ArchitectureRecord.Network"/> carries, such as
/// "NAS-Bench-301: 8 cells, C = 32". No description depends on the dataset.
/// </summary>
public static class NetworkDescription
{
    /// <summary>
    /// Describes the network the architecture is counted in. DARTS genotypes without cell widths are counted in
    /// <paramref name="dartsNetwork"/>.
    /// </summary>
    public static string Of(Architecture architecture, DartsNetwork dartsNetwork = DartsNetwork.NasBench301)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture switch
        {
            NatsTopologyCell => "NATS-Bench topology: C = 16, 5 cells per stage",
            NatsSizeArchitecture => "NATS-Bench size: 1 cell per stage, topology of index 9930",
            DartsGenotype genotype => OfDarts(genotype, dartsNetwork),
            MlpArchitecture => "MLP: hidden layers only",
            _ => throw new ArgumentException($"No network description for architectures of type {architecture.GetType().Name}.", nameof(architecture)),
        };
    }

    /// <summary>
    /// Returns whether the text is a description that <see cref="Of"/> gives for the architecture in any DARTS
    /// network, such as the Network column of an exported architecture record. Surrounding spaces are ignored.
    /// </summary>
    public static bool Describes(string? text, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        string? trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        foreach (DartsNetwork network in Enum.GetValues<DartsNetwork>())
        {
            if (string.Equals(trimmed, Of(architecture, network), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string OfDarts(DartsGenotype genotype, DartsNetwork dartsNetwork)
    {
        if (genotype.Widths is { } widths)
        {
            string cells = widths.Count == 1 ? "1 cell" : $"{widths.Count} cells";
            return $"DARTS network: {cells}, C = {string.Join(", ", widths)}";
        }

        return Of(dartsNetwork);
    }

    /// <summary>Describes a DARTS network that genotypes without widths are evaluated in, such as "NAS-Bench-301: 8 cells, C = 32".</summary>
    public static string Of(DartsNetwork dartsNetwork) =>
        dartsNetwork == DartsNetwork.Evaluation ? "DARTS evaluation: 20 cells, C = 36" : "NAS-Bench-301: 8 cells, C = 32";
}

using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>
/// The tally of architectures that a given -DartsNetwork leaves unchanged: genotypes with their own cell widths and
/// architectures of other search spaces. A cmdlet reports each kind in one warning at the end.
/// </summary>
internal sealed class DartsNetworkWarnings
{
    private long _genotypesWithWidths;
    private long _otherSpaces;

    /// <summary>Counts the architecture when -DartsNetwork does not apply to it.</summary>
    public void Count(Architecture architecture)
    {
        switch (architecture)
        {
            case DartsGenotype { Widths: not null }:
                _genotypesWithWidths++;
                break;
            case not DartsGenotype:
                _otherSpaces++;
                break;
        }
    }

    /// <summary>Returns one warning per kind that was counted.</summary>
    /// <param name="network">The network -DartsNetwork gave.</param>
    /// <param name="results">What the cmdlet did not change: "scores" or "counts".</param>
    public IEnumerable<string> Describe(DartsNetwork network, string results)
    {
        if (_genotypesWithWidths > 0)
        {
            string genotypes = _genotypesWithWidths == 1
                ? "1 genotype, whose cell widths define its own network"
                : $"{_genotypesWithWidths:N0} genotypes, whose cell widths define their own networks";
            yield return $"-DartsNetwork {network} sets the network of DARTS genotypes without cell widths, so it did not change the {results} of {genotypes}.";
        }

        if (_otherSpaces > 0)
        {
            string others = _otherSpaces == 1 ? "1 architecture of another search space" : $"{_otherSpaces:N0} architectures of other search spaces";
            yield return $"-DartsNetwork {network} sets the network of DARTS genotypes only, so it did not apply to {others}.";
        }
    }
}

using Canopy.Architectures;
using Canopy.Storage;

namespace Canopy.Tests.Storage;

// Interim stand-in until ArchitectureParser lands; deleted when the real parser is wired in.
internal sealed class InterimCanonicalizer : IArchitectureCanonicalizer
{
    public bool TryCanonicalize(string text, SearchSpace? searchSpace, out string canonical, out SearchSpace detected, out string? error)
    {
        canonical = text.Trim();
        detected = canonical.StartsWith("Genotype(") ? SearchSpace.Darts : SearchSpace.NatsTopology;
        error = canonical.StartsWith('|') || canonical.StartsWith("Genotype(") ? null : "unknown encoding";
        return error is null && (searchSpace is null || searchSpace == detected);
    }
}

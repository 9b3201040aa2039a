using Canopy.Architectures;

namespace Canopy.Storage;

/// <summary>Canonicalises architectures with the search-space parsers of Canopy.Architectures.</summary>
internal sealed class ParserCanonicalizer : IArchitectureCanonicalizer
{
    public static ParserCanonicalizer Instance { get; } = new();

    public bool TryCanonicalize(string text, SearchSpace? searchSpace, out string canonical, out SearchSpace detected, out string? error)
    {
        // TODO: wire in ArchitectureParser.TryParse once src/Architectures provides it; until then nothing parses.
        canonical = string.Empty;
        detected = default;
        error = "this build has no architecture parser";
        return false;
    }
}

using Canopy.Architectures;

namespace Canopy.Storage.Import;

/// <summary>Canonicalises architectures with <see cref="ArchitectureParser"/>.</summary>
internal sealed class ParserCanonicalizer : IArchitectureCanonicalizer
{
    public static ParserCanonicalizer Instance { get; } = new();

    public bool TryCanonicalize(string text, SearchSpace? searchSpace, out string canonical, out SearchSpace detected, out string? error)
    {
        if (ArchitectureParser.TryParse(text, searchSpace, out Architecture? architecture, out error))
        {
            canonical = architecture!.Canonical;
            detected = architecture.SearchSpace;
            return true;
        }

        canonical = string.Empty;
        detected = default;
        return false;
    }
}

using Canopy.Architectures;

namespace Canopy.Storage.Import;

/// <summary>Turns any accepted encoding of an architecture into its canonical string, the cache's lookup key.</summary>
internal interface IArchitectureCanonicalizer
{
    /// <summary>
    /// Parses <paramref name="text"/> in <paramref name="searchSpace"/>, or in the detected search space when it is
    /// null. Returns false with a reason in <paramref name="error"/> when the text is no architecture.
    /// </summary>
    bool TryCanonicalize(string text, SearchSpace? searchSpace, out string canonical, out SearchSpace detected, out string? error);
}

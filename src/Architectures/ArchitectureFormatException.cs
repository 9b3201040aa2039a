using System;

namespace Canopy.Architectures;

/// <summary>
/// The error raised when a string is no valid architecture of a search space. The message names what is wrong
/// (an unknown operation, a wrong edge count, a node index or width out of range, a malformed genotype).
/// </summary>
public sealed class ArchitectureFormatException : FormatException
{
    public ArchitectureFormatException(string message, string input, SearchSpace? searchSpace = null)
        : base(message)
    {
        Input = input;
        SearchSpace = searchSpace;
    }

    /// <summary>The text that failed to parse.</summary>
    public string Input { get; }

    /// <summary>The search space the text was parsed in, or null when no search space recognised it.</summary>
    public SearchSpace? SearchSpace { get; }

    /// <summary>Quotes <paramref name="input"/> for a message, cut to 100 characters so long genotypes stay readable.</summary>
    internal static string Quote(string input) =>
        input.Length > 100 ? "'" + input[..97] + "...'" : "'" + input + "'";
}

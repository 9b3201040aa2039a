using System;

namespace Canopy.Architectures;

/// <summary>
/// Recognises text that lists bare DARTS operation names, such as the 14 operations of a candidate-edge cell
/// written "sep_conv_3x3,sep_conv_3x3,none,...". No architecture string has that form, so the error message names
/// the parameter that takes such a list.
/// </summary>
internal static class DartsOperationList
{
    private static readonly char[] Separators = { ',', ' ', '\t', '\r', '\n' };

    /// <summary>Returns the error message for text that lists only DARTS operation names, or null for any other text.</summary>
    public static string? Describe(string text)
    {
        int count = CountOperations(text);
        if (count == 0)
        {
            return null;
        }

        string problem = count == 1
            ? "is a DARTS operation, not an architecture"
            : $"is a list of {count} DARTS operations, which no architecture string form takes";
        return $"{ArchitectureFormatException.Quote(text)} {problem}. To build a cell from one operation per candidate edge " +
            $"({DartsCell.CandidateEdgeCount} in the standard order), give them to New-CanopyArchitecture -NormalOperations, " +
            "and -ReduceOperations for the reduction cell. A Genotype(...) string may also list all " +
            $"{DartsCell.CandidateEdgeCount} edges of a cell as (operation, input) pairs, with 'none' on the dropped edges.";
    }

    // Returns how many names the text lists, or 0 when any item is no DARTS operation name. One pair of enclosing
    // brackets and quotes around each name are allowed, as in a Python list.
    private static int CountOperations(string text)
    {
        ReadOnlySpan<char> body = text.AsSpan().Trim();
        if (body.Length >= 2 && ((body[0] == '[' && body[^1] == ']') || (body[0] == '(' && body[^1] == ')')))
        {
            body = body[1..^1];
        }

        string[] items = body.ToString().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        foreach (string item in items)
        {
            if (!DartsOperationNames.TryParse(item.Trim('\'', '"'), out _))
            {
                return 0;
            }
        }

        return items.Length;
    }
}

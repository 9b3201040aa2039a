using System;

namespace Canopy.Architectures;

/// <summary>
/// Recognises text that lists bare DARTS operation names, such as the 14 operations of a candidate-edge cell
/// written "sep_conv_3x3,sep_conv_3x3,none,...". No architecture string has that form, so the error message names
/// the parameter that takes such a list.
/// </summary>
internal static class DartsOperationList
{
    /// <summary>Returns the error message for text that lists only DARTS operation names, or null for any other text.</summary>
    public static string? Describe(string text)
    {
        int count = OperationList.CountNames(text, name => DartsOperationNames.TryParse(name, out _));
        if (count == 0)
        {
            return null;
        }

        string problem = count == 1
            ? "is a DARTS operation, not an architecture"
            : $"is a list of {count} DARTS operations, which no architecture string form takes";
        return $"{ArchitectureFormatException.Quote(text)} {problem}. To build a cell from one operation per candidate edge " +
            $"({DartsCell.CandidateEdgeCount} in the standard order), give them to New-CanopyArchitecture -NormalOperations " +
            "(as an array or as this text), and -ReduceOperations for the reduction cell. A Genotype(...) string may also list all " +
            $"{DartsCell.CandidateEdgeCount} edges of a cell as (operation, input) pairs, with 'none' on the dropped edges.";
    }
}

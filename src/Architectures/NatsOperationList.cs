namespace Canopy.Architectures;

/// <summary>
/// Recognises text that lists bare NATS-Bench topology operation names, such as the six operations of a cell written
/// "nor_conv_3x3,skip_connect,...". No architecture string has that form, so the error message names the parameter
/// that takes such a list.
/// </summary>
internal static class NatsOperationList
{
    /// <summary>
    /// Returns the error message for text that lists only NATS-Bench operation names, or null for any other text. A
    /// list whose names are all DARTS operations too (none and skip_connect) counts as NATS-Bench only when it has
    /// six names, one per edge of a cell.
    /// </summary>
    public static string? Describe(string text)
    {
        int count = OperationList.CountNames(text, name => NatsOperationNames.TryParse(name, out _));
        bool alsoDarts = OperationList.CountNames(text, name => DartsOperationNames.TryParse(name, out _)) > 0;
        if (count == 0 || (alsoDarts && count != NatsTopologyCell.EdgeCount))
        {
            return null;
        }

        string problem = count == 1
            ? "is a NATS-Bench operation, not an architecture"
            : $"is a list of {count} NATS-Bench operations, which no architecture string form takes";
        return $"{ArchitectureFormatException.Quote(text)} {problem}. To build a topology cell from its " +
            $"{NatsTopologyCell.EdgeCount} operations, one per edge 0→1, 0→2, 1→2, 0→3, 1→3 and 2→3, give them to " +
            "New-CanopyArchitecture -Operations, as an array or as this text. A cell string lists them as |op~input|, such as " +
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|.";
    }
}

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>
/// Counts the architectures whose parameter or FLOP count exceeds Int64 and was left empty, which only MLPs of absurd
/// widths reach, so that one warning at the end names the first instead of one warning per record.
/// </summary>
internal sealed class OversizedCounts
{
    private long _count;
    private string? _first;

    /// <summary>Counts an architecture whose ParameterCount or Flops was left empty.</summary>
    /// <param name="recordNumber">The input's number, counted from 1, or 0 for an architecture given by parameters.</param>
    /// <param name="architecture">The architecture in canonical form.</param>
    public void Add(long recordNumber, string architecture)
    {
        _count++;
        _first ??= recordNumber > 0 ? $"record {recordNumber}: {architecture}" : architecture;
    }

    /// <summary>Describes the architectures left without counts, or returns null when there were none.</summary>
    /// <param name="outcome">What still holds for them, such as "The TropicalScore is still computed."</param>
    public string? Describe(string outcome)
    {
        if (_count == 0)
        {
            return null;
        }

        string architectures = _count == 1 ? "1 architecture has" : $"{_count:N0} architectures have";
        string first = _count == 1 ? _first! : "the first is " + _first;
        return $"{architectures} a parameter or FLOP count beyond Int64, so ParameterCount and Flops are left empty ({first}). {outcome}";
    }
}

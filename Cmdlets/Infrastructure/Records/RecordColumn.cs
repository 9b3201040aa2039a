namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// A column of piped records as Measure-ProxyCorrelation read it: the name as the records spell it, which may differ
/// in case from the requested one, and the first value that is not a number, for the warnings.
/// </summary>
internal sealed class RecordColumn
{
    public RecordColumn(string requestedName) => Name = requestedName;

    /// <summary>The name as the first record that has the property spells it, or the requested name until then.</summary>
    public string Name { get; set; }

    /// <summary>Whether a record with the property arrived, so that <see cref="Name"/> is its spelling.</summary>
    public bool NameFound { get; set; }

    /// <summary>The first value that is neither empty nor a number, as invariant text, or null.</summary>
    public string? FirstNotANumber { get; set; }
}

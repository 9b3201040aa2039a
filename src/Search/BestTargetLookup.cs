namespace Canopy.Search;

/// <summary>
/// Looks up the benchmark value of each new best architecture of one run as the run finds it, so that every step
/// carries its BestTarget when it is reported, and counts the architectures that got no value.
/// </summary>
internal sealed class BestTargetLookup
{
    private readonly BenchmarkTargets _targets;
    private int _architectures;
    private int _absent;
    private int _withoutNumber;
    private int _valuesDiffer;

    public BestTargetLookup(BenchmarkTargets targets)
    {
        _targets = targets;
    }

    /// <summary>The counts so far: one architecture per call of <see cref="ValueOf"/>.</summary>
    public TargetLookupResult Result => new(_architectures, _absent, _withoutNumber, _valuesDiffer);

    /// <summary>Returns the target value of a new best architecture, or null when the benchmark has no number for it.</summary>
    public double? ValueOf(string canonicalArchitecture)
    {
        (bool found, double? value, bool valuesDiffer) = _targets.Lookup(canonicalArchitecture);
        _architectures++;
        _absent += found ? 0 : 1;
        _withoutNumber += found && value is null ? 1 : 0;
        _valuesDiffer += valuesDiffer ? 1 : 0;
        return value;
    }
}

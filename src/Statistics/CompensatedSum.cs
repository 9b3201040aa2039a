namespace Canopy.Statistics;

/// <summary>
/// A running sum with Neumaier's compensation (Kahan–Babuška), so that adding a million terms of mixed magnitude
/// loses about one rounding error instead of one per term.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    public void Add(double term)
    {
        double next = _sum + term;

        // The larger operand keeps its bits, so the low-order bits lost belong to the smaller one.
        if (System.Math.Abs(_sum) >= System.Math.Abs(term))
        {
            _compensation += (_sum - next) + term;
        }
        else
        {
            _compensation += (term - next) + _sum;
        }

        _sum = next;
    }
}

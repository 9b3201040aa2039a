namespace Canopy.Scoring;

/// <summary>
/// A tensor of a network as the region count sees it: its identity (equal ids hold the same values up to a
/// positive scale, so a ReLU of either gives one arrangement), its shape, and two dimension budgets.
/// </summary>
/// <param name="Id">Identifies the values; 0 marks a tensor that does not depend on the network input.</param>
/// <param name="Channels">Channels per spatial position (units per position).</param>
/// <param name="Positions">Spatial positions, height × width.</param>
/// <param name="LocalRank">
/// An upper bound on the dimension that the values at one position span on a linear region, counted per
/// position with neighbouring positions treated as independent; never above <paramref name="Channels"/>.
/// </param>
/// <param name="GlobalRank">An upper bound on the dimension the whole tensor spans on a linear region.</param>
internal readonly record struct TensorValue(int Id, int Channels, int Positions, int LocalRank, long GlobalRank)
{
    public bool DependsOnInput => Id != 0;

    public long Units => (long)Channels * Positions;

    public static TensorValue Constant(int channels, int positions) => new(0, channels, positions, 0, 0);
}

namespace Canopy.Scoring;

/// <summary>
/// A tensor of a network as the region count uses it: its identity, its shape, and two dimension budgets. Equal ids
/// mean the same values up to a positive scale, so a ReLU of either gives one arrangement.
/// </summary>
/// <param name="Id">Identifies the values; 0 marks a tensor that does not depend on the network input.</param>
/// <param name="Channels">Channels per spatial position (units per position).</param>
/// <param name="Positions">Spatial positions, height × width.</param>
/// <param name="LocalRank">
/// The dimension one position can span on a linear region when its receptive field sets it: a convolution's
/// output spans at most what its window reads (window × the input's local rank) and at most its channels.
/// </param>
/// <param name="AmortizedRank">
/// The dimension per position when the input's dimension is shared out over positions: overlapping windows
/// add nothing, and only a stride, which leaves fewer positions, raises it. Never above <paramref name="LocalRank"/>.
/// </param>
/// <param name="GlobalRank">An upper bound on the dimension the whole tensor spans on a linear region.</param>
internal readonly record struct TensorValue(int Id, int Channels, int Positions, int LocalRank, int AmortizedRank, long GlobalRank)
{
    public bool DependsOnInput => Id != 0;
}

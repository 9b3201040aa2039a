using System;
using System.Linq;
using Canopy.Numerics;

namespace Canopy.Scoring;

/// <summary>
/// The per-source formulas of the cell region counts (natural logarithms), which <see cref="RegionLedger"/> adds up.
/// <list type="bullet">
/// <item>Local count: a ReLU'd tensor with C channels, read through a window of w positions by a consumer with
/// P output positions, contributes P · ln Σ_{j ≤ D} C(w·C, j): at each output position the w·C hyperplanes of
/// the window (Zaslavsky) in a budget of D dimensions. Windows overlap, so in a large image each output
/// position owns the dimensions of the input positions it reads (s² at a stride s whose windows cover every position), the asymptotic Hall budget of
/// Xiong et al. (2020, Theorem 2); <see cref="LocalBudget"/> selects how the per-position dimension is propagated. A tensor read by
/// several consumers counts once, through its widest reading. A max-pooled window of K values is a rank-K maxout
/// unit (a simplex Newton polytope) with at most K pieces; the C units at an output position also obey Serra et
/// al.'s (2018) maxout bound in the same budget of D dimensions.</item>
/// <item>Global count: each distinct ReLU'd tensor of N units contributes ln Σ_{j ≤ d} C(N, j) with d its global
/// rank (at most the input dimension), Montúfar's (2017) product over layers extended to a graph of layers;
/// max pooling contributes Serra et al.'s (2018) maxout layer bound.</item>
/// </list>
/// </summary>
internal static class LocalRegionCount
{
    private static readonly LogMemo ZaslavskyLogs = new(key => Zaslavsky.Count(key.Item1, key.Item2).Log);
    private static readonly double[] WindowLogs = Enumerable.Range(0, 64).Select(window => Math.Log(window)).ToArray();
    private static readonly LogMemo MaxoutLogs = new(key => MaxoutCount.LayerUpperBound(key.Item1, key.Item2, key.Item3).Log);

    /// <summary>Returns ln of the local count of ReLU(tensor) read through <paramref name="window"/> taps, per output position.</summary>
    /// <param name="share">Input positions read per output position: 1 at stride 1, s² at a stride s whose windows cover every position, all of them for a global read.</param>
    public static double LocalReluLog(in TensorValue tensor, int window, int share, LocalBudget budget)
    {
        long hyperplanes = (long)window * tensor.Channels;
        long dimension = budget == LocalBudget.None ? hyperplanes : Budget(tensor, share, budget);
        return ZaslavskyLog(hyperplanes, Math.Min(hyperplanes, dimension));
    }

    /// <summary>
    /// Returns ln of the local count of a max pooling of the tensor per output position: C rank-K maxout units, at
    /// most K^C regions, and in a budget of D dimensions at most Serra et al.'s Σ_{j ≤ D} C(C·K(K−1)/2, j).
    /// </summary>
    public static double LocalMaxoutLog(in TensorValue tensor, int window, int share, LocalBudget budget)
    {
        double product = tensor.Channels * LogOfWindow(window);

        // Without a budget the product is the whole count; with one, the tighter of the two bounds holds.
        return budget == LocalBudget.None
            ? product
            : Math.Min(product, MaxoutLogs.Get(tensor.Channels, window, Budget(tensor, share, budget)));
    }

    // Hall's condition: a block of output positions spans at most what the union of their windows holds. Windows
    // overlap, so each output position owns its share of input positions, each with the tensor's per-position rank,
    // and the whole tensor never spans more than its global rank.
    private static long Budget(in TensorValue tensor, int share, LocalBudget budget)
    {
        long rank = budget == LocalBudget.Amortized ? tensor.AmortizedRank : tensor.LocalRank;
        return Math.Min(rank * share, tensor.GlobalRank);
    }

    private static double LogOfWindow(int window) =>
        window < WindowLogs.Length ? WindowLogs[window] : Math.Log(window);

    /// <summary>Returns ln Σ_{j ≤ d} C(N, j) for the N units of the tensor that its consumer reads, d its global rank.</summary>
    public static double GlobalReluLog(in TensorValue tensor, long units, long inputDimension) =>
        ZaslavskyLog(units, Math.Min(inputDimension, tensor.GlobalRank));

    /// <summary>Returns ln of Serra et al.'s maxout bound for a max pooling of the tensor.</summary>
    public static double GlobalMaxoutLog(in TensorValue tensor, int window, int consumerPositions, long inputDimension) =>
        MaxoutLogs.Get((long)tensor.Channels * consumerPositions, window, Math.Min(inputDimension, tensor.GlobalRank));

    private static double ZaslavskyLog(long hyperplanes, long dimension) => ZaslavskyLogs.Get(hyperplanes, dimension, 0);
}

/// <summary>Which dimension budget each output position of a local count gets.</summary>
internal enum LocalBudget
{
    /// <summary>No budget: every hyperplane of the window in a dimension of its own.</summary>
    None,

    /// <summary>The local rank that the receptive field sets (<see cref="TensorValue.LocalRank"/>).</summary>
    ReceptiveField,

    /// <summary>The input's dimension shared out over positions (<see cref="TensorValue.AmortizedRank"/>).</summary>
    Amortized,
}

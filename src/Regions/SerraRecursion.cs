using System;
using System.Collections.Generic;
using Canopy.Numerics;

namespace Canopy.Regions;

/// <summary>
/// Evaluates the upper bound of Serra, Tjandraatmadja and Ramalingam (2018, Theorem 1),
/// Σ_{(j_1..j_L) ∈ J} ∏_l C(n_l, j_l) with J = { 0 ≤ j_l ≤ min(n0, n1 − j1, …, n_{l−1} − j_{l−1}, n_l) },
/// by dynamic programming over the dimension budget b_l = min(n0, n1 − j1, …, n_{l−1} − j_{l−1}) instead of
/// enumerating J. A layer of width n maps budget b to b' = min(b, n − j) with weight C(n, j) for j ≤ min(b, n),
/// so one layer costs O(number of budgets) with suffix sums.
/// </summary>
internal static class SerraRecursion
{
    /// <summary>
    /// The maximum number of budget updates one evaluation may spend; beyond it the recursion gives up and returns false.
    /// The Bench task times a network near the limit, which takes well under a second of CPU time on a current core.
    /// </summary>
    public const long WorkLimit = 15_000_000;

    public static bool TrySum<T, TArithmetic>(long inputDimension, IReadOnlyList<long> widths, out T total)
        where TArithmetic : ICountArithmetic<T>
    {
        // Budgets ascend; weights[i] is the total weight of index prefixes that end with budget budgets[i].
        var budgets = new List<long> { inputDimension };
        var weights = new List<T> { TArithmetic.One };
        var rows = new Dictionary<long, BinomialRow<T, TArithmetic>>();
        long work = 0;

        foreach (long n in widths)
        {
            long largestBudget = budgets[^1];

            // Check the cost before allocating: a general step spans every budget from the lowest target up to n, because
            // no budget after a layer of width n exceeds n.
            long span = n >= 2 * largestBudget ? budgets.Count : Math.Min(n, largestBudget) - Math.Min(budgets[0], Math.Max(0, n - largestBudget)) + 1;
            if (work + span + Math.Min(n, largestBudget) > WorkLimit)
            {
                total = TArithmetic.Zero;
                return false;
            }

            BinomialRow<T, TArithmetic> row = GetRow(rows, n, Math.Min(n, largestBudget));

            if (n >= 2 * largestBudget)
            {
                // No j ≤ b can make n − j smaller than b, so every budget stays and gains Σ_{j ≤ b} C(n, j).
                for (int i = 0; i < budgets.Count; i++)
                {
                    weights[i] = TArithmetic.Multiply(weights[i], row.PrefixSum(budgets[i]));
                }

                work += budgets.Count;
            }
            else
            {
                work += Step<T, TArithmetic>(n, row, budgets, weights);
            }
        }

        total = TArithmetic.Zero;
        foreach (T weight in weights)
        {
            total = TArithmetic.Add(total, weight);
        }

        return true;
    }

    // One layer in the general case; rewrites budgets and weights in place and returns the work spent.
    private static long Step<T, TArithmetic>(long n, BinomialRow<T, TArithmetic> row, List<long> budgets, List<T> weights)
        where TArithmetic : ICountArithmetic<T>
    {
        long largestBudget = budgets[^1];
        long lowest = Math.Min(budgets[0], Math.Max(0, n - largestBudget));
        long highest = Math.Min(n, largestBudget);
        int span = checked((int)(highest - lowest + 1));
        var next = new T[span];
        var occupied = new bool[span];

        // Staying: j ≤ min(b, n − b) keeps the budget at b.
        for (int i = 0; i < budgets.Count; i++)
        {
            long b = budgets[i];
            if (n - b < 0)
            {
                continue;
            }

            int slot = (int)(b - lowest);
            next[slot] = TArithmetic.Add(next[slot], TArithmetic.Multiply(weights[i], row.PrefixSum(Math.Min(b, n - b))));
            occupied[slot] = true;
        }

        // Dropping: j = n − b' with b' < b reaches b' from every budget b ≥ max(b' + 1, n − b').
        T[] suffix = SuffixSums<T, TArithmetic>(weights);
        long firstTarget = Math.Max(0, n - largestBudget);
        long lastTarget = Math.Min(n, largestBudget - 1);
        for (long target = lastTarget; target >= firstTarget; target--)
        {
            int first = FirstAtLeast(budgets, Math.Max(target + 1, n - target));
            if (first >= budgets.Count)
            {
                continue;
            }

            int slot = (int)(target - lowest);
            next[slot] = TArithmetic.Add(next[slot], TArithmetic.Multiply(row.Coefficient(n - target), suffix[first]));
            occupied[slot] = true;
        }

        budgets.Clear();
        weights.Clear();
        for (int slot = 0; slot < span; slot++)
        {
            if (occupied[slot])
            {
                budgets.Add(lowest + slot);
                weights.Add(next[slot]);
            }
        }

        return span;
    }

    private static T[] SuffixSums<T, TArithmetic>(List<T> weights)
        where TArithmetic : ICountArithmetic<T>
    {
        var suffix = new T[weights.Count + 1];
        suffix[weights.Count] = TArithmetic.Zero;
        for (int i = weights.Count - 1; i >= 0; i--)
        {
            suffix[i] = TArithmetic.Add(suffix[i + 1], weights[i]);
        }

        return suffix;
    }

    // Returns the index of the first budget ≥ threshold, or the count when there is none.
    private static int FirstAtLeast(List<long> budgets, long threshold)
    {
        int low = 0;
        int high = budgets.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (budgets[middle] >= threshold)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static BinomialRow<T, TArithmetic> GetRow<T, TArithmetic>(Dictionary<long, BinomialRow<T, TArithmetic>> rows, long n, long limit)
        where TArithmetic : ICountArithmetic<T>
    {
        if (!rows.TryGetValue(n, out BinomialRow<T, TArithmetic>? row))
        {
            row = new BinomialRow<T, TArithmetic>(n, limit);
            rows[n] = row;
        }

        row.EnsureLimit(limit);
        return row;
    }
}

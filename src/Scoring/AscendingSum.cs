using System;
using System.Numerics;

namespace Canopy.Scoring;

/// <summary>
/// Adds positive values in ascending order, so that equal multisets give bit-identical totals whatever order the
/// values came in. The values of one network repeat a lot, so equal values are counted in a hash table and only the
/// distinct ones are sorted: 2,000 sampled NAS-Bench-301 genotypes have 59 contributions with 14 distinct values on
/// average.
/// </summary>
internal sealed class AscendingSum
{
    private double[] _slotValues = new double[128];
    private int[] _slotCounts = new int[128];
    private double[] _distinct = new double[64];

    /// <summary>Returns the sum of <paramref name="values"/>, all positive and finite, added in ascending order.</summary>
    public double Sum(ReadOnlySpan<double> values)
    {
        // Open addressing at most half full, so every probe sequence ends at an empty slot.
        int bits = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)(2 * values.Length + 2)));
        EnsureCapacity(1 << bits, values.Length);
        Span<double> slotValues = _slotValues.AsSpan(0, 1 << bits);
        Span<int> slotCounts = _slotCounts.AsSpan(0, 1 << bits);
        slotCounts.Clear();

        int distinct = 0;
        foreach (double value in values)
        {
            int slot = FindSlot(slotValues, slotCounts, value, bits);
            if (slotCounts[slot] == 0)
            {
                slotValues[slot] = value;
                _distinct[distinct++] = value;
            }

            slotCounts[slot]++;
        }

        Span<double> ascending = _distinct.AsSpan(0, distinct);
        ascending.Sort();

        double total = 0;
        foreach (double value in ascending)
        {
            int count = slotCounts[FindSlot(slotValues, slotCounts, value, bits)];
            for (int i = 0; i < count; i++)
            {
                total += value;
            }
        }

        return total;
    }

    // Positive values are equal exactly when their bits are, so == is a valid key comparison here.
    private static int FindSlot(Span<double> slotValues, Span<int> slotCounts, double value, int bits)
    {
        ulong hash = (ulong)BitConverter.DoubleToInt64Bits(value) * 0x9E3779B97F4A7C15UL;
        int mask = (1 << bits) - 1;
        int slot = (int)(hash >> (64 - bits));
        while (slotCounts[slot] != 0 && slotValues[slot] != value)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void EnsureCapacity(int slots, int values)
    {
        if (_slotCounts.Length < slots)
        {
            _slotValues = new double[slots];
            _slotCounts = new int[slots];
        }

        if (_distinct.Length < values)
        {
            _distinct = new double[values];
        }
    }
}

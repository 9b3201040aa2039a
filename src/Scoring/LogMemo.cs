using System;
using System.Collections.Concurrent;

namespace Canopy.Scoring;

/// <summary>
/// A thread-safe memo of a logarithm keyed by three integers. A fixed direct-mapped table of recent entries returns
/// the repeats of one trace without the dictionary's hashing and locking. Behind it, an exact dictionary keeps every
/// value ever computed, so a key evicted from the table is looked up again rather than recomputed.
/// </summary>
internal sealed class LogMemo
{
    // 4,096 slots: far more than the distinct keys of one benchmark network, in 32 KB of references.
    private const int RecentBits = 12;

    private readonly Func<(long, long, long), double> _compute;
    private readonly ConcurrentDictionary<(long, long, long), double> _all = new();
    private readonly Entry?[] _recent = new Entry?[1 << RecentBits];

    public LogMemo(Func<(long, long, long), double> compute)
    {
        _compute = compute;
    }

    /// <summary>Returns the memoised value for the key, computing it on first use.</summary>
    public double Get(long first, long second, long third)
    {
        int slot = Slot(first, second, third);

        // Entries are immutable, so a reference read from the table is either a complete entry or null.
        Entry? entry = _recent[slot];
        if (entry is not null && entry.First == first && entry.Second == second && entry.Third == third)
        {
            return entry.Log;
        }

        double log = _all.GetOrAdd((first, second, third), _compute);
        _recent[slot] = new Entry(first, second, third, log);
        return log;
    }

    private static int Slot(long first, long second, long third)
    {
        ulong hash = (ulong)first * 0x9E3779B97F4A7C15UL;
        hash = (hash ^ (ulong)second) * 0xC2B2AE3D27D4EB4FUL;
        hash = (hash ^ (ulong)third) * 0x165667B19E3779F9UL;
        return (int)(hash >> (64 - RecentBits));
    }

    private sealed record Entry(long First, long Second, long Third, double Log);
}

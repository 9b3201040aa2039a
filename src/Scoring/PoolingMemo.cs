using System;

namespace Canopy.Scoring;

/// <summary>
/// Remembers the poolings of one trace. Pooling has no weights, so the same pooling of one tensor gives the same
/// tensor again, and a ReLU of both copies is one arrangement.
/// </summary>
internal sealed class PoolingMemo
{
    // Per source handle, the index of its latest entry, or 0 for none. Entry 0 is never used.
    private int[] _latest = new int[256];
    private Entry[] _entries = new Entry[64];
    private int _count = 1;

    /// <summary>Returns the handle of an earlier identical pooling of <paramref name="source"/>, or 0 if there is none.</summary>
    public int Find(int source, int window, int stride, bool max)
    {
        int key = Key(window, stride, max);
        for (int i = source < _latest.Length ? _latest[source] : 0; i != 0; i = _entries[i].Previous)
        {
            if (_entries[i].Key == key)
            {
                return _entries[i].Result;
            }
        }

        return 0;
    }

    /// <summary>Records that pooling <paramref name="source"/> this way gave the tensor <paramref name="result"/>.</summary>
    public void Add(int source, int window, int stride, bool max, int result)
    {
        if (source >= _latest.Length)
        {
            Array.Resize(ref _latest, Math.Max(source + 1, 2 * _latest.Length));
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, 2 * _entries.Length);
        }

        _entries[_count] = new Entry(source, Key(window, stride, max), result, _latest[source]);
        _latest[source] = _count++;
    }

    /// <summary>Forgets every pooling, visiting only the sources that have one.</summary>
    public void Clear()
    {
        for (int i = 1; i < _count; i++)
        {
            _latest[_entries[i].Source] = 0;
        }

        _count = 1;
    }

    private static int Key(int window, int stride, bool max) => (((window << 8) | stride) << 1) | (max ? 1 : 0);

    private readonly record struct Entry(int Source, int Key, int Result, int Previous);
}

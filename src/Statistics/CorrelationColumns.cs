using System;
using System.Collections.Generic;

namespace Canopy.Statistics;

/// <summary>
/// Numbers collected from a stream of records: one target column, one column per proxy, and per column a count of
/// each <see cref="ValueStatus"/>. Unusable values are stored as NaN, so a record costs 8 bytes per column and the
/// records themselves need not be kept.
/// </summary>
public sealed class CorrelationColumns
{
    private readonly List<double> _target = new();
    private readonly List<double>[] _proxies;
    private readonly long[] _targetStatus = new long[StatusCount];
    private readonly long[][] _proxyStatus;
    private readonly List<LeftOutRecord>[] _firstLeftOut;

    /// <summary>How many left-out records each proxy remembers, so that a message can point at them.</summary>
    public const int RememberedLeftOut = 3;

    private static readonly int StatusCount = Enum.GetValues<ValueStatus>().Length;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="proxyCount"/> is negative.</exception>
    public CorrelationColumns(int proxyCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(proxyCount);
        _proxies = new List<double>[proxyCount];
        _proxyStatus = new long[proxyCount][];
        _firstLeftOut = new List<LeftOutRecord>[proxyCount];
        for (int i = 0; i < proxyCount; i++)
        {
            _proxies[i] = new List<double>();
            _proxyStatus[i] = new long[StatusCount];
            _firstLeftOut[i] = new List<LeftOutRecord>(RememberedLeftOut);
        }
    }

    /// <summary>The number of records added.</summary>
    public int RecordCount => _target.Count;

    /// <summary>The number of proxy columns.</summary>
    public int ProxyCount => _proxies.Length;

    /// <summary>Adds one record: its target value and one value per proxy, each with the status <see cref="NumericValue.Parse"/> gave.</summary>
    /// <exception cref="ArgumentException">The number of proxy values differs from <see cref="ProxyCount"/>.</exception>
    public void Add(double target, ValueStatus targetStatus, ReadOnlySpan<double> proxies, ReadOnlySpan<ValueStatus> proxyStatus)
    {
        if (proxies.Length != _proxies.Length || proxyStatus.Length != _proxies.Length)
        {
            throw new ArgumentException($"Expected {_proxies.Length} proxy values and statuses, but got {proxies.Length} and {proxyStatus.Length}.", nameof(proxies));
        }

        _target.Add(targetStatus == ValueStatus.Usable ? target : double.NaN);
        _targetStatus[(int)targetStatus]++;
        for (int i = 0; i < proxies.Length; i++)
        {
            _proxies[i].Add(proxyStatus[i] == ValueStatus.Usable ? proxies[i] : double.NaN);
            _proxyStatus[i][(int)proxyStatus[i]]++;
            if ((proxyStatus[i] != ValueStatus.Usable || targetStatus != ValueStatus.Usable) && _firstLeftOut[i].Count < RememberedLeftOut)
            {
                _firstLeftOut[i].Add(new LeftOutRecord(_target.Count, proxyStatus[i], targetStatus));
            }
        }
    }

    /// <summary>
    /// Returns the first records, at most <see cref="RememberedLeftOut"/>, that proxy <paramref name="proxyIndex"/>
    /// could not pair with the target, numbered from 1 in the order they were added.
    /// </summary>
    public IReadOnlyList<LeftOutRecord> FirstLeftOut(int proxyIndex) => _firstLeftOut[proxyIndex];

    /// <summary>Returns how many records gave the target this status.</summary>
    public long TargetStatusCount(ValueStatus status) => _targetStatus[(int)status];

    /// <summary>Returns how many records gave proxy <paramref name="proxyIndex"/> this status.</summary>
    public long ProxyStatusCount(int proxyIndex, ValueStatus status) => _proxyStatus[proxyIndex][(int)status];

    /// <summary>Returns the pairs in which both the proxy and the target are usable, in record order.</summary>
    public (double[] Proxy, double[] Target) UsablePairs(int proxyIndex)
    {
        List<double> proxy = _proxies[proxyIndex];
        var proxyValues = new List<double>(proxy.Count);
        var targetValues = new List<double>(proxy.Count);
        for (int i = 0; i < proxy.Count; i++)
        {
            if (!double.IsNaN(proxy[i]) && !double.IsNaN(_target[i]))
            {
                proxyValues.Add(proxy[i]);
                targetValues.Add(_target[i]);
            }
        }

        return (proxyValues.ToArray(), targetValues.ToArray());
    }
}

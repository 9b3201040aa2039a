using System.Collections.Generic;

namespace Canopy.Scoring;

/// <summary>Whether a tensor's regions come from ReLU hyperplanes or from a maxout (max pooling) window.</summary>
internal enum RegionSourceKind
{
    Relu,
    Maxout,
}

/// <summary>
/// One place where regions are born (a distinct ReLU'd tensor, or a max-pooled tensor) and the receptive windows
/// through which later layers read it.
/// </summary>
internal sealed class RegionSource
{
    private readonly List<(int Window, int ConsumerPositions)> _readings = new();

    public RegionSource(RegionSourceKind kind, TensorValue tensor)
    {
        Kind = kind;
        Tensor = tensor;
    }

    public RegionSourceKind Kind { get; }

    public TensorValue Tensor { get; }

    /// <summary>Each consumer's spatial window (taps) and the number of output positions it computes.</summary>
    public IReadOnlyList<(int Window, int ConsumerPositions)> Readings => _readings;

    public void AddReading(int window, int consumerPositions)
    {
        if (!_readings.Contains((window, consumerPositions)))
        {
            _readings.Add((window, consumerPositions));
        }
    }
}

namespace Canopy.Architectures;

/// <summary>
/// The operations on an edge of a NATS-Bench topology cell, in the order of the NAS-Bench-201 operation list
/// (xautodl's NAS_BENCH_201: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3).
/// </summary>
public enum NatsOperation
{
    /// <summary>none: the zero operation, which removes the edge.</summary>
    None,

    /// <summary>skip_connect: the identity.</summary>
    SkipConnect,

    /// <summary>nor_conv_1x1: ReLU, 1×1 convolution without bias, batch normalisation.</summary>
    NorConv1x1,

    /// <summary>nor_conv_3x3: ReLU, 3×3 convolution without bias, batch normalisation.</summary>
    NorConv3x3,

    /// <summary>avg_pool_3x3: 3×3 average pooling, stride 1.</summary>
    AvgPool3x3,
}

namespace Canopy.Scoring;

/// <summary>The operations on a cell edge, as the region count distinguishes them.</summary>
internal enum CellOperation
{
    /// <summary>No edge: the zero operation.</summary>
    Zero,

    /// <summary>The identity: passes the source tensor unchanged.</summary>
    Identity,

    /// <summary>ReLU, 1×1 convolution, batch norm.</summary>
    ReluConv1x1,

    /// <summary>ReLU, 3×3 convolution, batch norm.</summary>
    ReluConv3x3,

    /// <summary>3×3 average pooling, stride 1.</summary>
    AveragePool3x3,
}

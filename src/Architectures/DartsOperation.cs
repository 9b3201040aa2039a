namespace Canopy.Architectures;

/// <summary>The eight operations of the DARTS space, in the order of DARTS' PRIMITIVES list (quark0/darts genotypes.py).</summary>
public enum DartsOperation
{
    /// <summary>none: the zero operation.</summary>
    None,

    /// <summary>max_pool_3x3: 3×3 max pooling.</summary>
    MaxPool3x3,

    /// <summary>avg_pool_3x3: 3×3 average pooling, padding not counted.</summary>
    AvgPool3x3,

    /// <summary>skip_connect: the identity, or a factorized reduction at stride 2.</summary>
    SkipConnect,

    /// <summary>sep_conv_3x3: ReLU, depthwise 3×3, pointwise 1×1, BN, applied twice.</summary>
    SepConv3x3,

    /// <summary>sep_conv_5x5: ReLU, depthwise 5×5, pointwise 1×1, BN, applied twice.</summary>
    SepConv5x5,

    /// <summary>dil_conv_3x3: ReLU, depthwise 3×3 with dilation 2, pointwise 1×1, BN.</summary>
    DilConv3x3,

    /// <summary>dil_conv_5x5: ReLU, depthwise 5×5 with dilation 2, pointwise 1×1, BN.</summary>
    DilConv5x5,
}

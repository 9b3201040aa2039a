using System;

namespace Canopy.Costs;

/// <summary>
/// Adds up the parameters and multiply-accumulates of a network layer by layer, for square feature maps. Every
/// sum is checked, so a network too large for Int64 raises OverflowException instead of a wrong count.
/// </summary>
internal sealed class LayerCounter
{
    public long Parameters { get; private set; }

    public long Flops { get; private set; }

    public long BatchNormParameters { get; private set; }

    /// <summary>
    /// Counts a Conv2d of k_h·k_w·C_in·C_out/groups weights (plus C_out biases) and that many multiply-accumulates
    /// per output position, and returns the output side ⌊(side + 2·padding − dilation·(k − 1) − 1) / stride⌋ + 1.
    /// </summary>
    public int Conv2d(int inChannels, int outChannels, int kernel, int side, int stride = 1, int padding = 0, int dilation = 1, int groups = 1, bool bias = false)
    {
        int outputSide = (side + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
        long weights = checked((long)kernel * kernel * inChannels * outChannels / groups);
        long positions = checked((long)outputSide * outputSide);

        Parameters = checked(Parameters + weights + (bias ? outChannels : 0));
        Flops = checked(Flops + weights * positions + (bias ? outChannels * positions : 0));
        return outputSide;
    }

    /// <summary>Counts an affine BatchNorm2d: a scale and a shift per channel, and no multiply-accumulates.</summary>
    public void BatchNorm(int channels)
    {
        Parameters = checked(Parameters + 2L * channels);
        BatchNormParameters = checked(BatchNormParameters + 2L * channels);
    }

    /// <summary>Counts ReLU → Conv2d without bias → BatchNorm2d and returns the output side.</summary>
    public int ReluConvBatchNorm(int inChannels, int outChannels, int kernel, int side, int stride = 1, int padding = 0, int dilation = 1)
    {
        int outputSide = Conv2d(inChannels, outChannels, kernel, side, stride, padding, dilation);
        BatchNorm(outChannels);
        return outputSide;
    }

    /// <summary>Counts a Linear layer with bias: in·out weights, out biases, in·out + out multiply-accumulates.</summary>
    public void Linear(int inFeatures, int outFeatures)
    {
        long weights = checked((long)inFeatures * outFeatures);
        Parameters = checked(Parameters + weights + outFeatures);
        Flops = checked(Flops + weights + outFeatures);
    }

    public NetworkCost ToCost() => new(Parameters, Flops, BatchNormParameters);
}

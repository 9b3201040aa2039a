namespace Canopy.Costs;

/// <summary>
/// The size of the network a benchmark trains for one architecture and dataset.
/// </summary>
/// <param name="Parameters">Trainable parameters: convolution and linear weights and biases, and the two affine
/// parameters of every batch-normalisation channel.</param>
/// <param name="Flops">Multiply-accumulates of the convolutions and linear layers for one input image, bias
/// additions included; pooling, batch normalisation and ReLU count nothing (the NAS-Bench-201 convention).</param>
/// <param name="BatchNormParameters">The part of <paramref name="Parameters"/> that is batch-normalisation scale and
/// shift, for comparing with counts that leave it out.</param>
public sealed record NetworkCost(long Parameters, long Flops, long BatchNormParameters);

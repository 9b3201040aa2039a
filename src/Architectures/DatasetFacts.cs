using System;

namespace Canopy.Architectures;

/// <summary>The class count and input resolution that each dataset gives a benchmark network.</summary>
public static class DatasetFacts
{
    /// <summary>Returns the name users type and NATS-Bench uses: cifar10, cifar100 or ImageNet16-120.</summary>
    public static string Name(Dataset dataset) => dataset switch
    {
        Dataset.Cifar10 => "cifar10",
        Dataset.Cifar100 => "cifar100",
        Dataset.ImageNet16 => "ImageNet16-120",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <summary>Returns the number of classes: 10, 100 or 120.</summary>
    public static int ClassCount(Dataset dataset) => dataset switch
    {
        Dataset.Cifar10 => 10,
        Dataset.Cifar100 => 100,
        Dataset.ImageNet16 => 120,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <summary>Returns the side of the square RGB input in pixels: 32 for CIFAR, 16 for ImageNet16-120.</summary>
    public static int ImageSide(Dataset dataset) => dataset switch
    {
        Dataset.Cifar10 or Dataset.Cifar100 => 32,
        Dataset.ImageNet16 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };
}

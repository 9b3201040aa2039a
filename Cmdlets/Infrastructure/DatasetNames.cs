using System;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure;

/// <summary>The dataset names users type, as NATS-Bench spells them, and the core's <see cref="Dataset"/> values.</summary>
internal static class DatasetNames
{
    public const string Cifar10 = "cifar10";
    public const string Cifar100 = "cifar100";
    public const string ImageNet16 = "ImageNet16-120";

    /// <summary>Returns the dataset for a name; the parameter's ValidateSet has already rejected others.</summary>
    public static Dataset Parse(string name) => name.ToLowerInvariant() switch
    {
        "cifar10" => Dataset.Cifar10,
        "cifar100" => Dataset.Cifar100,
        "imagenet16-120" => Dataset.ImageNet16,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use cifar10, cifar100 or ImageNet16-120."),
    };

    public static string Name(Dataset dataset) => dataset switch
    {
        Dataset.Cifar10 => Cifar10,
        Dataset.Cifar100 => Cifar100,
        Dataset.ImageNet16 => ImageNet16,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };
}

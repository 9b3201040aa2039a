using System;
using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>The dataset names users type, as NATS-Bench spells them, and the core's <see cref="Dataset"/> values.</summary>
internal static class DatasetNames
{
    public const string Cifar10 = "cifar10";
    public const string Cifar100 = "cifar100";
    public const string ImageNet16 = "ImageNet16-120";

    /// <summary>The names -Dataset accepts, in the order help and completion list them.</summary>
    public static readonly IReadOnlyList<string> All = new[] { Cifar10, Cifar100, ImageNet16 };

    /// <summary>The names -Dataset accepts, as a message lists them.</summary>
    public const string Listed = "cifar10, cifar100 or ImageNet16-120";

    /// <summary>Returns the dataset for a name; the parameter's validation has already rejected others.</summary>
    public static Dataset Parse(string name) => TryParse(name, out Dataset dataset)
        ? dataset
        : throw new ArgumentOutOfRangeException(nameof(name), name, $"Use {Listed}.");

    /// <summary>
    /// Reads a dataset from a <see cref="Dataset"/> value, a name that -Dataset accepts, NATS-Bench's cifar10-valid, or
    /// an enum name such as ImageNet16, ignoring case and surrounding blanks. Returns false for anything else, numbers included.
    /// </summary>
    public static bool TryParse(object? value, out Dataset dataset)
    {
        dataset = default;
        switch (value)
        {
            case Dataset named when Enum.IsDefined(named):
                dataset = named;
                return true;
            case string text:
                return TryParseText(text.Trim(), out dataset);
            default:
                return false;
        }
    }

    public static string Name(Dataset dataset) => DatasetFacts.Name(dataset);

    private static bool TryParseText(string text, out Dataset dataset)
    {
        switch (text.ToLowerInvariant())
        {
            // NATS-Bench trains the same CIFAR-10 network on its train split for "cifar10-valid".
            case "cifar10":
            case "cifar10-valid":
                dataset = Dataset.Cifar10;
                return true;
            case "cifar100":
                dataset = Dataset.Cifar100;
                return true;
            case "imagenet16-120":
                dataset = Dataset.ImageNet16;
                return true;
        }

        // Enum.TryParse also reads numbers such as "2", which are no dataset names.
        return Enum.TryParse(text, ignoreCase: true, out dataset) && Enum.IsDefined(dataset) && text.Length > 0 && char.IsLetter(text[0]);
    }
}

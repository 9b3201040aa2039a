namespace Canopy.Tests.Storage;

/// <summary>Real architectures in the encodings that benchmark files use.</summary>
internal static class KnownArchitectures
{
    /// <summary>NAS-Bench-201 index 0, the first row of NATS-Bench.</summary>
    public const string Nb201First = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";

    /// <summary>The NAS-Bench-201 cell with the best CIFAR-10 test accuracy (94.37 %).</summary>
    public const string Nb201Best = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";

    /// <summary>The ResNet-like NAS-Bench-201 cell.</summary>
    public const string Nb201ResNet = "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

    /// <summary>A DARTS genotype from NAS-Bench-301 as NAS-Bench-Suite-Zero lists it.</summary>
    public const string Nb301Genotype = "Genotype(normal=[('dil_conv_3x3', 0), ('sep_conv_3x3', 1), ('dil_conv_3x3', 1), ('max_pool_3x3', 2), ('dil_conv_3x3', 1), ('avg_pool_3x3', 2), ('dil_conv_3x3', 0), ('sep_conv_5x5', 4)], normal_concat=[2, 3, 4, 5], reduce=[('sep_conv_5x5', 0), ('max_pool_3x3', 1), ('dil_conv_3x3', 0), ('dil_conv_3x3', 2), ('skip_connect', 0), ('avg_pool_3x3', 3), ('sep_conv_3x3', 2), ('avg_pool_3x3', 4)], reduce_concat=[2, 3, 4, 5])";

    /// <summary><see cref="Nb301Genotype"/> in NASLib's compact form, as the naslib_arch column lists it.</summary>
    public const string Nb301Compact = "(((0, 5), (1, 3), (1, 5), (2, 0), (1, 5), (2, 1), (0, 5), (4, 4)), ((0, 4), (1, 0), (0, 5), (2, 5), (0, 2), (3, 1), (2, 3), (4, 1)))";
}

using System;
using System.Collections.Generic;

namespace Canopy.Architectures;

/// <summary>Converts DARTS operations to and from their genotype names (sep_conv_3x3 and so on).</summary>
public static class DartsOperationNames
{
    private static readonly string[] Names =
    {
        "none", "max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5",
    };

    // NASLib's compact form numbers the seven non-zero operations in this order (naslib conversions.py, the
    // OPS list of convert_genotype_to_compact).
    private static readonly DartsOperation[] NasLibOrder =
    {
        DartsOperation.MaxPool3x3, DartsOperation.AvgPool3x3, DartsOperation.SkipConnect, DartsOperation.SepConv3x3,
        DartsOperation.SepConv5x5, DartsOperation.DilConv3x3, DartsOperation.DilConv5x5,
    };

    /// <summary>The genotype names in enum order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The operations NASLib's compact form numbers 0 to 6.</summary>
    public static IReadOnlyList<DartsOperation> NasLibCompactOrder => NasLibOrder;

    /// <summary>Returns the genotype name of <paramref name="operation"/>, for example "sep_conv_3x3".</summary>
    public static string Name(DartsOperation operation) => Names[(int)operation];

    /// <summary>
    /// Finds the operation of a genotype name (exact) or of an enum name such as SepConv3x3 (ignoring case).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> name, out DartsOperation operation) =>
        OperationNames.TryParse(name, Names, out operation);

    /// <summary>Returns the sentence that lists the valid names, for error messages.</summary>
    internal static string ValidNames => "valid operations are " + string.Join(", ", Names);
}

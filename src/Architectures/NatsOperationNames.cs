using System;
using System.Collections.Generic;

namespace Canopy.Architectures;

/// <summary>Converts NATS-Bench topology operations to and from their benchmark names (nor_conv_3x3 and so on).</summary>
public static class NatsOperationNames
{
    private static readonly string[] Names = { "none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3" };

    /// <summary>The benchmark names in enum order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>Returns the benchmark name of <paramref name="operation"/>, for example "nor_conv_3x3".</summary>
    public static string Name(NatsOperation operation) => Names[(int)operation];

    /// <summary>
    /// Finds the operation of a benchmark name (exact, as the cell strings write it) or of an enum name such as
    /// NorConv3x3 (ignoring case).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> name, out NatsOperation operation) =>
        OperationNames.TryParse(name, Names, out operation);

    /// <summary>Finds the operation of a benchmark name written exactly as the cell strings write it.</summary>
    internal static bool TryParseBenchmarkName(ReadOnlySpan<char> name, out NatsOperation operation) =>
        OperationNames.TryParseBenchmarkName(name, Names, out operation);

    /// <summary>Returns the sentence that lists the valid names, for error messages.</summary>
    internal static string ValidNames => "valid operations are " + string.Join(", ", Names);
}

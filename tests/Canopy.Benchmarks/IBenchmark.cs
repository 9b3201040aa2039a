using System.Collections.Generic;

namespace Canopy.Benchmarks;

/// <summary>One named measurement; the runner finds every implementation by reflection.</summary>
internal interface IBenchmark
{
    /// <summary>The name given on the command line, for example "mlp-random".</summary>
    string Name { get; }

    /// <summary>Runs the measurement and returns named figures, which the runner prints as JSON.</summary>
    IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, string> options);
}

using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure;

/// <summary>Checks the MLP sampling parameters that Get-CanopyArchitecture and Invoke-CanopySearch share.</summary>
internal static class MlpSamplingParameters
{
    private static readonly string[] MlpOnly = { "InputDimension", "DepthRange", "WidthRange" };

    /// <summary>
    /// Returns an error when an MLP-only parameter was given for another search space, or when a range has its
    /// minimum above its maximum. Returns null when the parameters are consistent.
    /// </summary>
    public static ErrorRecord? Check(SearchSpace searchSpace, IDictionary<string, object> boundParameters, int[] depthRange, int[] widthRange)
    {
        string? mlpParameter = MlpOnly.FirstOrDefault(boundParameters.ContainsKey);
        if (searchSpace != SearchSpace.Mlp && mlpParameter is not null)
        {
            return ErrorRecords.Create(
                $"-{mlpParameter} applies to -SearchSpace Mlp only, not to {searchSpace}.",
                "ParameterNotApplicable",
                ErrorCategory.InvalidArgument,
                mlpParameter);
        }

        foreach ((string name, int[] range) in new[] { ("DepthRange", depthRange), ("WidthRange", widthRange) })
        {
            if (range[0] > range[1])
            {
                return ErrorRecords.Create(
                    $"-{name} {range[0]},{range[1]} has its minimum above its maximum; give the smaller number first.",
                    "RangeInvalid",
                    ErrorCategory.InvalidArgument,
                    range);
            }
        }

        return null;
    }
}

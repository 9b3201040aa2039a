using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Messages;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>Checks the space-specific parameters that Get-CanopyArchitecture and Invoke-CanopySearch share.</summary>
internal static class SearchSpaceParameters
{
    private static readonly string[] MlpOnly = { "InputDimension", "DepthRange", "WidthRange" };
    private const string DartsOnly = "DartsNetwork";

    /// <summary>
    /// Returns an error when an MLP-only or DARTS-only parameter was given for another search space, or when a range
    /// has its minimum above its maximum. Returns null when the parameters are consistent.
    /// </summary>
    public static ErrorRecord? Check(SearchSpace searchSpace, IDictionary<string, object> boundParameters, int[] depthRange, int[] widthRange)
    {
        string? mlpParameter = MlpOnly.FirstOrDefault(boundParameters.ContainsKey);
        if (searchSpace != SearchSpace.Mlp && mlpParameter is not null)
        {
            return NotApplicable(mlpParameter, SearchSpace.Mlp, searchSpace);
        }

        if (searchSpace != SearchSpace.Darts && boundParameters.ContainsKey(DartsOnly))
        {
            return NotApplicable(DartsOnly, SearchSpace.Darts, searchSpace);
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

    private static ErrorRecord NotApplicable(string parameter, SearchSpace appliesTo, SearchSpace requested) =>
        ErrorRecords.Create(
            $"-{parameter} applies to -SearchSpace {appliesTo} only, not to {requested}.",
            "ParameterNotApplicable",
            ErrorCategory.InvalidArgument,
            parameter);
}

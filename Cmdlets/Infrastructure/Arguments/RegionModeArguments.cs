using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Regions;
using Canopy.Scoring;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>The check of -Mode against -SearchSpace that Get-TropicalScore and Invoke-CanopySearch share.</summary>
internal static class RegionModeArguments
{
    /// <summary>Returns an error when the region mode is not defined for the search space, or null when it is.</summary>
    public static ErrorRecord? Check(RegionMode mode, SearchSpace searchSpace) =>
        ModeSupport.IsDefined(mode, searchSpace)
            ? null
            : ErrorRecords.Create(
                $"-Mode {mode} cannot score -SearchSpace {searchSpace}. {ModeSupport.NotDefinedMessage(mode)}",
                "ModeNotSupported",
                ErrorCategory.InvalidArgument,
                mode);
}

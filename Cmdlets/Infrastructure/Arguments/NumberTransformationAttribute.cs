using System.Management.Automation;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Parses text for a parameter of type double with a decimal point in every culture, and rejects text such as '7,5'
/// that PowerShell would read as 75. See <see cref="NumberArguments"/>.
/// </summary>
internal sealed class NumberTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        NumberArguments.Transform(inputData, wholeNumber: false);
}

using System.Management.Automation;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Parses text for an integer parameter with a decimal point in every culture, and rejects a number with a fraction,
/// such as 2.5 or a German 3.072, that PowerShell would round. See <see cref="NumberArguments"/>.
/// </summary>
internal sealed class WholeNumberTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        NumberArguments.Transform(inputData, wholeNumber: true);
}

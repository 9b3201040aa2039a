using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Turns a Dataset value, or its enum name such as ImageNet16, into the name that -Dataset accepts, so that the
/// Dataset property of an architecture object can be passed back to -Dataset.
/// </summary>
internal sealed class DatasetNameTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return DatasetNames.TryParse(value, out Dataset dataset) ? DatasetNames.Name(dataset) : inputData;
    }
}

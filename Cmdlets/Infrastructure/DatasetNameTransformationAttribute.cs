using System;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Turns a Dataset value, or its enum name such as ImageNet16, into the name that -Dataset accepts, so that the
/// Dataset property of an architecture object can be passed back to -Dataset.
/// </summary>
internal sealed class DatasetNameTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            Dataset dataset when Enum.IsDefined(dataset) => DatasetNames.Name(dataset),
            string text when IsEnumName(text, out Dataset named) => DatasetNames.Name(named),
            _ => inputData,
        };
    }

    // Enum.TryParse also reads numbers such as "2", which are no dataset names.
    private static bool IsEnumName(string text, out Dataset dataset) =>
        Enum.TryParse(text, ignoreCase: true, out dataset) && Enum.IsDefined(dataset) && text.Length > 0 && char.IsLetter(text[0]);
}

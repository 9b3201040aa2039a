using System.Collections.Generic;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Accepts the names of <see cref="DatasetNames"/> in any letter case. It replaces ValidateSet, whose tab completion
/// compares letter case in the current culture and so completes nothing for "i" under tr-TR.
/// </summary>
public sealed class ValidateDatasetNameAttribute : ValidateArgumentsAttribute
{
    /// <summary>The names as help lists them, under the property name that ValidateSet uses.</summary>
    public IReadOnlyList<string> ValidValues { get; } = DatasetNames.All;

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is not string name || !DatasetNames.TryParse(name, out Dataset _))
        {
            throw new ValidationMetadataException($"'{value}' is not a supported dataset. Use {DatasetNames.Listed}.");
        }
    }
}

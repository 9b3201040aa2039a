using System;
using System.Linq;
using System.Management.Automation;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Splits a single text such as 'sep_conv_3x3, none, ...' into its comma-separated items, so that a list copied from a
/// paper or a Python file reaches a list parameter as a list. Arrays and text without commas pass unchanged.
/// </summary>
internal sealed class CommaListTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is object[] { Length: 1 } single)
        {
            value = single[0] is PSObject inner ? inner.BaseObject : single[0];
        }

        if (value is not string text || !text.Contains(','))
        {
            return inputData;
        }

        // Brackets and quotes around the list or its items, as Python writes them, are not part of the names.
        return text.Trim().Trim('[', ']', '(', ')')
            .Split(',')
            .Select(item => item.Trim().Trim('\'', '"').Trim())
            .ToArray();
    }
}

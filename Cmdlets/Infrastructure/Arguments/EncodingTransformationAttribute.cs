using System;
using System.Management.Automation;
using System.Text;
using Canopy.Storage.Input;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Turns an -Encoding argument into an Encoding as Import-Csv of PowerShell 7 does: a short name such as utf8,
/// unicode or ansi, another name that .NET supports, such as latin1 or windows-1252, or a code page number such as 1252.
/// PowerShell keeps its own transformation internal, so binary modules need this one.
/// </summary>
internal sealed class EncodingTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        try
        {
            return value switch
            {
                Encoding encoding => encoding,
                int codePage => TextEncodings.FromCodePage(codePage),
                string name => TextEncodings.FromName(name),
                _ => inputData,
            };
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentTransformationMetadataException(exception.Message, exception);
        }
    }
}

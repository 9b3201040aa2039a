using System.Collections;
using System.Management.Automation;
using Canopy.Storage;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Rejects a benchmark of the list or an import summary given to -Name of Remove-CanopyBenchmark. PowerShell would
/// turn it into its type name, and piping it removes it from its own cache, which -Name cannot.
/// </summary>
internal sealed class BenchmarkNameArgumentAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        IEnumerable items = value is IEnumerable list and not string ? list : new[] { value };
        foreach (object? item in items)
        {
            if ((item is PSObject inner ? inner.BaseObject : item) is BenchmarkInfo or ImportSummary)
            {
                throw new ArgumentTransformationMetadataException(
                    "-Name takes benchmark names, not benchmark objects. Pipe the objects instead, as in Get-CanopyBenchmark | Where-Object Name -EQ sweep | Remove-CanopyBenchmark, so that each is removed from its own cache.");
            }
        }

        return inputData;
    }
}

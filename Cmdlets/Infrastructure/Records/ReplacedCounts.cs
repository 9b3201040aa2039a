using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Statistics;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>The earlier and the new ParameterCount and Flops of a record whose counts a scoring replaced.</summary>
/// <param name="OldParameterCount">The earlier ParameterCount, or null when it was not replaced by another value.</param>
/// <param name="OldFlops">The earlier Flops, or null when it was not replaced by another value.</param>
internal sealed record CountChange(double? OldParameterCount, long? NewParameterCount, double? OldFlops, long? NewFlops)
{
    /// <summary>
    /// Returns the change when an earlier value that is a number, or numeric text, differs from the new count, else
    /// null. An empty or non-numeric earlier value is no count, so replacing it changes nothing a user relied on.
    /// </summary>
    public static CountChange? Of(object? oldParameterCount, long? newParameterCount, object? oldFlops, long? newFlops)
    {
        double? parameterCount = Differs(oldParameterCount, newParameterCount);
        double? flops = Differs(oldFlops, newFlops);
        return parameterCount is null && flops is null ? null : new CountChange(parameterCount, newParameterCount, flops, newFlops);
    }

    // Counts above 2^53 compare as doubles, so two such counts that differ in their last digits count as equal.
    private static double? Differs(object? old, long? current)
    {
        object? value = old is PSObject wrapped ? wrapped.BaseObject : old;
        if (NumericValue.Parse(value, null, out double number) != ValueStatus.Usable)
        {
            return null;
        }

        return current is { } count && (double)count == number ? null : number;
    }
}

/// <summary>
/// Tallies the records whose ParameterCount or Flops a scoring replaced with a different count, so that one warning
/// at the end of the pipeline can report that the file was perhaps scored on another network.
/// </summary>
internal sealed class ReplacedCounts
{
    private long _recordCount;
    private long _firstRecordNumber;
    private CountChange? _firstChange;
    private bool _suggestDartsNetwork;
    private bool _suggestDataset;
    private bool _suggestInputDimension;

    /// <summary>Counts one record.</summary>
    /// <param name="recordNumber">The record's position in the pipeline, from 1.</param>
    /// <param name="change">The counts that changed.</param>
    /// <param name="dartsNetwork">Whether -DartsNetwork could have chosen the record's network.</param>
    /// <param name="dataset">Whether -Dataset could have chosen the record's network.</param>
    /// <param name="inputDimension">Whether -InputDimension could have chosen the record's network.</param>
    public void Count(long recordNumber, CountChange change, bool dartsNetwork, bool dataset, bool inputDimension)
    {
        _recordCount++;
        if (_firstChange is null)
        {
            _firstRecordNumber = recordNumber;
            _firstChange = change;
        }

        _suggestDartsNetwork |= dartsNetwork;
        _suggestDataset |= dataset;
        _suggestInputDimension |= inputDimension;
    }

    /// <summary>Describes the records whose counts were replaced, or returns null when there were none.</summary>
    public string? Describe()
    {
        if (_firstChange is not { } change)
        {
            return null;
        }

        string records = _recordCount == 1
            ? "1 record had a ParameterCount or Flops that differs from the count of the network it was scored on now, and Canopy's count replaced it."
            : $"{_recordCount:N0} records had a ParameterCount or Flops that differs from the count of the network they were scored on now, and Canopy's counts replaced them.";
        var changes = new List<string>();
        if (change.OldParameterCount is { } oldParameters)
        {
            changes.Add($"ParameterCount {Format(oldParameters)} became {Format(change.NewParameterCount)}");
        }

        if (change.OldFlops is { } oldFlops)
        {
            changes.Add($"Flops {Format(oldFlops)} became {Format(change.NewFlops)}");
        }

        return $"{records} In record {_firstRecordNumber:N0}, {string.Join(" and ", changes)}. " +
            $"If the file was scored on another network, score it again with {Parameters()}.";
    }

    private string Parameters()
    {
        var parameters = new List<string>();
        if (_suggestDartsNetwork)
        {
            parameters.Add("-DartsNetwork (NasBench301 or Evaluation)");
        }

        if (_suggestDataset)
        {
            parameters.Add($"-Dataset ({DatasetNames.Listed})");
        }

        if (_suggestInputDimension)
        {
            parameters.Add("-InputDimension");
        }

        return string.Join(" or ", parameters);
    }

    private static string Format(double? count) => count switch
    {
        null => "empty",
        { } whole when whole == System.Math.Floor(whole) && System.Math.Abs(whole) < 1e18 => whole.ToString("N0", CultureInfo.CurrentCulture),
        { } other => other.ToString("G", CultureInfo.CurrentCulture),
    };
}

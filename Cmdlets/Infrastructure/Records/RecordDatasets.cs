using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Reads the Dataset property of piped records, and counts the records whose Dataset names a task Canopy does not
/// model, such as the svhn or ninapro rows of NAS-Bench-Suite-Zero, and the records whose Dataset -Dataset
/// overrode, so that one warning each can report them.
/// </summary>
internal sealed class RecordDatasets
{
    private const string PropertyName = "Dataset";

    // Enough values to recognise the tasks of a file without flooding the warning.
    private const int MaxListedValues = 5;

    private readonly SortedSet<string> _unmodelledValues = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<string> _overriddenValues = new(StringComparer.OrdinalIgnoreCase);
    private long _overriddenCount;
    private long _overriddenWithOwnCounts;

    // Records checked one by one before sampling starts, and the sampling interval after that.
    private const int CheckedRecords = 64;

    // Whether every record is looked at for a Dataset property: null before the first record, then set by whether it
    // has one, and turned on by any later record that has one.
    private bool? _recordsHaveDataset;
    private long _recordsSeen;

    // The last record that sampling skipped, checked at the end, because a file without the column followed by one
    // with it may end between two samples.
    private PSObject? _lastSkipped;
    private long _lastSkippedNumber;

    /// <summary>The number of records whose Dataset was not used.</summary>
    public long UnmodelledCount { get; private set; }

    /// <summary>The number of the record whose Dataset property turned up after the first 64 records lacked one, or 0.</summary>
    public long LateFirstDataset { get; private set; }

    /// <summary>
    /// Returns the dataset that the record's Dataset property names, or null when the record has none, it is empty,
    /// or it names a dataset Canopy does not model. The last case is counted.
    /// </summary>
    /// <param name="record">A piped record.</param>
    /// <param name="recordNumber">The record's number in the pipeline, for the warning about a late Dataset property.</param>
    public Dataset? Read(PSObject record, long recordNumber)
    {
        PSPropertyInfo? property = Find(record, recordNumber);
        if (property is null)
        {
            return null;
        }

        object? value = RecordValues.Read(property);
        if (DatasetNames.TryParse(value is PSObject wrapped ? wrapped.BaseObject : value, out Dataset dataset))
        {
            return dataset;
        }

        string? text = ArchitectureProperties.Text(value)?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            UnmodelledCount++;
            if (_unmodelledValues.Count < MaxListedValues)
            {
                _unmodelledValues.Add(text);
            }
        }

        return null;
    }

    /// <summary>
    /// Counts the record when its Dataset names another Canopy dataset than <paramref name="scored"/>, the one that
    /// -Dataset chose.
    /// </summary>
    /// <param name="record">A record whose Dataset column was not updated.</param>
    /// <param name="scored">The dataset whose network the record was scored on.</param>
    /// <param name="keptOwnCount">Whether the record kept a ParameterCount or Flops of its own.</param>
    /// <param name="recordNumber">The record's number in the pipeline.</param>
    public void CountOverridden(PSObject record, Dataset scored, bool keptOwnCount, long recordNumber)
    {
        PSPropertyInfo? property = Find(record, recordNumber);
        object? value = property is null ? null : RecordValues.Read(property);
        if (!DatasetNames.TryParse(value is PSObject wrapped ? wrapped.BaseObject : value, out Dataset named) || named == scored)
        {
            return;
        }

        _overriddenCount++;
        _overriddenWithOwnCounts += keptOwnCount ? 1 : 0;
        if (_overriddenValues.Count < MaxListedValues)
        {
            _overriddenValues.Add(ArchitectureProperties.Text(value)!.Trim());
        }
    }

    // Looking for a missing name costs about a tenth of Import-Csv's time per record, so when the first 64 records
    // have no Dataset property, only every 64th record after them is checked. A record that has one turns on the
    // check of every record from then on.
    private PSPropertyInfo? Find(PSObject record, long recordNumber)
    {
        _recordsSeen++;
        if (_recordsHaveDataset == false && _recordsSeen > CheckedRecords && _recordsSeen % CheckedRecords != 0)
        {
            (_lastSkipped, _lastSkippedNumber) = (record, recordNumber);
            return null;
        }

        _lastSkipped = null;

        PSPropertyInfo? property = record.Properties[PropertyName];
        if (property is not null && _recordsHaveDataset == false)
        {
            LateFirstDataset = _recordsSeen > CheckedRecords ? recordNumber : 0;
            _recordsHaveDataset = true;
        }

        _recordsHaveDataset ??= property is not null;
        return property;
    }

    /// <summary>
    /// Describes a Dataset property that turned up after the first 64 records lacked one, or returns null when none did.
    /// </summary>
    /// <param name="datasetUsed">The name of the dataset whose network the unchecked records were scored on.</param>
    /// <param name="participle">What the cmdlet did with the network, such as "scored" or "counted".</param>
    public string? DescribeLateDataset(string datasetUsed, string participle = "scored")
    {
        const string advice = "Give records of one pipeline the same properties, or run each dataset with its own -Dataset.";
        if (LateFirstDataset > 0)
        {
            return $"Record {LateFirstDataset:N0} has a Dataset property, but the first {CheckedRecords} records had none, so before it only every {CheckedRecords}th record was checked for one. " +
                $"Up to {CheckedRecords - 1} records just before it may name a dataset that was not used, and those were {participle} on the {datasetUsed} network. " + advice;
        }

        if (_lastSkipped?.Properties[PropertyName] is not null)
        {
            return $"The last record, record {_lastSkippedNumber:N0}, has a Dataset property, but the first {CheckedRecords} records had none, so only every {CheckedRecords}th record was checked for one and its Dataset was not read. " +
                $"It and up to {CheckedRecords - 2} records before it may name a dataset that was not used, and they were {participle} on the {datasetUsed} network. " + advice;
        }

        return null;
    }

    /// <summary>Describes the records whose Dataset -Dataset overrode, or returns null when there were none.</summary>
    /// <param name="datasetUsed">The name of the dataset given with -Dataset.</param>
    public string? DescribeOverridden(string datasetUsed)
    {
        if (_overriddenCount == 0)
        {
            return null;
        }

        string values = string.Join(", ", _overriddenValues.Select(value => "'" + value + "'"));
        string text = _overriddenCount == 1
            ? $"-Dataset {datasetUsed} differs from the Dataset of 1 record ({values}). Its TropicalScore, and the ParameterCount and Flops that Canopy added, are for the {datasetUsed} network, but its Dataset column was kept."
            : $"-Dataset {datasetUsed} differs from the Dataset of {_overriddenCount:N0} records ({values}). Their TropicalScores, and the ParameterCount and Flops that Canopy added, are for the {datasetUsed} network, but their Dataset columns were kept.";
        if (_overriddenWithOwnCounts > 0)
        {
            string records = _overriddenCount == 1 ? "It" : $"{_overriddenWithOwnCounts:N0} of them";
            string own = _overriddenCount == 1 || _overriddenWithOwnCounts == 1 ? "its" : "their";
            text += $" {records} also kept {own} own ParameterCount or Flops, which may describe another network than the TropicalScore.";
        }

        return text + " Omit -Dataset to score each record on the network its Dataset names.";
    }

    /// <summary>Describes the records whose Dataset was not used, or returns null when there were none.</summary>
    /// <param name="datasetUsed">The name of the dataset whose network those records were scored on.</param>
    /// <param name="participle">What the cmdlet did with the network, such as "scored" or "counted".</param>
    public string? DescribeUnmodelled(string datasetUsed, string participle = "scored")
    {
        if (UnmodelledCount == 0)
        {
            return null;
        }

        string values = string.Join(", ", _unmodelledValues.Select(value => "'" + value + "'"));
        string more = UnmodelledCount > _unmodelledValues.Count && _unmodelledValues.Count == MaxListedValues ? " and others" : string.Empty;
        bool singleRecord = UnmodelledCount == 1;
        string records = singleRecord ? "1 record has a Dataset" : $"{UnmodelledCount:N0} records have a Dataset";
        string scored = singleRecord ? $"it was {participle}" : $"they were {participle}";
        return $"{records} that Canopy does not model ({values}{more}), so {scored} on the {datasetUsed} network. " +
            $"To choose the network for every record, give -Dataset {DatasetNames.Listed}.";
    }
}

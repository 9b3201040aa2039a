using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Reads the Dataset property of piped records, and counts the records whose Dataset names a task Canopy does not
/// model, such as the svhn or ninapro rows of NAS-Bench-Suite-Zero, so that one warning can report them.
/// </summary>
internal sealed class RecordDatasets
{
    private const string PropertyName = "Dataset";

    // Enough values to recognise the tasks of a file without flooding the warning.
    private const int MaxListedValues = 5;

    private readonly SortedSet<string> _unmodelledValues = new(StringComparer.OrdinalIgnoreCase);

    // Whether records are looked at for a Dataset property. The first record decides, so it is null before that record.
    private bool? _recordsHaveDataset;

    /// <summary>The number of records whose Dataset was not used.</summary>
    public long UnmodelledCount { get; private set; }

    /// <summary>
    /// Returns the dataset that the record's Dataset property names, or null when the record has none, it is empty,
    /// or it names a dataset Canopy does not model. The last case is counted. When the first record has no Dataset
    /// property, no later record is looked at.
    /// </summary>
    public Dataset? Read(PSObject record)
    {
        if (_recordsHaveDataset == false)
        {
            return null;
        }

        // The records of one pipeline share their properties, as those of Import-Csv do, so the first record decides.
        // Looking for a missing name costs about 180 ns a record, which made Import-Csv nats_bench.csv | Get-TropicalScore
        // 1.56 times as slow as Import-Csv | ForEach-Object instead of 1.44 (two runs on 2 cores).
        PSPropertyInfo? property = record.Properties[PropertyName];
        _recordsHaveDataset ??= property is not null;
        if (property is null)
        {
            return null;
        }

        object? value = ReadValue(property);
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

    /// <summary>Describes the records whose Dataset was not used, or returns null when there were none.</summary>
    /// <param name="datasetUsed">The name of the dataset whose network those records were scored on.</param>
    public string? DescribeUnmodelled(string datasetUsed)
    {
        if (UnmodelledCount == 0)
        {
            return null;
        }

        string values = string.Join(", ", _unmodelledValues.Select(value => "'" + value + "'"));
        string more = UnmodelledCount > _unmodelledValues.Count && _unmodelledValues.Count == MaxListedValues ? " and others" : string.Empty;
        bool singleRecord = UnmodelledCount == 1;
        string records = singleRecord ? "1 record has a Dataset" : $"{UnmodelledCount:N0} records have a Dataset";
        string scored = singleRecord ? "it was scored" : "they were scored";
        return $"{records} that Canopy does not model ({values}{more}), so {scored} on the {datasetUsed} network. " +
            $"To choose the network for every record, give -Dataset {DatasetNames.Listed}.";
    }

    // A script property that throws has no dataset to read.
    private static object? ReadValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}

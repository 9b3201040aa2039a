using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Storage;
using Canopy.Storage.Reading;

namespace Canopy.Commands;

/// <summary>
/// Lists the benchmarks in the SQLite benchmark cache, or streams the records of one benchmark with their original
/// column names, typed values, canonical architectures and a SearchSpace property.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CanopyBenchmark", DefaultParameterSetName = ListSet)]
[OutputType(typeof(BenchmarkInfo), ParameterSetName = new[] { ListSet })]
[OutputType(typeof(PSObject), ParameterSetName = new[] { RecordsSet })]
public sealed class GetCanopyBenchmarkCommand : PSCmdlet
{
    private const string ListSet = "List";
    private const string RecordsSet = "Records";

    private static readonly Func<int, PSObject> NewRecordWithCapacity = CreateRecordFactory();

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The benchmark whose records to stream; without it the stored benchmarks are listed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = RecordsSet, ValueFromPipelineByPropertyName = true,
        HelpMessage = "Type the name of the stored benchmark whose records to return, such as nats_bench, as Get-CanopyBenchmark without -Name lists it.")]
    [ArgumentCompleter(typeof(BenchmarkNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Only the records of these architectures, in any encoding the parsers accept.</summary>
    [Parameter(Position = 1, ParameterSetName = RecordsSet)]
    [ArgumentCompleter(typeof(BenchmarkArchitectureCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Architecture { get; set; }

    /// <summary>The cache file; by default $env:CANOPY_DATABASE, else benchmarks.db in the per-user data folder. Piped
    /// benchmarks and import summaries bind their Database, so they are read from the cache they came from.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    protected override void StopProcessing() => _cancellation.Cancel();

    protected override void EndProcessing() => _cancellation.Dispose();

    protected override void ProcessRecord()
    {
        var store = new BenchmarkStore(CachePaths.Resolve(this, Database));
        try
        {
            if (ParameterSetName == ListSet)
            {
                WriteVerbose(System.IO.File.Exists(store.DatabasePath)
                    ? $"Listing the benchmarks in {store.DatabasePath}."
                    : $"The cache file {store.DatabasePath} does not exist yet, so it contains no benchmarks.");
                WriteObject(store.List(), enumerateCollection: true);
                return;
            }

            WriteRecords(store);
        }
        catch (BenchmarkNotFoundException exception)
        {
            WriteError(ErrorRecords.Create(exception, "BenchmarkNotFound", ErrorCategory.ObjectNotFound, Name));
        }
        catch (Exception exception) when (CacheErrors.FromException(exception, store.DatabasePath) is { } error)
        {
            ThrowTerminatingError(error);
        }
    }

    private void WriteRecords(BenchmarkStore store)
    {
        List<string>? architectures = null;
        List<(string Canonical, string Text)>? requested = null;
        if (Architecture is not null)
        {
            // Requested architectures are parsed in the benchmark's search spaces, so the benchmark is looked up first.
            BenchmarkInfo benchmark = store.Find(Name) ?? throw new BenchmarkNotFoundException(Name, store.DatabasePath);
            requested = CanonicalizeRequested(store, benchmark);
            architectures = requested.Select(architecture => architecture.Canonical).Distinct(StringComparer.Ordinal).ToList();
            if (architectures.Count == 0)
            {
                return;
            }
        }

        using BenchmarkReader reader = store.Read(Name, architectures);
        WriteVerbose($"Reading {CorrelationMessages.Count(reader.Benchmark.Rows, "row")} of '{reader.Benchmark.Name}' from {store.DatabasePath}{(architectures is null ? string.Empty : $", only {architectures.Count:N0} {(architectures.Count == 1 ? "architecture" : "architectures")}")}.");

        string[] columns = reader.Benchmark.Columns.ToArray();
        bool addSearchSpace = !columns.Contains(nameof(SearchSpace), StringComparer.OrdinalIgnoreCase);
        var searchSpaceNames = new Dictionary<SearchSpace, object>();
        HashSet<string>? found = requested is null ? null : new HashSet<string>(StringComparer.Ordinal);
        int architecturePosition = reader.Benchmark.ArchitecturePosition;
        try
        {
            // A worker thread reads the next rows from SQLite while this one builds and writes records.
            foreach (BenchmarkRowBatch batch in reader.ReadBatches(_cancellation.Token))
            {
                for (int row = 0; row < batch.Count; row++)
                {
                    ReadOnlySpan<object?> values = batch.GetValues(row);
                    found?.Add(values[architecturePosition] as string ?? string.Empty);
                    WriteObject(NewRecord(columns, values, addSearchSpace ? SearchSpaceName(searchSpaceNames, batch.GetSearchSpace(row)) : null));
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        // An absent architecture is a normal result that scripts test for with $null, so it gets a verbose line, not an error.
        foreach ((string canonical, string text) in requested ?? Enumerable.Empty<(string, string)>())
        {
            if (!found!.Contains(canonical))
            {
                WriteVerbose($"The architecture '{text}' is not in the benchmark '{reader.Benchmark.Name}'.");
            }
        }
    }

    // The import rejected column names that repeat ignoring case, so the duplicate check can be skipped.
    private static PSObject NewRecord(string[] columns, ReadOnlySpan<object?> values, object? searchSpace)
    {
        PSObject record = NewRecordWithCapacity(columns.Length + 1);
        PSMemberInfoCollection<PSPropertyInfo> properties = record.Properties;
        for (int i = 0; i < columns.Length; i++)
        {
            properties.Add(new PSNoteProperty(columns[i], values[i]), preValidated: true);
        }

        if (searchSpace is not null)
        {
            properties.Add(new PSNoteProperty(nameof(SearchSpace), searchSpace), preValidated: true);
        }

        return record;
    }

    // The name, not the enum, as Get-TropicalScore writes it, so that ConvertTo-Json and Export-Csv write
    // NatsTopology rather than 0. Each name is made once rather than once per record.
    private static object SearchSpaceName(Dictionary<SearchSpace, object> names, SearchSpace space)
    {
        if (!names.TryGetValue(space, out object? name))
        {
            name = space.ToString();
            names[space] = name;
        }

        return name;
    }

    // PowerShell 7 has a public PSObject(int capacity) constructor that keeps the note properties with the object.
    // Building 15,625 records of six properties with it took about a quarter of the time on PowerShell 7.6 (one
    // measurement on a busy 2-core machine). PowerShellStandard 5.1 does not declare it, so it is bound at run
    // time, with the plain constructor as the fallback.
    private static Func<int, PSObject> CreateRecordFactory()
    {
        ConstructorInfo? withCapacity = typeof(PSObject).GetConstructor(new[] { typeof(int) });
        if (withCapacity is null)
        {
            return _ => new PSObject();
        }

        ParameterExpression capacity = Expression.Parameter(typeof(int), "capacity");
        return Expression.Lambda<Func<int, PSObject>>(Expression.New(withCapacity, capacity), capacity).Compile();
    }

    // Parses each requested architecture in the benchmark's search spaces. One of another space cannot match a row,
    // so it gets an error of its own rather than an empty result.
    private List<(string Canonical, string Text)> CanonicalizeRequested(BenchmarkStore store, BenchmarkInfo benchmark)
    {
        SearchSpace?[] searchSpaces = benchmark.SearchSpaces.Select(name => (SearchSpace?)Enum.Parse<SearchSpace>(name)).ToArray();
        var canonical = new List<(string Canonical, string Text)>();
        foreach (string text in Architecture!)
        {
            if (store.TryCanonicalize(text, searchSpaces, out string key, out string? error))
            {
                canonical.Add((key, text));
            }
            else if (ArchitectureParser.TryParse(text, null, out Architectures.Architecture? other, out _))
            {
                string stored = string.Join(", ", benchmark.SearchSpaces);
                WriteError(ErrorRecords.Create($"The architecture '{text}' is a {other!.SearchSpace} architecture, but the benchmark '{benchmark.Name}' contains {stored} architectures only.", "ArchitectureSearchSpaceMismatch", ErrorCategory.InvalidArgument, text));
            }
            else
            {
                WriteError(ErrorRecords.Create(new FormatException($"The architecture '{text}' is invalid: {error}"), "ArchitectureInvalid", ErrorCategory.InvalidData, text));
            }
        }

        return canonical;
    }
}

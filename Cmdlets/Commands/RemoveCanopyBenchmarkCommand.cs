using System;
using System.Management.Automation;
using System.Threading;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Storage;

namespace Canopy.Commands;

/// <summary>
/// Removes benchmarks from the SQLite benchmark cache: each benchmark's rows, architecture index, columns and entry,
/// in one transaction per benchmark.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CanopyBenchmark", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
public sealed class RemoveCanopyBenchmarkCommand : PSCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    /// <summary>The benchmarks to remove, compared ignoring case and taken literally, without wildcards.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet,
        HelpMessage = "Type the exact name of a benchmark to remove, without wildcards, as Get-CanopyBenchmark lists it.")]
    [BenchmarkNameArgument]
    [ArgumentCompleter(typeof(BenchmarkNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Benchmark names, or the benchmarks that Get-CanopyBenchmark lists and the summaries of Import-CanopyBenchmark.
    /// </summary>
    /// <remarks>
    /// Binding -Name by property name would take the Name column of a benchmark's own rows for a benchmark name, and
    /// remove another benchmark, so piped objects come here and are checked.
    /// </remarks>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet,
        HelpMessage = "Type the name of a benchmark to remove, or press Ctrl+C and pipe the benchmarks that Get-CanopyBenchmark lists.")]
    public PSObject? InputObject { get; set; }

    /// <summary>The cache file; by default $env:CANOPY_DATABASE, else benchmarks.db in the per-user data folder. Piped
    /// benchmarks and import summaries are removed from the cache they came from unless -Database is given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    // Ends a wait for another process's write lock, before anything is removed.
    private readonly CancellationTokenSource _cancellation = new();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputObjectSet)
        {
            (string name, string? database) = PipedBenchmark(InputObject);
            RemoveBenchmark(new BenchmarkStore(CachePaths.Resolve(this, Database ?? database)), name);
            return;
        }

        var store = new BenchmarkStore(CachePaths.Resolve(this, Database));
        foreach (string name in Name)
        {
            RemoveBenchmark(store, name);
        }
    }

    // The properties of a benchmark of the list and of an import summary. An object read back through Export-Csv or
    // Export-Clixml counts as one only when it has all of them, Database included. So a benchmark's own rows never
    // name what to remove, whatever their columns, and nothing is removed from another cache than its own.
    private static readonly string[] ListedBenchmarkProperties = { "Name", "Rows", "ArchitectureColumn", "ImportedAt", "Source", "Format", "Database" };
    private static readonly string[] SummaryProperties = { "Name", "RowsStored", "RowsRejected", "ArchitectureColumn", "Source", "Format", "Database" };

    // Any other object, such as a row of a benchmark, stops the command, because every later row would fail too.
    private (string Name, string? Database) PipedBenchmark(PSObject? piped)
    {
        object? value = piped?.BaseObject;
        switch (value)
        {
            case string text:
                return (text, null);
            case BenchmarkInfo benchmark:
                return (benchmark.Name, benchmark.Database);
            case ImportSummary summary:
                return (summary.Name, summary.Database);
            case System.Collections.IList list:
                ThrowTerminatingError(ErrorRecords.Create(
                    $"-InputObject received a list of {list.Count:N0} objects, but it takes one object. Pipe the list instead, so that each benchmark is removed on its own.",
                    "BenchmarkNameInvalid",
                    ErrorCategory.InvalidArgument,
                    piped));
                return default;
        }

        if (piped is not null && (HasAll(piped, ListedBenchmarkProperties) || HasAll(piped, SummaryProperties)) &&
            piped.Properties["Name"].Value?.ToString() is { Length: > 0 } name)
        {
            return (name, piped.Properties["Database"].Value?.ToString());
        }

        ThrowTerminatingError(ErrorRecords.Create(
            $"The piped object {TextExcerpt.Of(piped?.ToString() ?? "null", 80)} is not a benchmark. Pipe benchmark names, or the list that Get-CanopyBenchmark writes without -Name; to remove the benchmark that a row came from, give its name with -Name.",
            "BenchmarkNameInvalid",
            ErrorCategory.InvalidArgument,
            piped));
        return default;
    }

    private static bool HasAll(PSObject piped, string[] names) => Array.TrueForAll(names, name => piped.Properties[name] is not null);

    private void RemoveBenchmark(BenchmarkStore store, string name)
    {
        // The lookup comes first, so that -WhatIf and -Confirm name the row count and a missing cache file stays missing.
        BenchmarkInfo? benchmark = FindBenchmark(store, name);
        if (benchmark is null)
        {
            WriteError(NotFound(new BenchmarkNotFoundException(name, store.DatabasePath), name));
            return;
        }

        if (!ShouldProcess($"benchmark '{benchmark.Name}' in {store.DatabasePath}", $"Remove the benchmark and its {DescribeRows(benchmark.Rows)}"))
        {
            return;
        }

        // NOTE: another process may replace the benchmark between the prompt and the removal. The removal then deletes
        // the replacement, whose row count the verbose line gives.
        BenchmarkInfo removed;
        var wait = new CacheLockWait(this, store.DatabasePath);
        try
        {
            removed = store.Remove(name, _cancellation.Token, wait);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (BenchmarkNotFoundException exception)
        {
            // Another process removed it after the lookup.
            WriteError(NotFound(exception, name));
            return;
        }
        catch (Exception exception) when (CacheErrors.FromException(exception, store.DatabasePath) is { } error)
        {
            ThrowTerminatingError(error);
            return;
        }
        finally
        {
            wait.Abandon();
        }

        WriteVerbose($"Removed the benchmark '{removed.Name}' and its {DescribeRows(removed.Rows)} from {store.DatabasePath}.");
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    protected override void EndProcessing() => _cancellation.Dispose();

    // A cache that cannot be read stops the command, because every later name would fail on it the same way.
    private BenchmarkInfo? FindBenchmark(BenchmarkStore store, string name)
    {
        try
        {
            return store.Find(name);
        }
        catch (Exception exception) when (CacheErrors.FromException(exception, store.DatabasePath) is { } error)
        {
            ThrowTerminatingError(error);
        }

        return null;
    }

    private static ErrorRecord NotFound(BenchmarkNotFoundException exception, string name) =>
        ErrorRecords.Create(exception, "BenchmarkNotFound", ErrorCategory.ObjectNotFound, name);

    private static string DescribeRows(long rows) => rows == 1 ? "1 row" : $"{rows:N0} rows";
}

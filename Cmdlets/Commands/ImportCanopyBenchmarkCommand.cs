using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Threading;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure;
using Canopy.Storage;
using Canopy.Storage.Input;

namespace Canopy.Commands;

/// <summary>
/// Imports a benchmark file (CSV with any common delimiter, JSON array, either optionally gzip-compressed) into the
/// SQLite benchmark cache, one transaction per file.
/// </summary>
[Cmdlet(VerbsData.Import, "CanopyBenchmark", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ImportSummary))]
public sealed class ImportCanopyBenchmarkCommand : PSCmdlet
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The benchmark files; wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The benchmark name; by default the file name without its extension.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(BenchmarkNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The column that contains architectures; by default the first of ArchitectureString, arch_str, arch,
    /// Architecture, genotype and arch_repr.</summary>
    [Parameter]
    [Alias("ArchitectureColumn")]
    [ValidateNotNullOrEmpty]
    public string? ArchitectureProperty { get; set; }

    /// <summary>The search space of every architecture in the file; by default it is detected for each row.</summary>
    [Parameter]
    public SearchSpace SearchSpace { get; set; }

    /// <summary>The cache file; by default $env:CANOPY_DATABASE, else benchmarks.db in the per-user data folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>Replaces a stored benchmark of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var store = new BenchmarkStore(CachePaths.Resolve(this, Database));
        foreach (string file in ResolveFiles())
        {
            ImportFile(store, file);
        }
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    protected override void EndProcessing() => _cancellation.Dispose();

    private List<string> ResolveFiles()
    {
        var files = new List<string>();
        foreach (string path in Path)
        {
            try
            {
                files.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (ItemNotFoundException exception)
            {
                WriteError(ErrorRecords.Create(exception, "BenchmarkFileNotFound", ErrorCategory.ObjectNotFound, path));
            }
        }

        if (Name is not null && files.Count > 1)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"-Name '{Name}' names one benchmark, but -Path matched {files.Count} files. Import them one at a time, or leave out -Name to name each after its file.",
                "BenchmarkNameAmbiguous",
                ErrorCategory.InvalidArgument,
                Path));
        }

        return files;
    }

    private void ImportFile(BenchmarkStore store, string file)
    {
        if (Directory.Exists(file))
        {
            WriteError(ErrorRecords.Create($"{file} is a folder. Give the path of a CSV or JSON file.", "BenchmarkFileInvalid", ErrorCategory.InvalidArgument, file));
            return;
        }

        string name = Name ?? BenchmarkFile.DefaultName(file);
        if (!ConfirmImport(store, file, name))
        {
            return;
        }

        WriteVerbose($"Importing {file} as benchmark '{name}' into {store.DatabasePath}.");
        var options = new BenchmarkImportOptions
        {
            Path = file,
            Name = name,
            ArchitectureColumn = ArchitectureProperty,
            SearchSpace = MyInvocation.BoundParameters.ContainsKey(nameof(SearchSpace)) ? SearchSpace : null,
            Replace = Force,
        };

        var progress = new ProgressWriter(this, file);
        try
        {
            ImportSummary summary = store.Import(options, progress, rejection => WriteRejection(file, rejection), _cancellation.Token);
            progress.Complete();
            WriteVerbose($"Read {summary.Format} with architectures in column '{summary.ArchitectureColumn}': stored {summary.RowsStored} rows and rejected {summary.RowsRejected} in {summary.Elapsed.TotalSeconds:F2} s{(summary.Replaced ? ", replacing the earlier benchmark of that name" : string.Empty)}.");
            WriteObject(summary);
        }
        catch (OperationCanceledException)
        {
            progress.Complete();
            throw new PipelineStoppedException();
        }
        catch (CacheUnavailableException exception)
        {
            // Every later file would fail on the same cache.
            progress.Complete();
            ThrowTerminatingError(CacheUnavailable(exception));
        }
        catch (Exception exception) when (ToErrorRecord(exception, file, name) is { } error)
        {
            progress.Complete();
            WriteError(error);
        }
    }

    // Checks for an existing benchmark first, so that -WhatIf shows whether the import would replace one.
    private bool ConfirmImport(BenchmarkStore store, string file, string name)
    {
        BenchmarkInfo? existing;
        try
        {
            existing = store.Find(name);
        }
        catch (CacheFormatException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, "CacheFormatInvalid", ErrorCategory.OpenError, store.DatabasePath));
            return false;
        }
        catch (CacheUnavailableException exception)
        {
            ThrowTerminatingError(CacheUnavailable(exception));
            return false;
        }

        if (existing is not null && !Force)
        {
            WriteError(ErrorRecords.Create(new BenchmarkExistsException(existing.Name, store.DatabasePath), "BenchmarkExists", ErrorCategory.ResourceExists, name));
            return false;
        }

        string action = existing is null ? $"Import {file}" : $"Replace its {existing.Rows} rows with {file}";
        return ShouldProcess($"benchmark '{name}' in {store.DatabasePath}", action);
    }

    private void WriteRejection(string file, RowRejection rejection)
    {
        var record = new PSObject();
        foreach (KeyValuePair<string, object?> field in rejection.Record)
        {
            record.Properties.Add(new PSNoteProperty(field.Key, field.Value));
        }

        // Compact JSON puts many records on one line, and then only the record number distinguishes them.
        string place = rejection.LineNumber <= rejection.RecordNumber ? $"line {rejection.LineNumber} (record {rejection.RecordNumber})" : $"line {rejection.LineNumber}";
        WriteError(ErrorRecords.Create($"{file}, {place}: {rejection.Reason.TrimEnd('.')}. The row was not stored.", "BenchmarkRowInvalid", ErrorCategory.InvalidData, record));
    }

    private static ErrorRecord? ToErrorRecord(Exception exception, string file, string name) => exception switch
    {
        BenchmarkExistsException => ErrorRecords.Create(exception, "BenchmarkExists", ErrorCategory.ResourceExists, name),
        BenchmarkEmptyException => ErrorRecords.Create(exception, "BenchmarkEmpty", ErrorCategory.InvalidData, file),
        ArchitectureColumnNotFoundException => ErrorRecords.Create(exception, "ArchitectureColumnNotFound", ErrorCategory.ObjectNotFound, file),
        BenchmarkFileException => ErrorRecords.Create(exception, "BenchmarkFileInvalid", ErrorCategory.InvalidData, file),
        CacheFormatException format => ErrorRecords.Create(exception, "CacheFormatInvalid", ErrorCategory.OpenError, format.DatabasePath),
        IOException or UnauthorizedAccessException => ErrorRecords.Create(exception, "BenchmarkFileUnreadable", ErrorCategory.ReadError, file),
        _ => null,
    };

    private static ErrorRecord CacheUnavailable(CacheUnavailableException exception) =>
        ErrorRecords.Create(exception, "CacheUnavailable", ErrorCategory.OpenError, exception.DatabasePath);

    /// <summary>Writes Write-Progress records by bytes read, at most four times a second and not for imports shorter
    /// than that, from the pipeline thread.</summary>
    private sealed class ProgressWriter : IProgress<ImportProgress>
    {
        private readonly Cmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly Stopwatch _sinceLastWrite = Stopwatch.StartNew();
        private bool _written;

        public ProgressWriter(Cmdlet cmdlet, string file)
        {
            _cmdlet = cmdlet;
            _record = new ProgressRecord(1, "Importing benchmark", System.IO.Path.GetFileName(file));
        }

        public void Report(ImportProgress value)
        {
            if (_sinceLastWrite.Elapsed < ProgressInterval)
            {
                return;
            }

            _record.PercentComplete = value.TotalBytes > 0 ? (int)Math.Min(100, 100 * value.BytesRead / value.TotalBytes) : -1;
            _record.StatusDescription = $"{value.RowsRead:N0} rows, {value.BytesRead / 1048576.0:F1} of {value.TotalBytes / 1048576.0:F1} MB";
            _cmdlet.WriteProgress(_record);
            _written = true;
            _sinceLastWrite.Restart();
        }

        public void Complete()
        {
            if (_written)
            {
                _record.RecordType = ProgressRecordType.Completed;
                _cmdlet.WriteProgress(_record);
                _written = false;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Commands.Infrastructure.Records;
using Canopy.Regions;
using Canopy.Storage;
using Canopy.Storage.Import;
using Canopy.Storage.Input;

namespace Canopy.Commands;

/// <summary>
/// Imports a benchmark file (CSV with any common delimiter, JSON array, either optionally gzip-compressed) into the
/// SQLite benchmark cache, one transaction per file.
/// </summary>
[Cmdlet(VerbsData.Import, "CanopyBenchmark", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ImportSummary))]
public sealed class ImportCanopyBenchmarkCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The benchmark files; wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        HelpMessage = "Type the path of a CSV or JSON benchmark file, gzip-compressed or not, or a wildcard pattern such as results/*.csv.")]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The benchmark files, taken as written, so '[' and ']' are part of the name. Piped files bind here.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true,
        HelpMessage = "Type the path of a CSV or JSON benchmark file exactly as written, with '[' and ']' taken as part of the name.")]
    [Alias("PSPath", "LP", "FullName")]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The benchmark name; by default the file name without its extension.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(BenchmarkNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The column that contains architectures; by default the first of ArchitectureString, arch_str, arch,
    /// Architecture, genotype and arch_repr, else the MLP widths column LayerWidths or Widths.</summary>
    [Parameter]
    [Alias("ArchitectureColumn")]
    [ArgumentCompleter(typeof(ArchitecturePropertyCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ArchitectureProperty { get; set; }

    /// <summary>The search space of every architecture in the file; by default it is detected for each row.</summary>
    [Parameter]
    public SearchSpace SearchSpace { get; set; }

    /// <summary>The input dimension of MLP rows without an InputDimension value; by default 3072, which a warning reports.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(1, FullyConnectedNetwork.MaxSize)]
    public long InputDimension { get; set; } = ArchitectureConversion.DefaultInputDimension;

    /// <summary>The text encoding of the file: a name such as utf8, unicode, ansi, latin1 or windows-1252, a code page
    /// number such as 1252, or an Encoding object. By default UTF-8, and a byte-order mark overrides it in CSV files.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(EncodingNameCompleter))]
    [EncodingTransformation]
    [ValidateNotNull]
    public System.Text.Encoding? Encoding { get; set; }

    /// <summary>The cache file; by default $env:CANOPY_DATABASE, else benchmarks.db in the per-user data folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>Reads text such as 93,5 in columns other than the architecture as numbers with a decimal comma.</summary>
    [Parameter]
    public SwitchParameter DecimalComma { get; set; }

    /// <summary>Replaces a stored benchmark of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            ThrowTerminatingError(ErrorRecords.Create("-Name is blank. Give a benchmark name, or leave out -Name to name the benchmark after its file.", "BenchmarkNameInvalid", ErrorCategory.InvalidArgument, Name));
        }

        // Checked before outer white space, so that the suggested name has neither.
        if (Name is not null && BenchmarkNameCharacters.FormatCharacterProblem(Name) is { } formatProblem)
        {
            ThrowTerminatingError(ErrorRecords.Create($"-Name {formatProblem}. {FormatCharacterAdvice(Name)}", "BenchmarkNameInvalid", ErrorCategory.InvalidArgument, Name));
        }

        // A name stored with outer spaces could only be read back by repeating them exactly.
        if (Name is not null && Name.Trim().Length != Name.Length)
        {
            ThrowTerminatingError(ErrorRecords.Create($"-Name '{Name}' starts or ends with white space. Give the name without it, such as '{Name.Trim()}'.", "BenchmarkNameInvalid", ErrorCategory.InvalidArgument, Name));
        }

        if (Name is not null && BenchmarkNameCharacters.ControlCharacterProblem(Name) is { } problem)
        {
            ThrowTerminatingError(ErrorRecords.Create($"-Name {problem}. Give a benchmark name without line breaks, tabs or other control characters.", "BenchmarkNameInvalid", ErrorCategory.InvalidArgument, Name));
        }
    }

    // A format character is invisible, so the suggested name is the one the user saw, when that one is valid.
    private static string FormatCharacterAdvice(string name)
    {
        string visibleName = BenchmarkNameCharacters.WithoutFormatCharacters(name);
        if (visibleName.Length == 0)
        {
            return "Give a benchmark name, or leave out -Name to name the benchmark after its file.";
        }

        return BenchmarkNameCharacters.ControlCharacterProblem(visibleName) is null
            ? $"Give the name without format characters, such as '{visibleName}'."
            : "Give a benchmark name without control or format characters.";
    }

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
        if (ParameterSetName == LiteralPathSet)
        {
            foreach (string path in LiteralPath)
            {
                AddLiteralFile(files, path);
            }
        }
        else
        {
            foreach (string pattern in Path)
            {
                AddMatchingFiles(files, pattern);
            }
        }

        if (Name is not null && files.Count > 1)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                $"-Name '{Name}' names one benchmark, but the paths matched {files.Count} files. Import them one at a time, or leave out -Name to name each after its file.",
                "BenchmarkNameAmbiguous",
                ErrorCategory.InvalidArgument,
                ParameterSetName == LiteralPathSet ? LiteralPath : Path));
        }

        return files;
    }

    private void AddMatchingFiles(List<string> files, string pattern)
    {
        // PowerShell turns a piped record, such as one from Import-Csv, into the text @{name=value; ...}. Every later
        // record would fail the same way, so the first one stops the pipeline.
        if (pattern.StartsWith("@{", StringComparison.Ordinal) && pattern.EndsWith("}", StringComparison.Ordinal))
        {
            string excerpt = pattern.Length > 120 ? pattern.Substring(0, 117) + "..." : pattern;
            ThrowTerminatingError(ErrorRecords.Create($"Import-CanopyBenchmark reads benchmark files, but it received the record {excerpt} in place of a path. Save the records to a file with Export-Csv, then import that file.", "BenchmarkPathInvalid", ErrorCategory.InvalidArgument, pattern));
        }

        Collection<string> matches;
        ProviderInfo provider;
        try
        {
            matches = GetResolvedProviderPathFromPSPath(pattern, out provider);
        }
        catch (Exception exception) when (exception is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
        {
            WriteError(ErrorRecords.Create(exception, "BenchmarkFileNotFound", ErrorCategory.ObjectNotFound, pattern));
            return;
        }

        if (!IsFileSystem(provider, pattern))
        {
            return;
        }

        if (matches.Count == 0)
        {
            string hint = pattern.IndexOfAny(new[] { '[', ']' }) >= 0 ? " To take '[' and ']' as part of a file name, use -LiteralPath." : string.Empty;
            WriteError(ErrorRecords.Create($"No file matches the path '{pattern}'.{hint}", "BenchmarkFileNotFound", ErrorCategory.ObjectNotFound, pattern));
            return;
        }

        files.AddRange(matches);
    }

    private void AddLiteralFile(List<string> files, string path)
    {
        string file;
        ProviderInfo provider;
        try
        {
            file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception exception) when (exception is System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
        {
            WriteError(ErrorRecords.Create(exception, "BenchmarkFileNotFound", ErrorCategory.ObjectNotFound, path));
            return;
        }

        if (!IsFileSystem(provider, path))
        {
            return;
        }

        if (!File.Exists(file) && !Directory.Exists(file))
        {
            WriteError(ErrorRecords.Create($"Cannot find path '{file}' because it does not exist.", "BenchmarkFileNotFound", ErrorCategory.ObjectNotFound, path));
            return;
        }

        files.Add(file);
    }

    private bool IsFileSystem(ProviderInfo provider, string path)
    {
        if (string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        WriteError(ErrorRecords.Create($"The path '{path}' is on the {provider.Name} provider, but Import-CanopyBenchmark reads file system paths only. Give the path of a CSV or JSON file.", "BenchmarkPathInvalid", ErrorCategory.InvalidArgument, path));
        return false;
    }

    private void ImportFile(BenchmarkStore store, string file)
    {
        if (Directory.Exists(file))
        {
            WriteError(ErrorRecords.Create($"{file} is a folder. Give the path of a CSV or JSON file.", "BenchmarkPathInvalid", ErrorCategory.InvalidArgument, file));
            return;
        }

        string name = Name ?? BenchmarkFile.DefaultName(file);
        if (string.IsNullOrWhiteSpace(name))
        {
            WriteError(ErrorRecords.Create($"The benchmark name '{name}' taken from the file name of {file} is blank. Give a name with -Name.", "BenchmarkNameInvalid", ErrorCategory.InvalidArgument, file));
            return;
        }

        if (BenchmarkNameCharacters.ControlCharacterProblem(name) is { } problem)
        {
            string printableFile = string.Concat(file.Select(c => BenchmarkNameCharacters.LineBreaking.Contains(c) ? '\uFFFD' : c));
            WriteError(ErrorRecords.Create($"The benchmark name taken from the file name of {printableFile} {problem}. Give a name without control characters with -Name.", "BenchmarkNameInvalid", ErrorCategory.InvalidArgument, file));
            return;
        }

        if (BenchmarkNameCharacters.FormatCharacterProblem(name) is { } formatProblem)
        {
            WriteError(ErrorRecords.Create($"The benchmark name taken from the file name of {file} {formatProblem}. Give a name without format characters with -Name.", "BenchmarkNameInvalid", ErrorCategory.InvalidArgument, file));
            return;
        }

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
            Encoding = Encoding,
            DecimalComma = DecimalComma,
            InputDimension = MyInvocation.BoundParameters.ContainsKey(nameof(InputDimension)) ? InputDimension : null,
            Replace = Force,
        };

        var wait = new CacheLockWait(this, store.DatabasePath);
        var progress = new ProgressWriter(this, file);
        try
        {
            // Warnings come before the commit, so -WarningAction Stop leaves the cache as it was.
            ImportSummary summary = store.Import(options, progress, rejection => WriteRejection(file, rejection), _cancellation.Token, warning => WriteWarning($"{file}: {warning}"), wait);
            progress.Complete();

            WriteVerbose($"Read {summary.Format} with architectures in column '{summary.ArchitectureColumn}': stored {CorrelationMessages.Count(summary.RowsStored, "row")} and rejected {summary.RowsRejected:N0} in {summary.Elapsed.TotalSeconds:F2} s{(summary.Replaced ? ", replacing the earlier benchmark of that name" : string.Empty)}.");
            WriteObject(summary);
        }
        catch (OperationCanceledException)
        {
            progress.Complete();
            throw new PipelineStoppedException();
        }
        catch (Exception exception) when (CacheErrors.FromException(exception, store.DatabasePath) is { } error)
        {
            // Every later file would fail on the same cache.
            progress.Complete();
            ThrowTerminatingError(error);
        }
        catch (Exception exception) when (ToErrorRecord(exception, file, name) is { } error)
        {
            progress.Complete();
            WriteError(error);
        }
        finally
        {
            wait.Abandon();
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
        catch (Exception exception) when (CacheErrors.FromException(exception, store.DatabasePath) is { } error)
        {
            ThrowTerminatingError(error);
            return false;
        }

        if (existing is not null && !Force)
        {
            WriteError(ErrorRecords.Create(new BenchmarkExistsException(existing.Name, store.DatabasePath), "BenchmarkExists", ErrorCategory.ResourceExists, name));
            return false;
        }

        string rows = CorrelationMessages.Count(existing?.Rows ?? 0, "row");
        string action = existing is null ? $"Import {file}" : $"Replace its {rows} with {file}";
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
        IOException or UnauthorizedAccessException => ErrorRecords.Create(exception, "BenchmarkFileUnreadable", ErrorCategory.ReadError, file),
        _ => null,
    };

    /// <summary>Writes Write-Progress records by bytes read, at most four times a second and not for imports shorter
    /// than that, from the pipeline thread.</summary>
    private sealed class ProgressWriter : IProgress<ImportProgress>
    {
        private const string Activity = "Importing benchmark";

        private readonly Cmdlet _cmdlet;
        private readonly string _fileName;
        private readonly Stopwatch _sinceLastWrite = Stopwatch.StartNew();
        private bool _written;

        public ProgressWriter(Cmdlet cmdlet, string file)
        {
            _cmdlet = cmdlet;
            _fileName = System.IO.Path.GetFileName(file);
        }

        // Each update is a new record, because a host or job that keeps the records would otherwise see the last values in all of them.
        public void Report(ImportProgress value)
        {
            // The commit of a large file takes seconds, so a progress bar that was shown reports it.
            if (value.Committing && _written)
            {
                _cmdlet.WriteProgress(new ProgressRecord(1, Activity, $"{_fileName}: committing {CorrelationMessages.Count(value.RowsRead, "row")} to the cache") { PercentComplete = 100 });
                return;
            }

            if (_sinceLastWrite.Elapsed < ProgressInterval)
            {
                return;
            }

            string status = $"{_fileName}: {CorrelationMessages.Count(value.RowsRead, "row")}, {value.BytesRead / 1048576.0:F1} of {value.TotalBytes / 1048576.0:F1} MB";
            int percent = value.TotalBytes > 0 ? (int)Math.Min(100, 100 * value.BytesRead / value.TotalBytes) : -1;
            _cmdlet.WriteProgress(new ProgressRecord(1, Activity, status) { PercentComplete = percent });
            _written = true;
            _sinceLastWrite.Restart();
        }

        public void Complete()
        {
            if (_written)
            {
                _cmdlet.WriteProgress(new ProgressRecord(1, Activity, $"{_fileName}: done") { PercentComplete = 100, RecordType = ProgressRecordType.Completed });
                _written = false;
            }
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Storage;

namespace Canopy.Commands.Infrastructure;

/// <summary>Completes benchmark names from the cache that -Database names, or from the default cache.</summary>
public sealed class BenchmarkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = wordToComplete.Trim('\'', '"');
        IReadOnlyList<BenchmarkInfo> benchmarks;
        try
        {
            benchmarks = new BenchmarkStore(DatabasePath(fakeBoundParameters)).List();
        }
        catch (Exception exception) when (exception is CacheFormatException or Microsoft.Data.Sqlite.SqliteException or System.IO.IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Completion offers nothing rather than an error while the user is still typing.
            return Array.Empty<CompletionResult>();
        }

        return benchmarks
            .Where(benchmark => benchmark.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(benchmark => new CompletionResult(Quote(benchmark.Name), benchmark.Name, CompletionResultType.ParameterValue, $"{benchmark.Rows:N0} rows from {benchmark.Source}"))
            .ToArray();
    }

    private static string? DatabasePath(IDictionary fakeBoundParameters)
    {
        object? value = fakeBoundParameters["Database"] ?? Environment.GetEnvironmentVariable(CacheLocation.EnvironmentVariable);
        string path = (value is PSObject wrapped ? wrapped.BaseObject : value)?.ToString() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(CurrentLocation() ?? string.Empty, path);
    }

    // Completion runs inside the pipeline that is being typed, so the location is read through a nested pipeline.
    private static string? CurrentLocation()
    {
        try
        {
            using PowerShell shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            shell.AddCommand("Microsoft.PowerShell.Management\\Get-Location");
            return shell.Invoke<PathInfo>().FirstOrDefault()?.ProviderPath;
        }
        catch (PSInvalidOperationException)
        {
            return null;
        }
    }

    private static string Quote(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? name : "'" + name.Replace("'", "''") + "'";
}

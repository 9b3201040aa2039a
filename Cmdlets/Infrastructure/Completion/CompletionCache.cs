using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Storage;
using Canopy.Storage.Cache;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>The cache that a command line being completed points at, read without raising errors.</summary>
internal static class CompletionCache
{
    // Completion offers nothing rather than an error while the user is still typing.
    public static IReadOnlyList<BenchmarkInfo> ListBenchmarks(IDictionary fakeBoundParameters)
    {
        try
        {
            return new BenchmarkStore(DatabasePath(fakeBoundParameters)).List();
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return Array.Empty<BenchmarkInfo>();
        }
    }

    // Proxies and accuracies are numbers, so completion leaves out columns without any, such as the architecture.
    public static IReadOnlyList<string> NumericColumns(IDictionary fakeBoundParameters, string benchmark)
    {
        try
        {
            return new BenchmarkStore(DatabasePath(fakeBoundParameters)).NumericColumns(benchmark);
        }
        catch (Exception exception) when (exception is BenchmarkNotFoundException || IsUnreadable(exception))
        {
            return Array.Empty<string>();
        }
    }

    // Completion lists at most this many architectures, because a NATS-Bench benchmark stores 15,625.
    private const int MaxArchitectures = 100;

    public static IReadOnlyList<string> Architectures(IDictionary fakeBoundParameters, string benchmark, string prefix)
    {
        try
        {
            return new BenchmarkStore(DatabasePath(fakeBoundParameters)).Architectures(benchmark, prefix, MaxArchitectures);
        }
        catch (Exception exception) when (exception is BenchmarkNotFoundException || IsUnreadable(exception))
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>Returns the value of a parameter on the command line being completed as text, or null.</summary>
    public static string? BoundText(IDictionary fakeBoundParameters, string parameter) =>
        (fakeBoundParameters[parameter] is PSObject wrapped ? wrapped.BaseObject : fakeBoundParameters[parameter])?.ToString();

    /// <summary>
    /// Returns the values already typed for a parameter, such as the earlier names of a list, in the command line
    /// being completed. The word being completed is left out, so that a typed value still completes to itself.
    /// </summary>
    /// <remarks>
    /// A list that ends in a comma does not bind, so the values are read from the syntax tree, where PowerShell's static
    /// binder also finds them when they were typed by position or with an abbreviated parameter name.
    /// </remarks>
    public static HashSet<string> ChosenValues(CommandAst commandAst, string parameter, string wordToComplete)
    {
        var chosen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        StaticBindingResult binding = StaticParameterBinder.BindCommand(commandAst, resolve: true);
        if (binding.BoundParameters.TryGetValue(parameter, out ParameterBindingResult? bound) && bound.Value is { } argument)
        {
            foreach (Ast value in argument.FindAll(node => node is StringConstantExpressionAst, searchNestedScriptBlocks: false))
            {
                chosen.Add(((StringConstantExpressionAst)value).Value);
            }
        }

        chosen.Remove(Unquote(wordToComplete));
        return chosen;
    }

    private static bool IsUnreadable(Exception exception) =>
        exception is CacheFormatException or CacheUnavailableException or Microsoft.Data.Sqlite.SqliteException or System.IO.IOException or UnauthorizedAccessException or ArgumentException;

    public static string Unquote(string word) => word.Trim('\'', '"');

    /// <summary>
    /// Completes a fixed list of names that start with the typed word in any letter case. The comparison is ordinal,
    /// because under tr-TR a culture comparison does not take "i" for "I".
    /// </summary>
    public static CompletionResult[] FixedNames(IEnumerable<string> names, string wordToComplete, Func<string, string> tooltip)
    {
        string prefix = Unquote(wordToComplete);
        return names
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, tooltip(name)))
            .ToArray();
    }

    public static string Quote(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? name : "'" + name.Replace("'", "''") + "'";

    /// <summary>
    /// Returns the full path of the one file that -LiteralPath or -Path names on the command line being completed, or
    /// null when there is none, a wildcard matches several, or the path cannot be resolved.
    /// </summary>
    public static string? FilePath(IDictionary fakeBoundParameters)
    {
        string? literal = BoundText(fakeBoundParameters, "LiteralPath");
        string? wildcard = BoundText(fakeBoundParameters, "Path");
        if ((literal ?? wildcard) is not { Length: > 0 } text)
        {
            return null;
        }

        // A nested pipeline resolves the path against the current location, which the runspace's proxy may not read
        // while completion runs.
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand(@"Microsoft.PowerShell.Management\Resolve-Path")
            .AddParameter(literal is null ? "Path" : "LiteralPath", text)
            .AddParameter("ErrorAction", ActionPreference.Ignore);
        try
        {
            PathInfo[] resolved = shell.Invoke<PathInfo>().Where(path => path.Provider.Name == "FileSystem").ToArray();
            return resolved.Length == 1 ? resolved[0].ProviderPath : null;
        }
        catch (Exception exception) when (exception is RuntimeException or InvalidOperationException)
        {
            return null;
        }
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
}

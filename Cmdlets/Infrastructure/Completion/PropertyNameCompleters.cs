using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Records;
using Canopy.Plotting;
using Canopy.Storage;
using Canopy.Storage.Input;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>
/// Completes -ArchitectureProperty with the columns of the file that -Path or -LiteralPath names on the command line, if
/// any, then with the property names Canopy looks for when it is not given.
/// </summary>
public sealed class ArchitecturePropertyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? path = CompletionCache.FilePath(fakeBoundParameters);
        IEnumerable<CompletionResult> columns = path is null
            ? Array.Empty<CompletionResult>()
            : PropertyNameCompletion.Complete(BenchmarkFileColumns.Read(path), wordToComplete, $"column of {System.IO.Path.GetFileName(path)}", quote: true);
        IEnumerable<CompletionResult> defaults = PropertyNameCompletion.Complete(ArchitectureProperties.Candidates.Concat(MlpFields.WidthsNames), wordToComplete, "property read by default");
        return PropertyNameCompletion.Distinct(columns.Concat(defaults)).ToArray();
    }
}

/// <summary>
/// Completes -Target and -Proxy of Measure-ProxyCorrelation with the score properties Canopy's cmdlets add and the
/// numeric columns of the benchmarks in the cache. -Target offers the columns first, because accuracies are there.
/// The columns of a user's file are unknown while the command line is typed, and these names are less misleading
/// than PowerShell's fallback to file names when a completer returns nothing.
/// </summary>
public sealed class CorrelationPropertyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IEnumerable<CompletionResult> scores = PropertyNameCompletion.Complete(MeasureProxyCorrelationCommand.DefaultProxies, wordToComplete, "score property that Get-TropicalScore adds");
        IEnumerable<CompletionResult> columns = PropertyNameCompletion.CachedColumns(fakeBoundParameters, wordToComplete);
        if (parameterName == "Target")
        {
            return PropertyNameCompletion.Distinct(columns.Concat(scores));
        }

        // A proxy already in the list, or the target itself, would only be measured twice or against itself.
        HashSet<string> chosen = CompletionCache.ChosenValues(commandAst, parameterName, wordToComplete);
        if (CompletionCache.BoundText(fakeBoundParameters, "Target") is { } target)
        {
            chosen.Add(target);
        }

        return PropertyNameCompletion.Distinct(scores.Concat(columns)).Where(result => !chosen.Contains(result.ListItemText));
    }
}

/// <summary>
/// Completes -X, -Y and -GroupBy of Export-CanopyPlot with the properties that Canopy's records carry for the plot
/// kind being typed, and for correlation plots with the numeric columns of the benchmarks in the cache.
/// </summary>
public sealed class PlotPropertyCompleter : IArgumentCompleter
{
    private static readonly string[] ScoreProperties = MeasureProxyCorrelationCommand.DefaultProxies;
    private static readonly string[] SearchGroups = { "Strategy", "Objective", "Mode", "SearchSpace", "TieBreaker", "Dataset", "DartsNetwork" };
    private static readonly string[] CorrelationMeasures = { "Spearman", "Kendall", "Pearson", "TopOverlap" };

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        object? kindValue = fakeBoundParameters["Kind"] is PSObject wrapped ? wrapped.BaseObject : fakeBoundParameters["Kind"];
        PlotKind? kind = Enum.TryParse(kindValue?.ToString(), true, out PlotKind parsed) ? parsed : null;

        (string[] names, string description) = (kind, parameterName) switch
        {
            (PlotKind.Trajectory, "X") => (new[] { "Step" }, "step of a search record"),
            (PlotKind.Trajectory, "Y") => (new[] { "BestTarget", "BestScore", "TropicalScore", "Score" }, "value of a search record"),
            (PlotKind.Trajectory, _) => (SearchGroups, "property that tells search runs apart"),
            (PlotKind.Modes, "Y") => (CorrelationMeasures, "column of Measure-ProxyCorrelation"),
            (PlotKind.Modes, _) => (new[] { "Target", "Proxy" }, "column of Measure-ProxyCorrelation"),
            (PlotKind.Correlation, "GroupBy") => (Array.Empty<string>(), string.Empty),
            _ => (ScoreProperties, "score property that Get-TropicalScore adds"),
        };

        IEnumerable<CompletionResult> properties = PropertyNameCompletion.Complete(names, wordToComplete, description);
        return kind is PlotKind.Correlation or null && parameterName != "GroupBy"
            ? PropertyNameCompletion.Distinct(properties.Concat(PropertyNameCompletion.CachedColumns(fakeBoundParameters, wordToComplete)))
            : properties;
    }
}

internal static class PropertyNameCompletion
{
    // PowerShell property names ignore case, so a cached column 'flops' and the score property Flops are one name.
    public static IEnumerable<CompletionResult> Distinct(IEnumerable<CompletionResult> results) =>
        results.DistinctBy(result => result.ListItemText, StringComparer.OrdinalIgnoreCase);

    // Returns each numeric column name once, even when several cached benchmarks share it.
    public static IEnumerable<CompletionResult> CachedColumns(IDictionary fakeBoundParameters, string wordToComplete)
    {
        string prefix = CompletionCache.Unquote(wordToComplete);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (BenchmarkInfo benchmark in CompletionCache.ListBenchmarks(fakeBoundParameters))
        {
            foreach (string column in CompletionCache.NumericColumns(fakeBoundParameters, benchmark.Name))
            {
                if (column.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && seen.Add(column))
                {
                    yield return new CompletionResult(CompletionCache.Quote(column), column, CompletionResultType.ParameterValue, $"column of the cached benchmark {benchmark.Name}");
                }
            }
        }
    }

    // A file's column may contain blanks or quotes, so its completion text is quoted where PowerShell needs it.
    public static CompletionResult[] Complete(IEnumerable<string> names, string wordToComplete, string description, bool quote = false)
    {
        string prefix = CompletionCache.Unquote(wordToComplete);
        return names
            .Where(name => name.Length > 0 && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(quote ? CompletionCache.Quote(name) : name, name, CompletionResultType.ParameterValue, $"{name}: {description}"))
            .ToArray();
    }
}

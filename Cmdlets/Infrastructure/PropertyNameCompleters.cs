using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Canopy.Commands.Infrastructure;

/// <summary>Completes -ArchitectureProperty with the property names Canopy looks for when it is not given.</summary>
public sealed class ArchitecturePropertyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        PropertyNameCompletion.Complete(ArchitectureProperties.Candidates, wordToComplete, "property read by default");
}

/// <summary>
/// Completes -Proxy and -Target of Measure-ProxyCorrelation with the score properties Canopy's cmdlets add. The
/// columns of a user's file are unknown while the command line is typed, and offering these names is less
/// misleading than PowerShell's fallback to file names when a completer returns nothing.
/// </summary>
public sealed class ScorePropertyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        PropertyNameCompletion.Complete(MeasureProxyCorrelationCommand.DefaultProxies, wordToComplete, "score property that Get-TropicalScore adds");
}

internal static class PropertyNameCompletion
{
    public static CompletionResult[] Complete(IEnumerable<string> names, string wordToComplete, string description)
    {
        string prefix = CompletionCache.Unquote(wordToComplete);
        return names
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, $"{name}: {description}"))
            .ToArray();
    }
}

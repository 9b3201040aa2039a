using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>Completes -Architecture with the canonical architectures of the benchmark that -Name names.</summary>
/// <remarks>NOTE: when this offers nothing, such as before -Name is given, PowerShell 7.6 falls back to file names,
/// because an argument completer cannot stop that fallback.</remarks>
public sealed class BenchmarkArchitectureCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? benchmark = CompletionCache.BoundText(fakeBoundParameters, "Name");
        if (string.IsNullOrWhiteSpace(benchmark))
        {
            return Array.Empty<CompletionResult>();
        }

        // Most architecture strings contain '|', '(' or spaces, so every one is quoted.
        return CompletionCache.Architectures(fakeBoundParameters, benchmark, CompletionCache.Unquote(wordToComplete))
            .Select(architecture => new CompletionResult("'" + architecture.Replace("'", "''") + "'", architecture, CompletionResultType.ParameterValue, $"architecture in {benchmark}"))
            .ToArray();
    }
}

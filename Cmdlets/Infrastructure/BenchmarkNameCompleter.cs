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
        string prefix = CompletionCache.Unquote(wordToComplete);
        return CompletionCache.ListBenchmarks(fakeBoundParameters)
            .Where(benchmark => benchmark.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(benchmark => new CompletionResult(CompletionCache.Quote(benchmark.Name), benchmark.Name, CompletionResultType.ParameterValue, $"{benchmark.Rows:N0} rows from {benchmark.Source}"))
            .ToArray();
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Storage;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>
/// Completes benchmark names from the cache that -Database names, or from the default cache. When -SearchSpace is on
/// the command line, only benchmarks that store architectures of that space are offered.
/// </summary>
public sealed class BenchmarkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = CompletionCache.Unquote(wordToComplete);
        SearchSpace? searchSpace = Enum.TryParse(CompletionCache.BoundText(fakeBoundParameters, "SearchSpace"), ignoreCase: true, out SearchSpace parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
        // A list such as Remove-CanopyBenchmark -Name a, b does not offer a name it already contains.
        HashSet<string> chosen = CompletionCache.ChosenValues(commandAst, parameterName, wordToComplete);
        return CompletionCache.ListBenchmarks(fakeBoundParameters)
            .Where(benchmark => BenchmarkNames.StartsWith(benchmark.Name, prefix) && !chosen.Contains(benchmark.Name))
            .Where(benchmark => searchSpace is null || benchmark.SearchSpaces.Contains(searchSpace.Value.ToString()))
            .Select(benchmark => new CompletionResult(CompletionCache.Quote(benchmark.Name), benchmark.Name, CompletionResultType.ParameterValue, $"{CorrelationMessages.Count(benchmark.Rows, "row")} from {benchmark.Source}"))
            .ToArray();
    }
}

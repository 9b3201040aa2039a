using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Storage;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>Completes the numeric column names of the benchmark that -Benchmark names, for -Target.</summary>
public sealed class BenchmarkColumnCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? name = (fakeBoundParameters["Benchmark"] is PSObject wrapped ? wrapped.BaseObject : fakeBoundParameters["Benchmark"])?.ToString();
        IReadOnlyList<BenchmarkInfo> benchmarks = name is null ? Array.Empty<BenchmarkInfo>() : CompletionCache.ListBenchmarks(fakeBoundParameters);
        string? stored = name is null ? null : BenchmarkNames.Find(benchmarks.Select(info => info.Name), name);
        BenchmarkInfo? benchmark = benchmarks.FirstOrDefault(info => info.Name == stored);
        if (benchmark is null)
        {
            return Array.Empty<CompletionResult>();
        }

        string prefix = CompletionCache.Unquote(wordToComplete);
        return CompletionCache.NumericColumns(fakeBoundParameters, benchmark.Name)
            .Where(column => column.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(column => new CompletionResult(CompletionCache.Quote(column), column, CompletionResultType.ParameterValue, $"column of {benchmark.Name}"))
            .ToArray();
    }
}

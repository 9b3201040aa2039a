using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>
/// Completes the operation lists of New-CanopyArchitecture: NATS-Bench operations for -Operations and DARTS operations
/// for -NormalOperations and -ReduceOperations.
/// </summary>
public sealed class OperationNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyList<string> names = parameterName.Equals("Operations", StringComparison.OrdinalIgnoreCase) ? NatsOperationNames.All : DartsOperationNames.All;
        return CompletionCache.FixedNames(names, wordToComplete, name => name);
    }
}

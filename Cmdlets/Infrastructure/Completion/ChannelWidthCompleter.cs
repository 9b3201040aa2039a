using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>Completes -Channels with the widths a NATS-Bench size layer may take, 8 to 64 in steps of 8.</summary>
public sealed class ChannelWidthCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = CompletionCache.Unquote(wordToComplete);
        return NatsSizeArchitecture.Candidates
            .Select(width => width.ToString(CultureInfo.InvariantCulture))
            .Where(width => width.StartsWith(prefix, StringComparison.Ordinal))
            .Select(width => new CompletionResult(width, width, CompletionResultType.ParameterValue, $"{width} channels"))
            .ToArray();
    }
}

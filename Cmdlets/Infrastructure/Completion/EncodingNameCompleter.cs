using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Storage.Input;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>
/// Completes -Encoding with the short encoding names that Import-Csv of PowerShell 7 offers, plus latin1, and once a
/// letter is typed also with the web names of the code pages .NET provides, such as windows-1252.
/// </summary>
public sealed class EncodingNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = CompletionCache.Unquote(wordToComplete);

        // The 116 code-page names of .NET 10 would bury the short names in an empty completion, so they need a prefix.
        IEnumerable<string> webNames = prefix.Length == 0 ? Array.Empty<string>() : TextEncodings.WebNames;
        return TextEncodings.Names
            .Concat(webNames)
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name))
            .ToArray();
    }
}

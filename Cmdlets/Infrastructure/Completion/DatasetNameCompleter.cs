using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;

namespace Canopy.Commands.Infrastructure.Completion;

/// <summary>Completes -Dataset with cifar10, cifar100 and ImageNet16-120, matching the typed prefix in any culture.</summary>
public sealed class DatasetNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        return CompletionCache.FixedNames(DatasetNames.All, wordToComplete, Describe);
    }

    private static string Describe(string name)
    {
        Dataset dataset = DatasetNames.Parse(name);
        return $"{name}: {DatasetFacts.ClassCount(dataset)} classes, {DatasetFacts.ImageSide(dataset)} × {DatasetFacts.ImageSide(dataset)} input";
    }
}

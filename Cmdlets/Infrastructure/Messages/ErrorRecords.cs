using System;
using System.Management.Automation;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>Builds error records whose id, category and target follow one convention across the module.</summary>
internal static class ErrorRecords
{
    /// <summary>Creates a record with a PascalCase &lt;Noun&gt;&lt;Condition&gt; id and the offending input as target.</summary>
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target) =>
        new(exception, errorId, category, target);

    /// <summary>Creates a record from a message alone, for conditions that no exception describes.</summary>
    public static ErrorRecord Create(string message, string errorId, ErrorCategory category, object? target) =>
        new(new ArgumentException(message), errorId, category, target);
}

using System;
using System.Linq;
using System.Management.Automation;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Search;
using Canopy.Storage;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>
/// Opens the benchmark whose stored values Invoke-CanopySearch reports for the architectures it finds, and turns every
/// reason it cannot be used into the error the cmdlet stops with, before any search time is spent.
/// </summary>
internal static class SearchTargetLookup
{
    /// <summary>Returns the benchmark's target column, or null with the error to stop with.</summary>
    /// <param name="store">The cache that contains the benchmark.</param>
    /// <param name="benchmark">The benchmark's name, as -Benchmark gives it.</param>
    /// <param name="target">The column of stored values, as -Target gives it.</param>
    /// <param name="space">The search space the search runs in, which the benchmark must contain.</param>
    /// <param name="error">The error when the benchmark cannot be used.</param>
    public static BenchmarkTargets? Open(BenchmarkStore store, string benchmark, string target, SearchSpace space, out ErrorRecord? error)
    {
        error = null;
        BenchmarkTargets targets;
        try
        {
            targets = BenchmarkTargets.Open(store, benchmark, target);
        }
        catch (BenchmarkNotFoundException exception)
        {
            error = ErrorRecords.Create(exception, "BenchmarkNotFound", ErrorCategory.ObjectNotFound, benchmark);
            return null;
        }
        catch (TargetColumnNotFoundException exception)
        {
            error = ErrorRecords.Create(exception, "TargetColumnNotFound", ErrorCategory.ObjectNotFound, target);
            return null;
        }
        catch (TargetColumnNotNumericException exception)
        {
            string message = SearchMessages.NotNumeric(exception, store.FirstText(exception.Benchmark, exception.Column));
            error = ErrorRecords.Create(message, "TargetColumnNotNumeric", ErrorCategory.InvalidArgument, target);
            return null;
        }
        catch (Exception exception) when (CacheErrors.FromException(exception, store.DatabasePath) is { } cacheError)
        {
            error = cacheError;
            return null;
        }

        if (!targets.Benchmark.SearchSpaces.Contains(space.ToString()))
        {
            string stored = targets.Benchmark.SearchSpaces.Count == 0 ? "no architectures" : string.Join(", ", targets.Benchmark.SearchSpaces) + " architectures";
            error = ErrorRecords.Create(
                $"The benchmark '{targets.Benchmark.Name}' contains {stored}, so it has no values for {space} architectures. Choose a benchmark of the {space} space.",
                "BenchmarkSearchSpaceMismatch",
                ErrorCategory.InvalidArgument,
                benchmark);
            return null;
        }

        return targets;
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Canopy.Architectures;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Costs;
using Canopy.Search;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>The verbose and warning texts of Invoke-CanopySearch, built apart from the cmdlet's control flow.</summary>
internal static class SearchMessages
{
    /// <summary>Describes the settings of a search in one sentence, for the first verbose message.</summary>
    public static string Settings(SearchOptions options, SearchSpace space, string dataset, int seedCount, BenchmarkTargets? targets, string targetProperty)
    {
        string strategy = options.Strategy == SearchStrategy.RegularizedEvolution
            ? $"regularized evolution (population {options.PopulationSize:N0}, tournament sample {options.SampleSize:N0})"
            : "random search";
        string objective = options.Objective == SearchObjective.TropicalScore ? $"TropicalScore in {options.Scoring.Mode} mode" : options.Objective.ToString();
        string ties = options.TieBreaker == TieBreaker.None ? "the earlier evaluation" : $"the larger {options.TieBreaker}, then the earlier evaluation";
        string limits = (options.MaxParameters, options.MaxFlops) switch
        {
            (null, null) => string.Empty,
            (long parameters, null) => $" Candidates with more than {parameters:N0} parameters are rejected.",
            (null, long flops) => $" Candidates with more than {flops:N0} FLOPs are rejected.",
            (long parameters, long flops) => $" Candidates with more than {parameters:N0} parameters or {flops:N0} FLOPs are rejected.",
        };
        string benchmark = targets is null ? string.Empty : $" {targetProperty} is '{targets.Column}' of benchmark '{targets.Benchmark.Name}' in {targets.Benchmark.Database}.";
        string seeds = seedCount == 1 ? "1 seed" : $"{seedCount:N0} seeds";

        // An MLP has no benchmark network, so -Dataset does not change its search. A DARTS limit depends on the network.
        string network = space switch
        {
            SearchSpace.Mlp => string.Empty,
            SearchSpace.Darts => $" on {dataset} ({NetworkDescription.Of(options.Scoring.DartsNetwork)})",
            _ => $" on {dataset}",
        };
        return $"Searching {space}{network} by {strategy}: {seeds} of {options.Budget:N0} evaluations, maximising {objective}; ties go to {ties}.{limits}{benchmark}";
    }

    /// <summary>Returns the warnings about rejected candidates and missing or ambiguous target values, if any.</summary>
    public static IEnumerable<string> Warnings(SearchTally tally, BenchmarkTargets? targets, string targetProperty)
    {
        if (tally.ScoringFailures > 0)
        {
            yield return $"{tally.ScoringFailures:N0} candidates could not be scored or ranked and were rejected, for example {tally.FirstScoringFailure}";
        }

        if (targets is null)
        {
            yield break;
        }

        if (tally.TargetsAbsent + tally.TargetsWithoutNumber > 0)
        {
            var reasons = new List<string>();
            if (tally.TargetsAbsent > 0)
            {
                reasons.Add($"{tally.TargetsAbsent:N0} {(tally.TargetsAbsent == 1 ? "is" : "are")} not in benchmark '{targets.Benchmark.Name}'");
            }

            if (tally.TargetsWithoutNumber > 0)
            {
                reasons.Add($"{tally.TargetsWithoutNumber:N0} {(tally.TargetsWithoutNumber == 1 ? "has" : "have")} no number in the column '{targets.Column}'");
            }

            IReadOnlyCollection<ulong> seeds = tally.SeedsWithMissingTargets;
            string seedList = (seeds.Count == 1 ? "seed " : "seeds ") + string.Join(", ", seeds);
            long missing = tally.TargetsAbsent + tally.TargetsWithoutNumber;
            string firstText = tally.TargetsWithoutNumber > 0 && targets.FirstText() is { } text ? " " + NotANumberHint.Describe(targets.Column, text) : string.Empty;
            yield return $"{LookedUp(tally)}, {string.Join(" and ", reasons)}, so {(missing == 1 ? "its" : "their")} {targetProperty} is empty ({seedList}).{firstText}";
        }

        if (tally.TargetsWithDifferingRows > 0)
        {
            yield return $"{LookedUp(tally)}, {tally.TargetsWithDifferingRows:N0} {(tally.TargetsWithDifferingRows == 1 ? "has" : "have")} several rows in benchmark '{targets.Benchmark.Name}' with different values in the column '{targets.Column}', such as one row per task, and {targetProperty} is the value of the first row in file order. Import one benchmark per task so that each architecture has one row.";
        }
    }

    /// <summary>
    /// Describes a benchmark whose dataset column names other datasets than the one the search scores, or returns
    /// null when every value names that dataset or the benchmark has no dataset column.
    /// </summary>
    /// <param name="targets">The benchmark and its target column.</param>
    /// <param name="dataset">The name the search's -Dataset gave.</param>
    /// <param name="targetProperty">The output property that contains the looked-up value.</param>
    public static string? DatasetMismatch(BenchmarkTargets targets, string dataset, string targetProperty)
    {
        Dataset searched = DatasetNames.Parse(dataset);
        var others = new List<string>();
        foreach (string value in targets.Datasets)
        {
            if (!DatasetNames.TryParse(value.Trim(), out Dataset named) || named != searched)
            {
                others.Add(value.Trim());
            }
        }

        if (others.Count == 0)
        {
            return null;
        }

        string values = string.Join(", ", others.Select(value => "'" + value + "'"));
        string rows = others.Count == 1 ? $"rows of dataset {values}" : $"rows of datasets {values}";
        string text = $"Benchmark '{targets.Benchmark.Name}' has {rows} in its column '{DatasetColumn(targets)}', but the search scores the {DatasetNames.Name(searched)} network " +
            $"(-Dataset {dataset}), so {targetProperty} may be the '{targets.Column}' of another dataset than the one scored.";

        // Only a dataset that Canopy models can be given to -Dataset.
        string[] modelled = others.Where(value => DatasetNames.TryParse(value, out _)).ToArray();
        return modelled.Length == 1 && others.Count == 1
            ? $"{text} Give -Dataset {modelled[0]} to search on that dataset's network."
            : text;
    }

    private static string DatasetColumn(BenchmarkTargets targets) =>
        targets.Benchmark.Columns.First(column => string.Equals(column, BenchmarkTargets.DatasetColumnName, System.StringComparison.OrdinalIgnoreCase));

    /// <summary>Appends the first text value of the column, which may have a decimal comma, to the message of a target column without numbers.</summary>
    public static string NotNumeric(TargetColumnNotNumericException exception, string? firstText) =>
        firstText is null ? exception.Message : $"{exception.Message} {NotANumberHint.Describe(exception.Column, firstText)}";

    private static string LookedUp(SearchTally tally) =>
        tally.TargetsLookedUp == 1 ? "Of 1 best-so-far architecture" : $"Of {tally.TargetsLookedUp:N0} best-so-far architectures";

    /// <summary>
    /// Formats a score for a verbose message as the default table shows it, in the current culture: three decimals for
    /// the tropical score, whole numbers for counts.
    /// </summary>
    public static string Score(double? value, SearchObjective objective) =>
        value?.ToString(objective == SearchObjective.TropicalScore ? "N3" : "N0", CultureInfo.CurrentCulture) ?? "none";

    /// <summary>Formats a looked-up target value for a verbose message to six significant digits, in the current culture.</summary>
    public static string Value(double? value) => value?.ToString("G6", CultureInfo.CurrentCulture) ?? "none";
}

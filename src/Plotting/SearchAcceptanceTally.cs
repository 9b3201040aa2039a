using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Canopy.Search;

namespace Canopy.Plotting;

/// <summary>
/// Counts the accepted candidates among search steps, such as those of Invoke-CanopySearch, per seed, so that a
/// trajectory plot can explain why best-so-far values are missing. Records without an Accepted property are not counted.
/// </summary>
internal sealed class SearchAcceptanceTally
{
    // Enough seeds to recognise the runs without flooding the message.
    private const int MaxListedSeeds = 5;

    private readonly List<string> _seeds = new();
    private readonly HashSet<string> _seenSeeds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acceptingSeeds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _statusCounts = new(StringComparer.OrdinalIgnoreCase);
    private int _steps;
    private int _acceptedSteps;

    /// <summary>Reads the Accepted, Status and seed properties of one record.</summary>
    public void Add(PropertyReader read, string seedColumn)
    {
        if (!read("Accepted", out object? accepted))
        {
            return;
        }

        _steps++;
        bool isAccepted = IsTrue(accepted);
        if (isAccepted)
        {
            _acceptedSteps++;
        }

        if (read("Status", out object? status) && Text(status) is { Length: > 0 } statusName)
        {
            _statusCounts[statusName] = _statusCounts.GetValueOrDefault(statusName) + 1;
        }

        if (read(seedColumn, out object? seed) && Text(seed) is { Length: > 0 } seedName)
        {
            if (_seenSeeds.Add(seedName))
            {
                _seeds.Add(seedName);
            }

            if (isAccepted)
            {
                _acceptingSeeds.Add(seedName);
            }
        }
    }

    /// <summary>
    /// Explains why search steps lack a best-so-far value: every step before a run's first accepted architecture
    /// lacks one, and so does every step of a seed that accepted none. Returns null when the records are no search steps.
    /// </summary>
    /// <param name="bestColumn">The plotted best-so-far property, such as BestScore.</param>
    public string? DescribeMissingBest(string bestColumn)
    {
        if (_steps == 0)
        {
            return null;
        }

        string reason = $"A search run has no best-so-far {bestColumn} before its first accepted architecture";

        // A benchmark lookup finds no value for an architecture the benchmark lacks, such as a cell with dead branches.
        if (bestColumn.Equals("BestTarget", StringComparison.OrdinalIgnoreCase))
        {
            reason += ", or while the benchmark holds no number for the best architecture";
        }

        List<string> withoutAcceptance = _seeds.Where(seed => !_acceptingSeeds.Contains(seed)).ToList();
        return withoutAcceptance.Count switch
        {
            0 => reason + ".",
            1 => $"{reason}, and seed {withoutAcceptance[0]} accepted none.",
            _ => $"{reason}, and seeds {ListSeeds(withoutAcceptance)} accepted none.",
        };
    }

    /// <summary>
    /// Describes search steps of which none was accepted, so that no best-so-far value exists, or returns null when
    /// the records are no search steps or some step was accepted.
    /// </summary>
    /// <param name="bestColumn">The plotted best-so-far property, such as BestScore.</param>
    public string? DescribeNoneAccepted(string bestColumn)
    {
        if (_steps == 0 || _acceptedSteps > 0)
        {
            return null;
        }

        string steps = _steps == 1 ? "the only step" : $"all {Number(_steps)} steps";
        string seeds = _seeds.Count switch
        {
            0 => string.Empty,
            1 => $" of seed {_seeds[0]}",
            _ => $" of seeds {ListSeeds(_seeds)}",
        };
        string rejected = _steps == 1 ? "was rejected" : "were rejected";
        string statuses = _statusCounts.Count == 0
            ? string.Empty
            : " (" + string.Join(", ", _statusCounts.Select(pair => $"{Number(pair.Value)} {pair.Key}")) + ")";
        return $"No search run accepted an architecture: {steps}{seeds} {rejected}{statuses}, so there is no best-so-far {bestColumn} to plot. " +
            $"Run Invoke-CanopySearch again with a higher {LimitsToRaise()}, or a larger -Budget.";
    }

    // Names the one limit parameter that the statuses show was exceeded, or both when they show both or neither.
    private string LimitsToRaise()
    {
        bool parameters = _statusCounts.ContainsKey(nameof(EvaluationStatus.ParameterLimitExceeded));
        bool flops = _statusCounts.ContainsKey(nameof(EvaluationStatus.FlopLimitExceeded));
        return (parameters, flops) switch
        {
            (true, false) => "-MaxParameters",
            (false, true) => "-MaxFlops",
            _ => "-MaxParameters or -MaxFlops",
        };
    }

    private static string ListSeeds(IReadOnlyList<string> seeds)
    {
        if (seeds.Count > MaxListedSeeds)
        {
            return string.Join(", ", seeds.Take(MaxListedSeeds)) + $" and {Number(seeds.Count - MaxListedSeeds)} more";
        }

        return string.Join(", ", seeds.Take(seeds.Count - 1)) + " and " + seeds[^1];
    }

    // Search steps carry a Boolean, and records read back with Import-Csv carry the text True or False.
    private static bool IsTrue(object? value) => value switch
    {
        bool flag => flag,
        string text => bool.TryParse(text.Trim(), out bool parsed) && parsed,
        _ => false,
    };

    private static string Number(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Text(object? value) =>
        (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
}

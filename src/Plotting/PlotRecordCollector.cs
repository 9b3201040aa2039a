using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using Canopy.Search;
using Canopy.Storage.Input;

namespace Canopy.Plotting;

/// <summary>Reads one property of the current record and returns false when the record has no such property.</summary>
public delegate bool PropertyReader(string name, out object? value);

/// <summary>
/// Collects the coordinates of piped records into compact lists, so the records themselves need not be kept, and
/// counts the records left out because a property was missing or not a finite number.
/// </summary>
public sealed class PlotRecordCollector
{
    /// <summary>The group name of trajectory records that have no value for the default group property.</summary>
    public const string UngroupedName = "All runs";

    private readonly List<double> _x = new();
    private readonly List<double> _y = new();
    private readonly List<TrajectoryPoint> _trajectory = new();
    private readonly List<ModeBar> _bars = new();
    private readonly Dictionary<string, int> _missing = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _invalid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _sentinels = new(StringComparer.OrdinalIgnoreCase);

    // Per column, how many values were numbers written with a decimal comma.
    private readonly Dictionary<string, int> _decimalCommaCounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string Group, string Seed, double X)> _trajectoryKeys = new();
    private readonly SortedSet<string> _objectives = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<string> _targetColumns = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int Record, List<string> Problems)> _firstLeftOut = new();
    private readonly SearchAcceptanceTally _acceptance = new();
    private readonly HashSet<(string Group, string Seed)> _runs = new();
    private readonly RunSettingTally _runSettings = new();
    private int _repeatedSteps;

    // Repeated steps read for their settings; the first ones show which settings differ.
    private const int ComparedRepeats = 1000;

    /// <summary>How many left-out records the collector remembers, so that its message can point at them.</summary>
    public const int RememberedLeftOut = 3;

    public PlotRecordCollector(PlotKind kind, PlotColumns columns)
    {
        Kind = kind;
        Columns = columns ?? throw new ArgumentNullException(nameof(columns));
    }

    public PlotKind Kind { get; }

    /// <summary>
    /// Numbers that mark a missing value, such as −1e8 for a failed proxy in NAS-Bench-Suite-Zero. A record with one
    /// in a plotted number column is left out. Null for none.
    /// </summary>
    public IReadOnlySet<double>? MissingValues { get; init; }

    public PlotColumns Columns { get; }

    /// <summary>How many records were offered, kept or not.</summary>
    public int RecordCount { get; private set; }

    /// <summary>How many records gave a point or bar.</summary>
    public int PointCount => Kind switch
    {
        PlotKind.Correlation => _x.Count,
        PlotKind.Trajectory => _trajectory.Count,
        _ => _bars.Count,
    };

    /// <summary>Reads one record. A record with a missing or non-numeric coordinate is counted and left out.</summary>
    public void Add(PropertyReader read)
    {
        ArgumentNullException.ThrowIfNull(read);
        read = ReadingEnumNames(read);
        RecordCount++;
        switch (Kind)
        {
            case PlotKind.Correlation:
                if (TryNumber(read, Columns.X, out double x) & TryNumber(read, Columns.Y, out double y))
                {
                    _x.Add(x);
                    _y.Add(y);
                }

                break;
            case PlotKind.Trajectory:
                AddTrajectoryRecord(read);
                break;
            case PlotKind.Modes:
                if (TryText(read, Columns.X, out string category) & TryText(read, Columns.Group!, out string series) &
                    TryNumber(read, Columns.Y, out double value))
                {
                    _bars.Add(new ModeBar(category, series, value));
                }

                break;
        }
    }

    /// <summary>
    /// Returns the first property that every record lacked, so nothing could be plotted from it, or null. An
    /// optional group property is not reported.
    /// </summary>
    public string? FindPropertyMissingEverywhere()
    {
        if (RecordCount == 0)
        {
            return null;
        }

        var required = new List<string> { Columns.X, Columns.Y };
        if (Columns.Group is not null && Columns.GroupRequired)
        {
            required.Add(Columns.Group);
        }

        return required.FirstOrDefault(name => _missing.GetValueOrDefault(name) == RecordCount);
    }

    /// <summary>How many values of the plotted columns were left out as numbers written with a decimal comma.</summary>
    public int DecimalCommaCount => _decimalCommaCounts.Values.Sum();

    /// <summary>Describes the records left out and why in one sentence, or returns null when every record was used.</summary>
    public string? DescribeLeftOut()
    {
        int leftOut = RecordCount - PointCount;
        if (leftOut == 0)
        {
            return null;
        }

        var reasons = new List<string>();
        foreach (string name in new[] { Columns.X, Columns.Y, Columns.Group }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var parts = new List<string>();
            if (_missing.GetValueOrDefault(name) is > 0 and var missing)
            {
                parts.Add($"missing in {Records(missing)}");
            }

            int commas = _decimalCommaCounts.GetValueOrDefault(name);
            if (commas > 0)
            {
                parts.Add($"a number written with a comma in {Records(commas)}");
            }

            if (_invalid.GetValueOrDefault(name) - commas is > 0 and var invalid)
            {
                parts.Add($"empty or not a finite number in {Records(invalid)}");
            }

            if (_sentinels.GetValueOrDefault(name) is > 0 and var sentinels)
            {
                parts.Add($"a missing value in {Records(sentinels)}");
            }

            if (parts.Count > 0)
            {
                reasons.Add($"'{name}' was {string.Join(" and ", parts)}");
            }
        }

        IEnumerable<string> first = _firstLeftOut.Select(record => $"record {record.Record:N0} ({string.Join(", ", record.Problems)})");
        bool emptyY = _invalid.GetValueOrDefault(Columns.Y) > _decimalCommaCounts.GetValueOrDefault(Columns.Y);
        string? searchReason = PlotsBestSoFar && emptyY ? _acceptance.DescribeMissingBest(Columns.Y) : null;
        string leftOutText = string.Create(
            CultureInfo.InvariantCulture,
            $"Left out {leftOut:N0} of {RecordCount:N0} records: {string.Join("; ", reasons)}. " +
            $"{(_firstLeftOut.Count == 1 ? "It is " : "The first of them: ")}{string.Join(", ", first)}, counting from 1 in input order.");
        return searchReason is null ? leftOutText : leftOutText + " " + searchReason;
    }

    // A trajectory of BestScore or BestTarget plots a best-so-far value, which search steps lack until a run accepts.
    private bool PlotsBestSoFar => Kind == PlotKind.Trajectory &&
        (Columns.Y.Equals("BestScore", StringComparison.OrdinalIgnoreCase) || Columns.Y.Equals("BestTarget", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Describes trajectory records of search runs that accepted no architecture, so that the best-so-far property is
    /// empty in every record and nothing can be plotted. Returns null in every other case.
    /// </summary>
    public string? DescribeNoAcceptedArchitecture()
    {
        return PlotsBestSoFar && PointCount == 0 ? _acceptance.DescribeNoneAccepted(Columns.Y) : null;
    }

    /// <summary>
    /// Describes trajectory records that repeat the step of another record with the same group and seed: they come
    /// from separate runs, which the plot would draw as one line. Null when there are none.
    /// </summary>
    public string? DescribeMergedRuns()
    {
        if (Kind != PlotKind.Trajectory || _repeatedSteps == 0)
        {
            return null;
        }

        string grouping = Columns.GroupRequired ? $"'{Columns.Group}'" : "group";
        string records = _repeatedSteps == 1 ? "1 record repeats" : string.Create(CultureInfo.InvariantCulture, $"{_repeatedSteps:N0} records repeat");
        string merged = string.Create(
            CultureInfo.InvariantCulture,
            $"{records} the '{Columns.X}' of another record with the same {grouping} and '{Columns.Seed}', so separate runs are drawn as one line.");
        // Grouping by one setting that differs would merge the runs that differ in the group, so a varying group is
        // combined with the others.
        IReadOnlyList<string> all = _runSettings.Varying();
        List<string> others = all.Where(name => !string.Equals(name, Columns.Group, StringComparison.OrdinalIgnoreCase)).ToList();
        List<string> varying = others.Count == 0 || all.Count == others.Count ? others : all.ToList();
        return varying.Count switch
        {
            0 => merged + " No search setting differs between them, so they may be one run given twice; otherwise add a property that tells the runs apart and name it with -GroupBy.",
            1 => merged + $" {varying[0]} differs between them: give -GroupBy {varying[0]}.",
            _ => merged + $" {string.Join(" and ", varying)} differ between them, and -GroupBy takes one property, so add one that combines them, for example " +
                $"Select-Object *, @{{ Name = 'Run'; Expression = {{ \"{string.Join(" ", varying.Select(name => $"$($_.{name})"))}\" }} }}, and give -GroupBy Run.",
        };
    }

    /// <summary>Builds the plot of the collected points.</summary>
    /// <param name="title">The plot title. Null gives a title that names the plotted properties.</param>
    /// <param name="band">The spread over seeds shaded around each trajectory line.</param>
    /// <param name="imageWidth">The width in pixels the plot will be exported at.</param>
    /// <exception cref="PlotDataException">There are too few points for this kind of plot.</exception>
    public PlotResult CreatePlot(string? title, TrajectoryBand band, double imageWidth = 800)
    {
        switch (Kind)
        {
            case PlotKind.Correlation:
            {
                var text = new PlotText(
                    title ?? $"{Columns.Y} against {Columns.X}",
                    AxisTitles.For(Columns.X, _x),
                    AxisTitles.For(Columns.Y, _y));
                CorrelationPlot plot = CorrelationPlot.Create(_x.ToArray(), _y.ToArray(), text);
                return PlotResult.ForCorrelation(plot);
            }

            case PlotKind.Trajectory:
            {
                var text = new PlotText(
                    title ?? $"Search progress: {Columns.Y} by {Columns.X}",
                    AxisTitles.For(Columns.X, _trajectory.Select(point => point.X).ToList()),
                    AxisTitles.ForTrajectory(Columns.Y, _objectives, _targetColumns, _trajectory.Select(point => point.Y).ToList()));
                return PlotResult.ForTrajectory(TrajectoryPlot.Create(_trajectory, band, text));
            }

            default:
            {
                string yTitle = AxisTitles.For(Columns.Y, _bars.Select(bar => bar.Value).ToList());
                var text = new PlotText(title ?? $"{yTitle} per {Columns.Group}, grouped by {Columns.X}", Columns.X, yTitle);
                return PlotResult.ForModes(ModesPlot.Create(_bars, text, imageWidth));
            }
        }
    }

    // Canopy's records carry enum values such as Strategy as names, but records that ConvertTo-Json wrote before that
    // carry numbers, which would label a line "0". Only records with an Architecture property, as all of Canopy's
    // records have, are read this way, so that a numeric Mode or Status column of other data keeps its numbers.
    private static PropertyReader ReadingEnumNames(PropertyReader read)
    {
        bool? isCanopyRecord = null;
        return (string name, out object? value) =>
        {
            if (!read(name, out value))
            {
                return false;
            }

            if (EnumProperties.IsNumber(value) && EnumProperties.NameOf(name, value) is { } memberName)
            {
                isCanopyRecord ??= read("Architecture", out _);
                value = isCanopyRecord == true ? memberName : value;
            }

            return true;
        };
    }

    private void AddTrajectoryRecord(PropertyReader read)
    {
        _acceptance.Add(read, Columns.Seed!);
        if (!(TryNumber(read, Columns.X, out double x) & TryNumber(read, Columns.Y, out double y)))
        {
            return;
        }

        string group = UngroupedName;
        if (Columns.GroupRequired)
        {
            if (!TryText(read, Columns.Group!, out group))
            {
                return;
            }
        }
        else if (read(Columns.Group!, out object? groupValue) && ToText(groupValue) is { Length: > 0 } text)
        {
            group = text;
        }

        string seed = read(Columns.Seed!, out object? seedValue) ? ToText(seedValue) : string.Empty;
        bool firstOfRun = _runs.Add((group, seed));
        bool repeated = !_trajectoryKeys.Add((group, seed, x));
        if (repeated)
        {
            _repeatedSteps++;
        }

        // The settings are read where a run starts and where steps repeat, so records of one run cost nothing more.
        if (firstOfRun || (repeated && _repeatedSteps <= ComparedRepeats))
        {
            _runSettings.Add(read);
        }

        if (read("Objective", out object? objective) && ToText(objective) is { Length: > 0 } objectiveName)
        {
            _objectives.Add(objectiveName);
        }

        if (read("TargetColumn", out object? targetColumn) && ToText(targetColumn) is { Length: > 0 } targetColumnName)
        {
            _targetColumns.Add(targetColumnName);
        }

        _trajectory.Add(new TrajectoryPoint(group, seed, x, y));
    }

    private bool TryNumber(PropertyReader read, string name, out double value)
    {
        value = double.NaN;
        if (!read(name, out object? raw))
        {
            Count(_missing, name);
            NoteProblem($"'{name}' is missing");
            return false;
        }

        if (!PlotValues.TryParse(raw, out value))
        {
            Count(_invalid, name);
            if (raw is string text && DecimalCommaColumns.IsDecimalComma(text))
            {
                Count(_decimalCommaCounts, name);
                NoteProblem($"'{name}' is '{text.Trim()}'");
            }
            else if (raw is BigInteger)
            {
                // An exact RegionCount above about 1.8e308 has no double, and its logarithm is the TropicalScore.
                NoteProblem($"'{name}' is a whole number beyond the double range");
            }
            else
            {
                NoteProblem($"'{name}' is empty or not a finite number");
            }

            return false;
        }

        if (MissingValues is not null && MissingValues.Contains(value))
        {
            Count(_sentinels, name);
            NoteProblem(string.Create(CultureInfo.InvariantCulture, $"'{name}' is the missing value {value}"));
            return false;
        }

        return true;
    }

    private bool TryText(PropertyReader read, string name, out string value)
    {
        value = string.Empty;
        if (!read(name, out object? raw) || ToText(raw) is not { Length: > 0 } text)
        {
            Count(_missing, name);
            NoteProblem($"'{name}' is missing");
            return false;
        }

        value = text;
        return true;
    }

    private static string Records(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} record{(count == 1 ? string.Empty : "s")}");

    // Remembers what was wrong with the first records left out. A record may lack more than one property.
    private void NoteProblem(string problem)
    {
        if (_firstLeftOut.Count > 0 && _firstLeftOut[^1].Record == RecordCount)
        {
            _firstLeftOut[^1].Problems.Add(problem);
        }
        else if (_firstLeftOut.Count < RememberedLeftOut)
        {
            _firstLeftOut.Add((RecordCount, new List<string> { problem }));
        }
    }

    private static string ToText(object? value) =>
        (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim();

    private static void Count(Dictionary<string, int> counts, string name) =>
        counts[name] = counts.GetValueOrDefault(name) + 1;
}

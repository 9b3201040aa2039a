using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Canopy.Commands.Infrastructure.Arguments;
using Canopy.Commands.Infrastructure.Completion;
using Canopy.Commands.Infrastructure.Messages;
using Canopy.Commands.Infrastructure.Records;
using Canopy.Statistics;

namespace Canopy.Commands;

/// <summary>
/// Measures how well proxy scores rank piped records by a target such as validation accuracy: Spearman's ρ,
/// Kendall's τ-b, Pearson's r and the top-p% overlap per proxy, optionally with a bootstrap interval for ρ.
/// Values are copied into numeric columns as records arrive, so the records themselves are not kept.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "ProxyCorrelation")]
[OutputType(typeof(ProxyCorrelation))]
public sealed class MeasureProxyCorrelationCommand : PSCmdlet, IDisposable
{
    /// <summary>The score properties that Canopy's cmdlets add, used when -Proxy is not given.</summary>
    public static readonly string[] DefaultProxies = { "TropicalScore", "ParameterCount", "Flops" };

    // The type name of the table view that adds SpearmanLower and SpearmanUpper.
    private const string IntervalView = "Canopy.Statistics.ProxyCorrelation#Interval";

    private const int CollectionActivityId = 1;
    private const int BootstrapActivityId = 2;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private const string GroupInfoTypeName = "Microsoft.PowerShell.Commands.GroupInfo";
    private const string GroupAdvice = "To measure each group, pipe its records: ... | Group-Object Dataset | ForEach-Object { $_.Group | Measure-ProxyCorrelation ... }.";

    private readonly CancellationTokenSource _cancellation = new();
    private readonly Stopwatch _clock = new();
    private TimeSpan _lastProgress;
    private bool _collectionProgressShown;

    // The proxy whose bootstrap interval rests on the fewest resamples with a defined ρ, and that count.
    private (string Proxy, int Resamples)? _fewestDefined;
    private string[] _proxyNames = Array.Empty<string>();
    private CorrelationColumns? _columns;
    private bool _groupedInput;
    private HashSet<double>? _missingValues;
    private double[] _proxyValues = Array.Empty<double>();
    private ValueStatus[] _proxyStatus = Array.Empty<ValueStatus>();
    private RecordColumn _targetColumn = new(string.Empty);
    private RecordColumn[] _proxyColumns = Array.Empty<RecordColumn>();
    private readonly SortedDictionary<string, int> _searchSpaces = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A record with the target and proxy properties, for example a row from Import-Csv.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true,
        HelpMessage = "Press Ctrl+C and pipe the records to rank, as in Import-Csv scores.csv | Measure-ProxyCorrelation -Target val_acc.")]
    public PSObject? InputObject { get; set; }

    /// <summary>The property that the proxies should rank by, for example val_acc.</summary>
    [Parameter(Mandatory = true, Position = 0,
        HelpMessage = "Type the name of the record property that the proxies should rank by, such as val_acc.")]
    [ArgumentCompleter(typeof(CorrelationPropertyCompleter))]
    [ValidateNotNullOrEmpty]
    public string Target { get; set; } = string.Empty;

    /// <summary>The proxy properties to measure; by default those of <see cref="DefaultProxies"/> on the first record.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(CorrelationPropertyCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Proxy { get; set; }

    /// <summary>The percentage p of records that forms the top set of TopOverlap.</summary>
    [Parameter]
    [NumberTransformation]
    [ValidateRange(0.01, 100.0)]
    public double TopPercent { get; set; } = 10;

    /// <summary>The number of bootstrap resamples for the interval of ρ; 0 computes no interval.</summary>
    [Parameter]
    [WholeNumberTransformation]
    [ValidateRange(0, 1_000_000)]
    public int Bootstrap { get; set; }

    /// <summary>The seed of the bootstrap; a random one, reported in the output, when not given.</summary>
    [Parameter]
    [WholeNumberTransformation]
    public ulong Seed { get; set; }

    /// <summary>The confidence level of the bootstrap interval.</summary>
    [Parameter]
    [NumberTransformation]
    [ValidateRange(0.5, 0.999)]
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Sentinel values that mark a missing value in any column, such as -1e8 in NAS-Bench-Suite-Zero.</summary>
    [Parameter]
    [NumberTransformation]
    [ValidateNotNull]
    public double[] MissingValue { get; set; } = Array.Empty<double>();

    protected override void BeginProcessing()
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Seed)) && Bootstrap == 0)
        {
            WriteWarning("-Seed has no effect without -Bootstrap, because only the bootstrap interval uses random numbers. Add -Bootstrap 1000, for example, to compute an interval.");
        }

        _missingValues = MissingValue.Length == 0 ? null : new HashSet<double>(MissingValue);
        _clock.Start();
    }

    // A percentile interval takes each end from the resamples beyond it, 25 at 1,000 resamples and the 95% level. With
    // fewer, the ends move visibly from seed to seed, so Canopy warns below the count that 1,000 resamples give.
    private const int StableTail = 25;

    // Warns once, for the row whose interval rests on the fewest resamples with a defined ρ, since those set its ends.
    private void WarnIfFewResamples()
    {
        if (_fewestDefined is not { } fewest || TailCount(fewest.Resamples) >= StableTail)
        {
            return;
        }

        // Values to type are written as PowerShell reads them: no group separators, whatever the culture. The advice
        // scales the count by the share of resamples that had a defined ρ, rounded up to a hundred.
        double stableCount = Math.Round(2 * StableTail / (1 - ConfidenceLevel), 9);
        long needed = (long)Math.Ceiling(Math.Round(stableCount * Bootstrap / fewest.Resamples, 9));
        needed = fewest.Resamples == Bootstrap ? needed : (needed + 99) / 100 * 100;
        string requested = Bootstrap.ToString(CultureInfo.InvariantCulture);
        string advised = needed.ToString(CultureInfo.InvariantCulture);
        string tail = CorrelationMessages.Count(TailCount(fewest.Resamples), "resample");
        string counted = fewest.Resamples == Bootstrap
            ? $"-Bootstrap {requested} leaves {tail}"
            : $"-Bootstrap {requested} gave {CorrelationMessages.Count(fewest.Resamples, "resample")} with a defined ρ for '{fewest.Proxy}', which {(fewest.Resamples == 1 ? "leaves" : "leave")} {tail}";
        WriteWarning($"{counted} beyond each end of the {LevelText}% interval, so its ends move from seed to seed. Use -Bootstrap {advised} or more for stable ends.");
    }

    private string LevelText => (ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture);

    // Counts the resamples beyond each end of a percentile interval. Rounding first keeps 1 - 0.9 = 0.09999999999999998
    // from turning 25 resamples into 24.
    private long TailCount(long resamples) => (long)Math.Floor(Math.Round(resamples * (1 - ConfidenceLevel) / 2, 9));

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        _columns ??= StartColumns(InputObject);
        AddRecord(_columns, InputObject);

        if (_clock.Elapsed - _lastProgress >= ProgressInterval)
        {
            _lastProgress = _clock.Elapsed;
            _collectionProgressShown = true;
            WriteProgress(new ProgressRecord(CollectionActivityId, "Collecting records", $"{_columns.RecordCount:N0} records read"));
        }
    }

    protected override void EndProcessing()
    {
        if (_collectionProgressShown)
        {
            WriteProgress(new ProgressRecord(CollectionActivityId, "Collecting records", "Done") { RecordType = ProgressRecordType.Completed });
        }

        if (_columns is null)
        {
            WriteWarning("No records arrived, so there is nothing to measure.");
            return;
        }

        int records = _columns.RecordCount;
        WriteVerbose($"Collected {CorrelationMessages.Count(records, "record")} in {_clock.Elapsed.TotalSeconds:F1} s; measuring {string.Join(", ", _proxyColumns.Select(column => column.Name))} against {_targetColumn.Name}.");
        if (_columns.TargetStatusCount(ValueStatus.Absent) == records)
        {
            WriteError(ErrorRecords.Create(
                $"{NoPropertyNamed(records, Target)}. {MissingPropertyAdvice("-Target", Target)}",
                "TargetPropertyMissing",
                ErrorCategory.ObjectNotFound,
                Target));
            return;
        }

        // Scores of different search spaces count different networks, so one ranking across them is rarely meant.
        if (_searchSpaces.Count > 1)
        {
            string counts = string.Join(", ", _searchSpaces.Select(space => $"{space.Key} ({space.Value:N0})"));
            WriteWarning($"The records come from {_searchSpaces.Count} search spaces: {counts}. Their scores count different networks; to rank within one space, filter first, for example with Where-Object SearchSpace -eq '{_searchSpaces.MaxBy(space => space.Value).Key}'.");
        }

        ulong seed = MyInvocation.BoundParameters.ContainsKey(nameof(Seed)) ? Seed : (ulong)Random.Shared.NextInt64(long.MaxValue);
        var rows = new List<ProxyCorrelation>();
        var failures = new List<ErrorRecord>();
        for (int i = 0; i < _proxyNames.Length; i++)
        {
            if (MeasureProxy(_columns, i, seed, failures) is { } row)
            {
                rows.Add(row);
            }
        }

        WarnIfFewResamples();
        foreach (ProxyCorrelation row in rows.OrderByDescending(row => row.Spearman))
        {
            // Every row of a bootstrap run gets the view with the interval columns, so that one table shows them all.
            WriteObject(Bootstrap > 0 ? OutputViews.WithView(row, IntervalView) : row);
        }

        // The errors follow the rows, so that -ErrorAction Stop on one proxy keeps the others' rows.
        foreach (ErrorRecord failure in failures)
        {
            WriteError(failure);
        }
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    public void Dispose() => _cancellation.Dispose();

    private CorrelationColumns StartColumns(PSObject first)
    {
        _groupedInput = first.TypeNames.Contains(GroupInfoTypeName);
        if (Proxy is not null)
        {
            _proxyNames = Proxy.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }
        else
        {
            // A default proxy that is also the target would only measure itself, with ρ = 1.
            _proxyNames = DefaultProxies
                .Where(name => !name.Equals(Target, StringComparison.OrdinalIgnoreCase) && RecordValues.TryGet(first, name, out _))
                .ToArray();
            if (_proxyNames.Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    _groupedInput
                        ? $"The first record is a group from Group-Object, which has none of the default proxy properties. {GroupAdvice}"
                        : $"The first record has none of the default proxy properties {string.Join(", ", DefaultProxies)}. Name the proxy columns with -Proxy, for example -Proxy synflow,params.",
                    "DefaultProxyMissing",
                    ErrorCategory.ObjectNotFound,
                    first));
            }

            // Records that skipped Get-TropicalScore still carry a published flops column, which would be measured alone.
            if (!_proxyNames.Contains(DefaultProxies[0]) && !DefaultProxies[0].Equals(Target, StringComparison.OrdinalIgnoreCase))
            {
                string[] found = _proxyNames.Select(name => first.Properties[name]?.Name ?? name).ToArray();
                string measured = found.Length == 1 ? $"{found[0]} is" : $"{string.Join(" and ", found)} are";
                WriteWarning($"The first record has no TropicalScore, so only {measured} measured. Pipe the records through Get-TropicalScore first, or name the proxies with -Proxy.");
            }

            WriteVerbose($"No -Proxy given; measuring the default proxies found on the first record: {string.Join(", ", _proxyNames)}.");
        }

        _proxyValues = new double[_proxyNames.Length];
        _proxyStatus = new ValueStatus[_proxyNames.Length];
        _proxyColumns = _proxyNames.Select(name => new RecordColumn(name)).ToArray();
        _targetColumn = new RecordColumn(Target);
        return new CorrelationColumns(_proxyNames.Length);
    }

    private void AddRecord(CorrelationColumns columns, PSObject record)
    {
        ValueStatus targetStatus = ReadNumber(record, Target, _targetColumn, out double target);
        for (int i = 0; i < _proxyNames.Length; i++)
        {
            _proxyStatus[i] = ReadNumber(record, _proxyNames[i], _proxyColumns[i], out _proxyValues[i]);
        }

        columns.Add(target, targetStatus, _proxyValues, _proxyStatus);

        if (RecordValues.TryGet(record, "SearchSpace", out object? space) && space?.ToString() is { Length: > 0 } name)
        {
            _searchSpaces[name] = _searchSpaces.GetValueOrDefault(name) + 1;
        }
    }

    private ValueStatus ReadNumber(PSObject record, string name, RecordColumn column, out double number)
    {
        if (!RecordValues.TryGet(record, name, out object? value))
        {
            number = double.NaN;
            return ValueStatus.Absent;
        }

        if (!column.NameFound)
        {
            column.Name = RecordValues.SpelledName(record, name);
            column.NameFound = true;
        }

        ValueStatus status = NumericValue.Parse(value, _missingValues, out number);
        if (status == ValueStatus.NotANumber)
        {
            column.FirstNotANumber ??= RecordValues.Describe(record, name, value);
        }

        return status;
    }

    private ProxyCorrelation? MeasureProxy(CorrelationColumns columns, int index, ulong seed, List<ErrorRecord> failures)
    {
        string proxy = _proxyColumns[index].Name;
        string target = _targetColumn.Name;
        int records = columns.RecordCount;
        if (columns.ProxyStatusCount(index, ValueStatus.Absent) == records)
        {
            failures.Add(ErrorRecords.Create(
                $"{NoPropertyNamed(records, proxy)}. {MissingPropertyAdvice("-Proxy", proxy)}",
                "ProxyPropertyMissing",
                ErrorCategory.ObjectNotFound,
                proxy));
            return null;
        }

        (double[] proxyValues, double[] targetValues) = columns.UsablePairs(index);
        int leftOut = records - proxyValues.Length;
        WriteVerbose($"{proxy}: {CorrelationMessages.Count(proxyValues.Length, "usable pair")} of {CorrelationMessages.Count(records, "record")}.");
        if (leftOut > 0)
        {
            WriteWarning(CorrelationMessages.LeftOut(columns, index, leftOut, _proxyColumns[index], _targetColumn));
        }

        if (proxyValues.Length < ProxyCorrelation.MinimumPairs)
        {
            failures.Add(ErrorRecords.Create(
                $"Proxy '{proxy}' has {CorrelationMessages.Count(proxyValues.Length, "usable pair")} with '{target}', but a correlation needs at least {ProxyCorrelation.MinimumPairs}.",
                "CorrelationTooFewPairs",
                ErrorCategory.InvalidData,
                proxy));
            return null;
        }

        string? constant = CorrelationMessages.Constant(proxy, proxyValues) ?? CorrelationMessages.Constant(target, targetValues);
        if (constant is not null)
        {
            failures.Add(ErrorRecords.Create(
                $"No correlation of '{proxy}' with '{target}' is defined, because {constant}.",
                "CorrelationUndefined",
                ErrorCategory.InvalidData,
                proxy));
            return null;
        }

        ProxyCorrelation row = ProxyCorrelation.Measure(proxy, target, proxyValues, targetValues, TopPercent) with { LeftOut = leftOut };
        return Bootstrap > 0 ? AddInterval(row, proxyValues, targetValues, seed) : row;
    }

    // "None of the 1 records" would read wrongly for a single record.
    // Group-Object output carries the records in its Group property, which is easy to pipe by mistake.
    private string MissingPropertyAdvice(string parameter, string name) => _groupedInput
        ? $"The records are groups from Group-Object. {GroupAdvice}"
        : DefaultProxies.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $"Get-TropicalScore adds {name}: pipe the records through it first."
            : $"Check the spelling in {parameter} against the column names.";

    private static string NoPropertyNamed(int records, string name) =>
        records == 1 ? $"The only record has no property named '{name}'" : $"None of the {records:N0} records has a property named '{name}'";

    private ProxyCorrelation AddInterval(ProxyCorrelation row, double[] proxyValues, double[] targetValues, ulong seed)
    {
        var started = Stopwatch.StartNew();
        ConfidenceInterval interval = RunBootstrap(row.Proxy, proxyValues, targetValues, seed);
        WriteVerbose($"{row.Proxy}: {CorrelationMessages.Count(Bootstrap, "bootstrap resample")} with seed {seed} took {started.Elapsed.TotalSeconds:F1} s, and {interval.DefinedResamples:N0} gave a defined ρ.");

        if (interval.DefinedResamples == 0)
        {
            WriteWarning($"No bootstrap resample of '{row.Proxy}' gave a defined ρ, so the row has no confidence interval.");
            return row.WithInterval(interval, seed);
        }

        if (_fewestDefined is null || interval.DefinedResamples < _fewestDefined.Value.Resamples)
        {
            _fewestDefined = (row.Proxy, interval.DefinedResamples);
        }

        if (interval.DefinedResamples < interval.Resamples)
        {
            int undefined = interval.Resamples - interval.DefinedResamples;
            WriteWarning($"{undefined:N0} of {CorrelationMessages.Count(interval.Resamples, "bootstrap resample")} of '{row.Proxy}' drew the same proxy or target value for every pair, so ρ is undefined for {(undefined == 1 ? "it" : "them")}. The interval rests on the other {interval.DefinedResamples:N0}, which DefinedResamples reports.");
        }

        return row.WithInterval(interval, seed);
    }

    // Runs the bootstrap on worker threads, so that this thread, the only one that may write to PowerShell, shows progress.
    private ConfidenceInterval RunBootstrap(string proxy, double[] proxyValues, double[] targetValues, ulong seed)
    {
        var finished = new LatestCount();
        Task<ConfidenceInterval> task = Task.Run(
            () => SpearmanBootstrap.Compute(proxyValues, targetValues, Bootstrap, ConfidenceLevel, seed, finished, _cancellation.Token),
            _cancellation.Token);

        // Each update is a new record, so that a host or job that keeps the records gets each one's own count.
        string activity = $"Bootstrapping Spearman's rho of {proxy}";
        while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(ProgressInterval))
        {
            string status = $"{finished.Value:N0} of {CorrelationMessages.Count(Bootstrap, "resample")}";
            WriteProgress(new ProgressRecord(BootstrapActivityId, activity, status) { PercentComplete = (int)(100L * finished.Value / Bootstrap) });
        }

        WriteProgress(new ProgressRecord(BootstrapActivityId, activity, "Done") { PercentComplete = 100, RecordType = ProgressRecordType.Completed });

        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    // Keeps the latest count that the worker threads report, for the cmdlet thread to read.
    private sealed class LatestCount : IProgress<int>
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Report(int value)
        {
            int current;
            do
            {
                current = Volatile.Read(ref _value);
            }
            while (value > current && Interlocked.CompareExchange(ref _value, value, current) != current);
        }
    }
}

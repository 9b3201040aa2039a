# Ranking quality of TropicalScore on real benchmarks, and the speed of scoring.
param([Parameter(Mandatory)] [hashtable] $Context)

$modes = 'Generic', 'BottleneckBound', 'TropicalBound', 'GlobalBound'
$datasets = @(
    @{ Name = 'cifar10'; Column = 'CIFAR10TestAccuracy200Epochs'; Label = 'CIFAR-10' }
    @{ Name = 'cifar100'; Column = 'CIFAR100TestAccuracy200Epochs'; Label = 'CIFAR-100' }
    @{ Name = 'ImageNet16-120'; Column = 'ImageNetTestAccuracy200Epochs'; Label = 'ImageNet16-120' }
)
$publishedProxies = 'epe_nas', 'fisher', 'flops', 'grad_norm', 'grasp', 'jacov', 'l2_norm', 'nwot', 'params', 'plain', 'snip', 'synflow', 'zen'

function Format-Coefficient {
    # A coefficient that rounds to zero prints without a sign, as Measure-ProxyCorrelation prints it.
    param([double] $Value)
    $text = $Value.ToString('N3', [cultureinfo]::InvariantCulture)
    if ($text -eq '-0.000') { '0.000' } else { $text }
}

function Format-Correlation {
    param($Row)
    if ($null -eq $Row) { return 'n/a' }
    '{0} ({1})' -f (Format-Coefficient $Row.Spearman), (Format-Coefficient $Row.Kendall)
}

function Add-ModeScores {
    # Scores the records in every mode and keeps each mode's score in its own property.
    param([object[]] $Records, [string] $Dataset)

    foreach ($mode in $modes) {
        $null = $Records | Get-TropicalScore -Mode $mode -Dataset $Dataset
        foreach ($record in $Records) {
            $record | Add-Member -NotePropertyName "TropicalScore[$mode]" -NotePropertyValue $record.TropicalScore -Force
        }
    }
}

$lines = @('## TropicalScore on real benchmarks', '')
$natsFile = if ($Context.DataPath) { Join-Path $Context.DataPath 'nats-tss/nats_bench.csv' }
if (-not $natsFile -or -not (Test-Path $natsFile)) {
    $lines += 'Skipped: the NATS-Bench file nats-tss/nats_bench.csv was not found under the data path (set CANOPY_DATA or -DataPath).'
}
else {
    # All 15,625 cells, each dataset scored on its own network (resolution and classifier), test accuracy as target.
    $table = @{}
    $distinct = $null
    foreach ($dataset in $datasets) {
        $records = @(Import-Csv $natsFile)
        Add-ModeScores -Records $records -Dataset $dataset.Name
        if ($dataset.Name -eq 'cifar10') {
            $distinct = @($records | ForEach-Object { [Math]::Round($_.'TropicalScore[Generic]', 6) } | Sort-Object -Unique).Count
        }

        $proxies = @($modes | ForEach-Object { "TropicalScore[$_]" }) + 'ParameterCount', 'Flops'
        foreach ($row in ($records | Measure-ProxyCorrelation -Target $dataset.Column -Proxy $proxies)) {
            $table["$($row.Proxy)|$($dataset.Name)"] = $row
        }
    }

    $lines += @(
        '### NATS-Bench topology space, all 15,625 cells'
        ''
        'Spearman ρ (Kendall τ-b) against 200-epoch test accuracy, seed-averaged, each dataset scored on its own network. TropicalScore[Generic] is the default TropicalScore.'
        ''
        '| score | CIFAR-10 | CIFAR-100 | ImageNet16-120 |'
        '|---|---|---|---|'
    )
    foreach ($proxy in @($modes | ForEach-Object { "TropicalScore[$_]" }) + 'ParameterCount', 'Flops') {
        $cells = foreach ($dataset in $datasets) { Format-Correlation $table["$proxy|$($dataset.Name)"] }
        $lines += "| $proxy | $($cells -join ' | ') |"
    }

    $verdicts = foreach ($dataset in $datasets) {
        $tropical = $table["TropicalScore[Generic]|$($dataset.Name)"].Spearman
        $parameters = $table["ParameterCount|$($dataset.Name)"].Spearman
        '{0}: {1:N3} vs {2:N3}, {3}' -f $dataset.Label, $tropical, $parameters, $(if ($tropical -gt $parameters) { 'above' } else { 'NOT above' })
    }
    $lines += @(
        ''
        "The claim under test: TropicalScore ranks above the parameter count on every dataset. $($verdicts -join '; ')."
        ''
        "The Generic score takes $distinct distinct values over the 15,625 cells (rounded to 6 decimals): many cells tie."
        ''
        'The ParameterCount and Flops rows agree. Both counts depend only on how many 3 × 3 and 1 × 1 convolutions a cell has. In both, a 3 × 3 convolution costs more than six 1 × 1 ones, so no two cells of six edges are ordered differently.'
        ''
    )
}

$proxyFolder = if ($Context.DataPath) { Join-Path $Context.DataPath 'nb201-zero-cost-proxies' }
if ($proxyFolder -and (Test-Path $proxyFolder)) {
    # The 9,445 cells with all 13 published proxies; the target is the 200-epoch validation accuracy of those files.
    $files = @(
        @{ File = 'nb201_zc13_cifar10_reachable9445.csv'; Dataset = 'cifar10'; Label = 'CIFAR-10 (valid)' }
        @{ File = 'nb201_zc13_ImageNet16-120_reachable9445.csv'; Dataset = 'ImageNet16-120'; Label = 'ImageNet16-120 (valid)' }
    )
    $side = @{}
    foreach ($entry in $files) {
        $rows = Import-Csv (Join-Path $proxyFolder $entry.File) | Get-TropicalScore -Dataset $entry.Dataset -WarningAction SilentlyContinue |
            Measure-ProxyCorrelation -Target val_acc -Proxy (@('TropicalScore', 'ParameterCount') + $publishedProxies) -MissingValue -1e8 -WarningAction SilentlyContinue
        foreach ($row in $rows) { $side["$($row.Proxy)|$($entry.Dataset)"] = $row }
    }

    $order = @('TropicalScore', 'ParameterCount') + $publishedProxies | Sort-Object { - $side["$_|cifar10"].Spearman }
    $lines += @(
        '### Side by side with 13 published zero-cost proxies (NAS-Bench-201, 9,445 cells)'
        ''
        'The same cells and targets as the published proxy scores (NAS-Bench-Suite-Zero): 200-epoch validation accuracy, failed proxy values (-1e8) left out. ParameterCount is Canopy''s exact count; params and flops are the published columns. The benchmark data holds these proxy scores for CIFAR-10 and ImageNet16-120 only, so CIFAR-100 has no column here.'
        ''
        "| proxy | $($files[0].Label) | $($files[1].Label) |"
        '|---|---|---|'
    )
    foreach ($proxy in $order) {
        $lines += "| $proxy | $(Format-Correlation $side["$proxy|cifar10"]) | $(Format-Correlation $side["$proxy|ImageNet16-120"]) |"
    }
    $lines += ''
}

$otherFolder = if ($Context.DataPath) { Join-Path $Context.DataPath 'darts-other-tasks' }
if ($otherFolder -and (Test-Path $otherFolder)) {
    $spaces = @(
        @{ File = 'nb301_9x_zc13.csv'; Label = 'DARTS space (NAS-Bench-301 cells)' }
        @{ File = 'nb201_9x_zc13.csv'; Label = 'NAS-Bench-201' }
    )
    $lines += @(
        '### Other tasks: DARTS and NAS-Bench-201 cells trained on SVHN, NinaPro and Spherical-CIFAR-100'
        ''
        'About 200 architectures per task, validation accuracy from NAS-Bench-Suite-Zero. The cells are scored on the CIFAR-10 network of their space (DARTS: NAS-Bench-301, 8 cells, 32 channels), since Canopy does not model these tasks'' networks. Spearman ρ (Kendall τ-b).'
        ''
        '| space | task | count | TropicalScore | params (published) | best published proxy |'
        '|---|---|---|---|---|---|'
    )
    foreach ($space in $spaces) {
        $all = @(Import-Csv (Join-Path $otherFolder $space.File))
        foreach ($task in 'svhn', 'ninapro', 'scifar100') {
            $rows = $all | Where-Object dataset -EQ $task | Get-TropicalScore -ArchitectureProperty arch_repr -WarningAction SilentlyContinue |
                Measure-ProxyCorrelation -Target val_acc -Proxy (@('TropicalScore') + $publishedProxies) -MissingValue -1e8 -WarningAction SilentlyContinue
            $byName = @{}
            foreach ($row in $rows) { $byName[$row.Proxy] = $row }
            $best = $rows | Where-Object { $_.Proxy -in $publishedProxies } | Select-Object -First 1
            $lines += '| {0} | {1} | {2} | {3} | {4} | {5} {6} |' -f $space.Label, $task, $byName['TropicalScore'].Count, (Format-Correlation $byName['TropicalScore']), (Format-Correlation $byName['params']), $best.Proxy, (Format-Correlation $best)
        }
    }
    $lines += ''
}

# NAS-Bench-Suite-Zero's 500 NAS-Bench-301 genotypes on CIFAR-10 are not in the benchmark data folder, so a user
# points CANOPY_NASLIB_DATA at a folder holding NASLib's naslib/data/zc_nasbench301.json.
$lines += @('### NAS-Bench-301 CIFAR-10 genotypes with published proxies (NAS-Bench-Suite-Zero)', '')
$nasLibFile = if ($Context.NasLibPath) { Join-Path $Context.NasLibPath 'zc_nasbench301.json' }
if (-not $nasLibFile -or -not (Test-Path $nasLibFile)) {
    $lines += 'Skipped: set CANOPY_NASLIB_DATA to a folder that holds zc_nasbench301.json from the NASLib repository (docs/architectures.md says where to find it).'
}
else {
    $suite = Get-Content $nasLibFile -Raw | ConvertFrom-Json
    $records = @(foreach ($entry in $suite.nasbench301.cifar10.PSObject.Properties) {
            $entry.Value | Add-Member -NotePropertyName Architecture -NotePropertyValue $entry.Name -PassThru
        })
    $suiteProxies = @($records[0].PSObject.Properties.Name | Where-Object { $_ -notin 'val_accuracy', 'Architecture' } | Sort-Object)

    # The records carry their own flops column, which Get-TropicalScore keeps in place of its Flops.
    Add-ModeScores -Records $records -Dataset cifar10 3>$null
    $proxies = @($modes | ForEach-Object { "TropicalScore[$_]" }) + 'ParameterCount' + $suiteProxies
    $rows = $records | Measure-ProxyCorrelation -Target val_accuracy -Proxy $proxies -MissingValue -1e8
    $hash = (Get-FileHash $nasLibFile -Algorithm SHA256).Hash.ToLowerInvariant()
    $lines += @(
        "$($records.Count) genotypes with their validation accuracy from NASLib's naslib/data/zc_nasbench301.json (the folder CANOPY_NASLIB_DATA names; SHA-256 $hash), scored on the NAS-Bench-301 network (8 cells, 32 channels). ParameterCount is Canopy's exact count; params and flops are the published columns. Spearman ρ (Kendall τ-b), best first."
        ''
        '| proxy | Spearman ρ (Kendall τ-b) |'
        '|---|---|'
    )
    foreach ($row in $rows | Sort-Object { - $_.Spearman }) {
        $lines += "| $($row.Proxy) | $(Format-Correlation $row) |"
    }

    $tropical = ($rows | Where-Object Proxy -EQ 'TropicalScore[Generic]').Spearman
    $parameters = ($rows | Where-Object Proxy -EQ 'ParameterCount').Spearman
    $lines += @(
        ''
        'The claim under test on the DARTS space: TropicalScore ranks above the parameter count. {0:N3} vs {1:N3}, {2}.' -f $tropical, $parameters, $(if ($tropical -gt $parameters) { 'above' } else { 'NOT above' })
    )
    Remove-Variable -Name suite, records -ErrorAction SilentlyContinue
}
$lines += ''

# How closely the score follows the size baselines, on whole spaces that need no accuracy data.
$agreement = @(
    @{ Label = 'NATS-Bench topology, all cells'; Records = { Get-CanopyArchitecture -SearchSpace NatsTopology } }
    @{ Label = 'NATS-Bench size, all channel lists'; Records = { Get-CanopyArchitecture -SearchSpace NatsSize } }
    @{ Label = 'DARTS, 2,000 sampled genotypes (seed 0)'; Records = { Get-CanopyArchitecture -SearchSpace Darts -Count 2000 -Seed 0 } }
)
$lines += @(
    '### Agreement with the size baselines'
    ''
    'Spearman ρ (Kendall τ-b) of TropicalScore with ParameterCount and with Flops over whole spaces, CIFAR-10 networks. No accuracy is involved: the table shows which size measure the count orders architectures like, on spaces without trained accuracies here.'
    ''
    '| space | architectures | with ParameterCount | with Flops |'
    '|---|---|---|---|'
)
foreach ($space in $agreement) {
    $scored = @(& $space.Records | Get-TropicalScore | Select-Object TropicalScore, ParameterCount, Flops)
    $withParameters = $scored | Measure-ProxyCorrelation -Target ParameterCount -Proxy TropicalScore
    $withFlops = $scored | Measure-ProxyCorrelation -Target Flops -Proxy TropicalScore
    $lines += '| {0} | {1:N0} | {2} | {3} |' -f $space.Label, $scored.Count, (Format-Correlation $withParameters), (Format-Correlation $withFlops)
}
$lines += ''
Remove-Variable -Name scored -ErrorAction SilentlyContinue

# Speed: the cmdlet against a pipeline that does nothing, and the core against the parser.
$lines += @('### Speed of scoring', '')
if ($natsFile -and (Test-Path $natsFile)) {
    # The records scored above would stay on the heap and slow every garbage collection of the timed runs.
    Remove-Variable -Name records, all, rows -ErrorAction SilentlyContinue

    # Medians of 15 interleaved rounds after the JIT has settled (build/bench/Timing.ps1). Out-Null discards each
    # record as it arrives, as the next stage of a streaming pipeline would; assigning to $null first collects all
    # of them, so those runs also pay for keeping 15,625 records alive.
    $scripts = [ordered]@{
        Baseline          = { Import-Csv $natsFile | ForEach-Object { $_ } | Out-Null }
        Scoring           = { Import-Csv $natsFile | Get-TropicalScore | Out-Null }
        BaselineCollected = { $null = Import-Csv $natsFile | ForEach-Object { $_ } }
        ScoringCollected  = { $null = Import-Csv $natsFile | Get-TropicalScore }
    }
    $times = Measure-Interleaved -Scripts $scripts -Rounds 15
    $wallRatio = $times.Scoring.Wall / $times.Baseline.Wall
    $threadRatio = $times.Scoring.Thread / $times.Baseline.Thread
    $collectedWallRatio = $times.ScoringCollected.Wall / $times.BaselineCollected.Wall
    $collectedThreadRatio = $times.ScoringCollected.Thread / $times.BaselineCollected.Thread
    $row = { param($Pipeline, $Time) '| `{0}` | {1:N3} | {2:N3} | {3:N3} |' -f $Pipeline, $Time.Wall, $Time.Thread, $Time.Process }
    $lines += @(
        ('Pipelines over the 15,625 rows of nats_bench.csv, medians of 15 interleaved rounds after {0} warm-up rounds:' -f $times.WarmUpRounds)
        ''
        '| pipeline | wall, s | pipeline-thread CPU, s | process CPU, s |'
        '|---|---|---|---|'
        (& $row 'Import-Csv nats_bench.csv \| ForEach-Object { $_ } \| Out-Null' $times.Baseline)
        (& $row 'Import-Csv nats_bench.csv \| Get-TropicalScore \| Out-Null' $times.Scoring)
        (& $row '$null = Import-Csv nats_bench.csv \| ForEach-Object { $_ }' $times.BaselineCollected)
        (& $row '$null = Import-Csv nats_bench.csv \| Get-TropicalScore' $times.ScoringCollected)
        ''
        ('Streaming, each record discarded as it arrives: scoring makes the pipeline {0:N3} times as long in wall-clock time as Import-Csv alone, and {1:N3} times in pipeline-thread CPU time; the target of at most 1.5 is {2}.' -f $wallRatio, $threadRatio, $(if ($wallRatio -le 1.5) { 'met' } else { 'missed' }))
        ('Collected, all records held until the pipeline ends: {0:N3} times in wall-clock time, {1:N3} times in pipeline-thread CPU time.' -f $collectedWallRatio, $collectedThreadRatio)
        'PowerShell gathers the output of a pipeline assigned to a variable before it discards it, so every record survives several garbage collections,'
        'and a scored record carries four more properties for the collector to copy each time.'
        ''
    )
}

$core = Invoke-CoreBenchmark -Name 'score-vs-parse' -Options @('--rounds', '15')
$lines += @(
    ('Core, one thread, CPU time, medians of {0} alternating rounds. Warm-up rounds last until the JIT compiler has settled, at least 3 s and at most 200 rounds ({1} for NATS-Bench, {2} for DARTS). The target is a score in less time than a parse:' -f $core.rounds, $core.'nats.warmUpRounds', $core.'darts.warmUpRounds')
    ''
    '| architectures | parse, ns each | region count, ns each | count / parse | score with parameter and FLOP counts, ns each |'
    '|---|---|---|---|---|'
    ('| {0:N0} NATS-Bench topology cells | {1:N0} | {2:N0} | {3:N2} ({4}) | {5:N0} |' -f $core.'nats.count', $core.'nats.nanosecondsPerParse', $core.'nats.nanosecondsPerCount', $core.'nats.countOverParse', $(if ($core.'nats.countOverParse' -lt 1) { 'met' } else { 'missed' }), $core.'nats.nanosecondsPerScore')
    ('| {0:N0} sampled DARTS genotypes (NAS-Bench-301 network) | {1:N0} | {2:N0} | {3:N2} ({4}) | {5:N0} |' -f $core.'darts.count', $core.'darts.nanosecondsPerParse', $core.'darts.nanosecondsPerCount', $core.'darts.countOverParse', $(if ($core.'darts.countOverParse' -lt 1) { 'met' } else { 'missed' }), $core.'darts.nanosecondsPerScore')
    ''
    'NATS-Bench cells are memoised after their first count, which the warm-up fills; DARTS genotypes are traced afresh every time.'
)
$lines

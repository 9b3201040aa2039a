<#
.SYNOPSIS
    Measures how well TropicalScore ranks the 15,625 NATS-Bench cells, searches with it, and plots the results.

.DESCRIPTION
    1. Imports nats-tss/nats_bench.csv into a SQLite cache in -OutputPath.
    2. Scores every cell in each mode on the CIFAR-10, CIFAR-100 and ImageNet16-120 networks and prints Spearman's ρ
       and Kendall's τ-b of each mode and of the parameter and FLOP counts against test accuracy.
    3. Runs a 10-seed search guided by TropicalScore, by the parameter count, and a random search, and prints the
       accuracies of the architectures each one finds.
    4. Writes correlation.svg, trajectory.svg and modes.svg to -OutputPath.

.EXAMPLE
    ./examples/Invoke-BenchmarkDemo.ps1 -DataPath ../shared/data
#>
param(
    [string] $DataPath,
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/demo'),
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../Canopy.psd1'),
    [int] $Budget = 1000
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$DataPath = & (Join-Path $PSScriptRoot 'Resolve-CanopyDataPath.ps1') -DataPath $DataPath
if (-not $DataPath) {
    throw 'The NATS-Bench table nats-tss/nats_bench.csv was not found; pass -DataPath or set CANOPY_DATA.'
}

New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
$OutputPath = (Resolve-Path $OutputPath).Path
$database = Join-Path $OutputPath 'benchmarks.db'
$targets = [ordered]@{
    'cifar10'        = 'CIFAR10TestAccuracy200Epochs'
    'cifar100'       = 'CIFAR100TestAccuracy200Epochs'
    'ImageNet16-120' = 'ImageNetTestAccuracy200Epochs'
}

Write-Host "`n== 1. Import NATS-Bench into the cache ($database)"
Import-CanopyBenchmark -Path (Join-Path $DataPath 'nats-tss/nats_bench.csv') -Name nats-tss -Database $database -Force |
    Format-Table Name, RowsStored, RowsRejected, @{ Label = 'Elapsed (s)'; Expression = { $_.Elapsed.TotalSeconds }; FormatString = 'N2' } -AutoSize |
    Out-String -Width 160 | Write-Host

Write-Host '== 2. Score all 15,625 cells and measure the ranking (Spearman ρ, Kendall τ-b against test accuracy)'
$modes = 'Generic', 'BottleneckBound', 'TropicalBound', 'GlobalBound'
$correlations = foreach ($dataset in $targets.Keys) {
    $records = @(Get-CanopyBenchmark -Name nats-tss -Database $database)
    foreach ($mode in $modes) {
        $null = $records | Get-TropicalScore -Mode $mode -Dataset $dataset
        $records | ForEach-Object { $_ | Add-Member -NotePropertyName "TropicalScore[$mode]" -NotePropertyValue $_.TropicalScore -Force }
    }
    if ($dataset -eq 'cifar10') { $scoredCifar10 = $records }

    $proxies = @($modes | ForEach-Object { "TropicalScore[$_]" }) + 'ParameterCount', 'Flops'
    $records | Measure-ProxyCorrelation -Target $targets[$dataset] -Proxy $proxies
}
# One row per score, one ρ (τ-b) column per dataset.
$correlations | Group-Object Proxy | ForEach-Object {
    $row = [ordered]@{ Score = $_.Name }
    foreach ($dataset in $targets.Keys) {
        $measured = $_.Group | Where-Object Target -EQ $targets[$dataset]
        $row["$dataset ρ (τ)"] = '{0:N3} ({1:N3})' -f $measured.Spearman, $measured.Kendall
    }
    [pscustomobject]$row
} | Sort-Object 'cifar10 ρ (τ)' -Descending | Format-Table -AutoSize | Out-String -Width 160 | Write-Host
Write-Host @'
TropicalScore[<mode>] is the region count in that mode (docs/method.md, Modes for cells). Generic and TropicalBound
split the cells into the same classes of equal score here, so they rank alike. Flops and ParameterCount rank alike
because both grow with the same weighted count of a cell's convolutions: the one cell repeats in every stage.

'@

Write-Host "== 3. Search 10 seeds × $Budget evaluations without training, and look up what each search found"
$searches = @(
    @{ Label = 'evolution, TropicalScore'; Arguments = @{ Objective = 'TropicalScore'; Strategy = 'RegularizedEvolution' } }
    @{ Label = 'evolution, ParameterCount'; Arguments = @{ Objective = 'ParameterCount'; Strategy = 'RegularizedEvolution' } }
    @{ Label = 'random, TropicalScore'; Arguments = @{ Objective = 'TropicalScore'; Strategy = 'Random' } }
)
$trajectories = [System.Collections.Generic.List[object]]::new()
$found = foreach ($search in $searches) {
    $arguments = $search.Arguments
    $steps = Invoke-CanopySearch -SearchSpace NatsTopology -Budget $Budget -Seed (0..9) -Benchmark nats-tss -Target $targets['cifar10'] -Database $database @arguments
    $steps | ForEach-Object { $_ | Add-Member -NotePropertyName Search -NotePropertyValue $search.Label -Force; $trajectories.Add($_) }

    $best = $steps | Group-Object Seed | ForEach-Object { $_.Group[-1].BestArchitecture }
    $accuracies = Get-CanopyBenchmark -Name nats-tss -Database $database -Architecture $best
    [pscustomobject]@{
        Search         = $search.Label
        Distinct       = @($best | Sort-Object -Unique).Count
        'CIFAR-10'     = [Math]::Round(($best | ForEach-Object { $a = $_; ($accuracies | Where-Object ArchitectureString -EQ $a).($targets['cifar10']) } | Measure-Object -Average).Average, 2)
        'CIFAR-100'    = [Math]::Round(($best | ForEach-Object { $a = $_; ($accuracies | Where-Object ArchitectureString -EQ $a).($targets['cifar100']) } | Measure-Object -Average).Average, 2)
        'ImageNet16-120' = [Math]::Round(($best | ForEach-Object { $a = $_; ($accuracies | Where-Object ArchitectureString -EQ $a).($targets['ImageNet16-120']) } | Measure-Object -Average).Average, 2)
    }
}
Write-Host 'Mean test accuracy (%) of the ten architectures each search found; Distinct counts the different ones:'
$found | Format-Table -AutoSize | Out-String -Width 160 | Write-Host
Write-Host @'
Guided by ParameterCount, every seed climbs to the one largest cell. Guided by TropicalScore, the seeds end on
different cells of the class that shares the highest score (docs/search.md, Ties).

'@

Write-Host "== 4. Plots in $OutputPath"
$scoredCifar10 | Export-CanopyPlot -Kind Correlation -Path (Join-Path $OutputPath 'correlation.svg') -X 'TropicalScore[Generic]' -Y $targets['cifar10'] -Title 'NATS-Bench: TropicalScore against CIFAR-10 accuracy' | Out-Null
$trajectories | Export-CanopyPlot -Kind Trajectory -Path (Join-Path $OutputPath 'trajectory.svg') -GroupBy Search -Title 'Search on NATS-Bench without training (10 seeds)' | Out-Null
$correlations | Export-CanopyPlot -Kind Modes -Path (Join-Path $OutputPath 'modes.svg') -Title 'Spearman ρ of each mode and baseline on NATS-Bench' | Out-Null
Write-Host @'
correlation.svg   every cell's TropicalScore against its CIFAR-10 test accuracy, with Spearman ρ and Kendall τ-b
trajectory.svg    the mean over the ten seeds of the best objective value after each evaluation, one line per search
modes.svg         Spearman ρ of each mode and of the size baselines on the three datasets
'@

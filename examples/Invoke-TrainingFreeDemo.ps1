<#
.SYNOPSIS
    Scores the NATS-Bench topology space and a DARTS sample, searches with TropicalScore, and plots, with no data at all.

.DESCRIPTION
    Everything here is analytic: no weights, no training, no benchmark file. To also measure how well the score ranks
    trained accuracies, obtain the NATS-Bench table (see the message at the end) and run Invoke-BenchmarkDemo.ps1.

.EXAMPLE
    ./examples/Invoke-TrainingFreeDemo.ps1 -OutputPath ./canopy-demo
#>
param(
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/demo'),
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../Canopy.psd1'),
    [int] $Budget = 1000
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
$OutputPath = (Resolve-Path $OutputPath).Path

Write-Host '== 1. Score the whole NATS-Bench topology space (15,625 cells) on the CIFAR-10 network'
Write-Host 'TropicalScore is the base-10 logarithm of the number of linear regions per receptive window (docs/method.md).'
$cells = @(Get-CanopyArchitecture -SearchSpace NatsTopology | Get-TropicalScore)
Write-Host ('{0:N0} cells scored; TropicalScore from {1:N1} to {2:N1}.' -f $cells.Count, ($cells.TropicalScore | Measure-Object -Minimum).Minimum, ($cells.TropicalScore | Measure-Object -Maximum).Maximum)
Write-Host 'Highest-scoring cells, the smallest first among equal scores:'
$cells | Sort-Object @{ Expression = 'TropicalScore'; Descending = $true }, ParameterCount | Select-Object -First 10 |
    Format-Table Architecture, TropicalScore, ParameterCount, Flops -AutoSize | Out-String -Width 200 | Write-Host

Write-Host '== 2. Score 1,000 sampled DARTS genotypes on the NAS-Bench-301 network'
$darts = @(Get-CanopyArchitecture -SearchSpace Darts -Count 1000 -Seed 0 | Get-TropicalScore)
Write-Host 'The three highest-scoring genotypes:'
$darts | Sort-Object TropicalScore -Descending | Select-Object -First 3 |
    Format-List Architecture, @{ Name = 'TropicalScore'; Expression = { '{0:N2}' -f $_.TropicalScore } }, ParameterCount, Flops | Out-String -Width 200 | Write-Host

Write-Host "== 3. Search NATS-Bench: 10 seeds × $Budget evaluations, regularized evolution on TropicalScore"
$steps = @(Invoke-CanopySearch -SearchSpace NatsTopology -Budget $Budget -Seed (0..9))
$steps | Group-Object Seed | ForEach-Object { $_.Group[-1] } | Format-Table Seed, BestArchitecture, BestScore -AutoSize | Out-String -Width 200 | Write-Host
$top = ($cells.TropicalScore | Measure-Object -Maximum).Maximum
$tied = @($cells | Where-Object TropicalScore -EQ $top).Count
Write-Host ("{0:N0} cells share the highest score, {1:N1}, so seeds that reach it may end on different cells (docs/search.md, Ties).`n" -f $tied, $top)

Write-Host "== 4. Plots in $OutputPath"
$steps | Export-CanopyPlot -Kind Trajectory -Path (Join-Path $OutputPath 'trajectory.svg') -Title 'Best TropicalScore found (10 seeds)' | Out-Null
$cells | Export-CanopyPlot -Kind Correlation -Path (Join-Path $OutputPath 'score-vs-parameters.svg') -X ParameterCount -Y TropicalScore -Title 'NATS-Bench cells: TropicalScore against parameter count' | Out-Null
Write-Host @'
trajectory.svg            the best TropicalScore each seed has found after each evaluation
score-vs-parameters.svg   every cell's TropicalScore against its parameter count, with Spearman ρ and Kendall τ-b above it

'@

Write-Host @'
To see how well TropicalScore ranks trained accuracies, give Canopy the NATS-Bench results: a CSV with the columns
ArchitectureString, CIFAR10TestAccuracy200Epochs, CIFAR100TestAccuracy200Epochs and ImageNetTestAccuracy200Epochs,
one row per cell, saved as <folder>/nats-tss/nats_bench.csv. The NATS-Bench API (github.com/D-X-Y/NATS-Bench) gives
these values as get_more_info(index, dataset, hp='200')['test-accuracy'] for every index. Then run, from bash
    CANOPY_DATA=<folder> dotnet pwsh ./build.ps1 -Task Demo
or from PowerShell
    $env:CANOPY_DATA = '<folder>'; dotnet pwsh ./build.ps1 -Task Demo
'@

<#
.SYNOPSIS
    The main job: scores architectures without training, searches, and, when NATS-Bench data is present, measures
    how well the score ranks real accuracies.

.DESCRIPTION
    With the NATS-Bench table (nats-tss/nats_bench.csv under -DataPath, $env:CANOPY_DATA or ../shared/data), runs
    Invoke-BenchmarkDemo.ps1; without it, runs Invoke-TrainingFreeDemo.ps1. Plots and the demo's cache go to
    -OutputPath.

.EXAMPLE
    ./examples/Invoke-CanopyDemo.ps1 -DataPath ~/nas-data
#>
param(
    [string] $DataPath,
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/demo'),
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../Canopy.psd1')
)

$ErrorActionPreference = 'Stop'
$resolved = & (Join-Path $PSScriptRoot 'Resolve-CanopyDataPath.ps1') -DataPath $DataPath
$watch = [System.Diagnostics.Stopwatch]::StartNew()

if ($resolved) {
    Write-Host "Benchmark data: $resolved"
    & (Join-Path $PSScriptRoot 'Invoke-BenchmarkDemo.ps1') -DataPath $resolved -OutputPath $OutputPath -ModuleManifest $ModuleManifest
}
else {
    # Saying where the data was looked for lets a user who has it see which location to fix.
    $looked = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path | Split-Path -Parent | Join-Path -ChildPath 'shared/data'
    Write-Host "No nats-tss/nats_bench.csv under -DataPath, `$env:CANOPY_DATA or $looked, so the ranking part is skipped; the training-free part runs."
    & (Join-Path $PSScriptRoot 'Invoke-TrainingFreeDemo.ps1') -OutputPath $OutputPath -ModuleManifest $ModuleManifest
}

"Demo finished in {0:N0} s." -f $watch.Elapsed.TotalSeconds

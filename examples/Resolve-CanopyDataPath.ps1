<#
.SYNOPSIS
    Finds the folder with Canopy's benchmark data: -DataPath, else $env:CANOPY_DATA, else ../shared/data beside the
    repository. Returns $null when none of them holds nats-tss/nats_bench.csv.
#>
param([string] $DataPath)

$candidates = @($DataPath, $env:CANOPY_DATA, (Join-Path $PSScriptRoot '../../shared/data'))
foreach ($candidate in $candidates) {
    if ($candidate -and (Test-Path (Join-Path $candidate 'nats-tss/nats_bench.csv'))) {
        return (Resolve-Path $candidate).Path
    }
}

return $null

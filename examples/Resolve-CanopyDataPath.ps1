<#
.SYNOPSIS
    Finds the folder with Canopy's benchmark data: -DataPath, else $env:CANOPY_DATA, else ../shared/data beside the
    repository. Returns $null when none of them holds nats-tss/nats_bench.csv.
#>
param([string] $DataPath)

$candidates = @(
    @{ Source = '-DataPath'; Path = $DataPath }
    @{ Source = 'CANOPY_DATA'; Path = $env:CANOPY_DATA }
    @{ Source = $null; Path = (Join-Path $PSScriptRoot '../../shared/data') }
)
foreach ($candidate in $candidates) {
    if (-not $candidate.Path) {
        continue
    }

    if (Test-Path -LiteralPath (Join-Path $candidate.Path 'nats-tss/nats_bench.csv')) {
        return (Resolve-Path -LiteralPath $candidate.Path).Path
    }

    # A location the user named and mistyped would otherwise pass unnoticed while another one is used.
    if ($candidate.Source) {
        Write-Warning "$($candidate.Source) is '$($candidate.Path)', which holds no nats-tss/nats_bench.csv, so it is not used."
    }
}

return $null

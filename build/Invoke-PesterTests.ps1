<#
.SYNOPSIS
    Runs the Pester tests against the built module and prints `pester: N passed, N failed, N skipped` last.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ModuleManifest
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $PesterManifest).Path

# The tests import the module from this variable, so they always test the build, never a stale copy.
$env:CANOPY_MODULE_MANIFEST = (Resolve-Path $ModuleManifest).Path

# Tests that need benchmark data read it from this folder: CANOPY_DATA when it is set, else shared/data beside the
# repository. The path is printed, so that a run whose data tests skip shows where it looked.
$dataFolder = if ($env:CANOPY_DATA) { $env:CANOPY_DATA } else { Join-Path $PSScriptRoot '../../shared/data' }
$env:CANOPY_TEST_DATA = [IO.Path]::GetFullPath($dataFolder)
# The folder may exist and still lack the benchmark folders the tests read, so those are listed.
$found = @('nats-tss', 'nb201-zero-cost-proxies', 'darts-other-tasks' | Where-Object { Test-Path -LiteralPath (Join-Path $env:CANOPY_TEST_DATA $_) -PathType Container })
$presence = if ($found.Count -gt 0) { "holds $($found -join ', ')" }
elseif (Test-Path -LiteralPath $env:CANOPY_TEST_DATA -PathType Container) { 'holds none of the benchmark folders, so the tests that need data skip' }
else { 'does not exist, so the tests that need data skip; set CANOPY_DATA to the data folder' }
"pester: benchmark data folder $env:CANOPY_TEST_DATA ($presence)"

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'

$result = Invoke-Pester -Configuration $configuration
if ($null -eq $result) {
    'pester: 0 passed, 1 failed, 0 skipped'
    exit 1
}

# Failures outside an It block (BeforeAll, a file that does not parse) are not in FailedCount.
$failed = $result.FailedCount + $result.FailedContainersCount
if ($failed -eq 0 -and $result.Result -ne 'Passed') {
    $failed = [Math]::Max(1, $result.FailedBlocksCount)
}
"pester: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
exit ([int]($failed -gt 0))

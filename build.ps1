<#
.SYNOPSIS
    Builds, tests, benchmarks and packages the Canopy module.

.DESCRIPTION
    Every task does its own set-up, so a machine with only the .NET SDK needs nothing else:
    `dotnet tool restore` provides pwsh, and the Test task restores Pester from NuGet into .packages.

    Build    publishes the module into ./bin, so that `Import-Module ./Canopy.psd1` works.
    Test     runs the xunit tests of the core and the Pester tests of the cmdlets, and prints
             `N passed, N failed` as its last line.
    Demo     runs the main job (examples/Invoke-CanopyDemo.ps1) in a fresh pwsh.
    Bench    measures speed and memory and writes docs/benchmarks.md.
    Package  assembles out/Canopy/<version>, a module folder ready for a PowerShell repository.
    Clean    removes every build output.

.PARAMETER Task
    The task to run: Build (the default), Test, Demo, Bench, Package or Clean.

.PARAMETER Configuration
    The .NET build configuration, Release (the default) or Debug.

.PARAMETER DataPath
    The folder of benchmark data for the Demo and Bench tasks; by default CANOPY_DATA, then shared/data beside
    the repository's folder.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    [string] $DataPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'build/Canopy.Build.psm1') -Force

$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'

switch ($Task) {
    'Clean'   { Invoke-CleanTask -Root $PSScriptRoot }
    'Build'   { Invoke-BuildTask -Root $PSScriptRoot -Configuration $Configuration }
    'Test'    {
        Invoke-BuildTask -Root $PSScriptRoot -Configuration $Configuration
        $failed = Invoke-TestTask -Root $PSScriptRoot -Configuration $Configuration
        exit ([int]($failed -gt 0))
    }
    'Demo'    {
        Invoke-BuildTask -Root $PSScriptRoot -Configuration $Configuration
        Invoke-DemoTask -Root $PSScriptRoot -DataPath $DataPath
    }
    'Bench'   {
        Invoke-BuildTask -Root $PSScriptRoot -Configuration $Configuration
        $benchData = if ($DataPath) { $DataPath } else { $env:CANOPY_DATA }
        Invoke-BenchTask -Root $PSScriptRoot -Configuration $Configuration -DataPath $benchData
    }
    'Package' {
        Invoke-BuildTask -Root $PSScriptRoot -Configuration $Configuration -Release
        Invoke-PackageTask -Root $PSScriptRoot
    }
}

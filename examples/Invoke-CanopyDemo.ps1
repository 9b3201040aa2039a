<#
.SYNOPSIS
    The main job: scores architectures without training and, when benchmark data is present, measures how well
    the score ranks them.
#>
param(
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../Canopy.psd1'),
    [string] $DataPath
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest

Get-TropicalScore -LayerWidths 64, 128, 64 | Format-List Architecture, Mode, TropicalScore, Formula

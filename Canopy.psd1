@{
    RootModule           = 'bin/Canopy.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0d7a52-3c1e-4b8a-9d21-5be2f0c4a7e3'
    Author               = 'Canopy contributors'
    CompanyName          = 'Canopy contributors'
    Copyright            = '(c) Canopy contributors. Apache License 2.0.'
    Description          = 'Training-free neural architecture search: scores architectures by the number of linear regions their ReLU networks can express, counted through tropical geometry.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('bin/Canopy.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-TropicalScore'
        'New-CanopyArchitecture'
        'Get-CanopyArchitecture'
        'Import-CanopyBenchmark'
        'Get-CanopyBenchmark'
        'Remove-CanopyBenchmark'
        'Measure-ProxyCorrelation'
        'Invoke-CanopySearch'
        'Export-CanopyPlot'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('NAS', 'NeuralArchitectureSearch', 'TropicalGeometry', 'LinearRegions', 'ZeroCostProxy', 'MachineLearning')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ReleaseNotes = 'See docs/CHANGELOG.md in the module folder.'
        }
    }
}

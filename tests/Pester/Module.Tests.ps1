BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force
    $script:root = Split-Path -Parent $env:CANOPY_MODULE_MANIFEST
    $script:manifest = Import-PowerShellDataFile -Path $env:CANOPY_MODULE_MANIFEST
    $script:module = Get-Module -Name Canopy

    # Renders objects with their default view, wide enough that no column is cut by the terminal width.
    function Get-DefaultView($InputObject) {
        ($InputObject | Out-String -Width 250) -split "`r?`n" | Where-Object { $_.Trim() }
    }
}

Describe 'Canopy module manifest' {
    It 'passes Test-ModuleManifest' {
        $tested = Test-ModuleManifest -Path $env:CANOPY_MODULE_MANIFEST -ErrorAction Stop

        $tested.Name | Should -Be 'Canopy'
    }

    It 'has the version of Directory.Build.props' {
        $props = [xml](Get-Content -Raw -Path (Join-Path $script:root 'Directory.Build.props'))
        $version = @($props.Project.PropertyGroup.Version | Where-Object { $_ })[0]

        $script:manifest.ModuleVersion | Should -Be $version
        $script:module.Version | Should -Be ([version]$version)
    }

    It 'lists every cmdlet of the assembly in CmdletsToExport' {
        $implemented = $script:module.ImplementingAssembly.GetTypes() |
            Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object {
                $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
                "$($attribute.VerbName)-$($attribute.NounName)"
            }

        $implemented | Where-Object { $_ -notin $script:manifest.CmdletsToExport } | Should -BeNullOrEmpty
    }

    It 'exports every cmdlet that CmdletsToExport lists' {
        $exported = @((Get-Command -Module Canopy -CommandType Cmdlet).Name)

        $script:manifest.CmdletsToExport | Where-Object { $_ -notin $exported } | Should -BeNullOrEmpty -Because 'each listed cmdlet must be implemented'
    }

    It 'exports no functions, aliases or variables' {
        $script:module.ExportedFunctions.Count | Should -Be 0
        $script:module.ExportedAliases.Count | Should -Be 0
        $script:module.ExportedVariables.Count | Should -Be 0
    }

    It 'loads its format file from the build output' {
        $script:manifest.FormatsToProcess | Should -Be @('bin/Canopy.Format.ps1xml')
        Join-Path $script:root 'bin/Canopy.Format.ps1xml' | Should -Exist
        (Get-FormatData -TypeName 'Canopy.Scoring.ArchitectureScore').TypeNames | Should -Be 'Canopy.Scoring.ArchitectureScore'
    }
}

Describe 'Default views' {
    It 'shows scores with the architecture, mode and 3-decimal score' {
        # Three units in the plane make 1 + 3 + 3 = 7 regions, and log10 7 = 0.845.
        # The layer has (2 + 1) · 3 = 9 parameters and 2 · 3 = 6 multiply-accumulates.
        $lines = Get-DefaultView (Get-TropicalScore -LayerWidths 3 -InputDimension 2)

        $lines[0] | Should -Match '^Architecture\s+Mode\s+TropicalScore\s+ParameterCount\s+Flops$'
        $lines[2] | Should -Match '^mlp:2:3\s+Generic\s+0\.845\s+9\s+6$'
    }

    It 'cuts long architectures to 48 characters' {
        $lines = Get-DefaultView (Get-TropicalScore -LayerWidths (@(64) * 30))

        $lines[2].Substring(0, 48) | Should -BeExactly ('mlp:3072:' + ('64-' * 12) + '64…')
    }

    It 'shows correlations with every coefficient to 3 decimals' {
        # y ranks 2,1,4,3,5 against x = 1..5: ρ = 0.8 and τ-b = 0.6, as worked out in Export-CanopyPlot's tests.
        $records = 1..5 | ForEach-Object { [pscustomobject]@{ score = $_; acc = (20, 10, 40, 30, 50)[$_ - 1] } }

        $lines = Get-DefaultView ($records | Measure-ProxyCorrelation -Target acc -Proxy score)

        $lines[0] | Should -Match '^Proxy\s+Target\s+Count\s+Spearman\s+Kendall\s+Pearson\s+TopOverlap$'
        $lines[2] | Should -Match '^score\s+acc\s+5\s+0\.800\s+0\.600\s+0\.800\s+\d\.\d{3}$'
    }

    It 'shows import summaries and benchmark listings with counts' {
        $csv = Join-Path $TestDrive 'sweep.csv'
        $database = Join-Path $TestDrive 'views.db'
        @(
            'ArchitectureString,acc'
            '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|,94.37'
            '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,85.86'
        ) | Set-Content -Path $csv

        $summary = Get-DefaultView (Import-CanopyBenchmark -Path $csv -Name sweep -Database $database)
        $listing = Get-DefaultView (Get-CanopyBenchmark -Database $database)

        $summary[0] | Should -Match '^Name\s+RowsStored\s+RowsRejected\s+Elapsed \(s\)\s+Database$'
        $summary[2] | Should -Match '^sweep\s+2\s+0\s+\d+\.\d{3}\s+'
        $listing[0] | Should -Match '^Name\s+Rows\s+Columns\s+SearchSpaces\s+ImportedAt\s+Source$'
        $listing[2] | Should -Match '^sweep\s+2\s+2\s+NatsTopology\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+'
    }
}

Describe 'Default views of search output' {
    It 'shows search steps with 3-decimal scores' {
        $lines = Get-DefaultView (Invoke-CanopySearch Mlp -Budget 3 -Seed 1)

        $lines[0] | Should -Match '^\s*Seed\s+Step\s+Status\s+Score\s+BestScore\s+BestTarget\s+BestArchitecture$'
        $lines[2] | Should -Match '^\s*1\s+1\s+Accepted\s+[\d,]+\.\d{3}\s+[\d,]+\.\d{3}\s+mlp:'
        $lines.Count | Should -Be 5
    }

    It 'shows search summaries with the best architecture and its costs' {
        $lines = Get-DefaultView (Invoke-CanopySearch Mlp -Budget 3 -Seed 1 -Summary)

        $lines[0] | Should -Match '^\s*Seed\s+Strategy\s+Objective\s+Architecture\s+TropicalScore\s+ParameterCount\s+Evaluations\s+Target$'
        $lines[2] | Should -Match '^\s*1\s+RegularizedEvolution\s+TropicalScore\s+mlp:\S+\s+[\d,]+\.\d{3}\s+[\d,]+\s+3\s*$'
    }
}

Describe 'Tab completion' {
    It 'completes <Parameter> of <Command>' -ForEach @(
        @{ Command = 'Get-TropicalScore'; Parameter = 'Mode' }
        @{ Command = 'Get-CanopyArchitecture'; Parameter = 'SearchSpace' }
        @{ Command = 'Import-CanopyBenchmark'; Parameter = 'SearchSpace' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Strategy' }
        @{ Command = 'Export-CanopyPlot'; Parameter = 'Kind' }
    ) {
        $info = Get-Command -Name $Command -ErrorAction SilentlyContinue
        $info | Should -Not -BeNullOrEmpty -Because "$Command must be exported"
        $type = $info.Parameters[$Parameter].ParameterType
        $type = [Nullable]::GetUnderlyingType($type) ?? $type
        $validateSet = $info.Parameters[$Parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $expected = if ($type.IsEnum) { [enum]::GetNames($type) } else { $validateSet.ValidValues }
        $inputScript = "$Command -$Parameter "

        $completed = (TabExpansion2 -inputScript $inputScript -cursorColumn $inputScript.Length).CompletionMatches.CompletionText

        $expected | Should -Not -BeNullOrEmpty -Because "-$Parameter should be an enum or carry ValidateSet"
        $completed | Sort-Object | Should -Be ($expected | Sort-Object)
    }
}

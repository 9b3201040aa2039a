BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force
    $script:root = Split-Path -Parent $env:CANOPY_MODULE_MANIFEST
    $script:manifest = Import-PowerShellDataFile -Path $env:CANOPY_MODULE_MANIFEST
    $script:module = Get-Module -Name Canopy

    # Renders objects with their default view at a host width of $Width columns, without blank lines.
    function Get-DefaultView($InputObject, [int] $Width) {
        ($InputObject | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() }
    }

    # Checks that a table fits $Width columns: the labels in order on one header line, one rule under each
    # label (so no header wrapped), and no line wider than the host.
    function Assert-TableFits([string[]] $Lines, [int] $Width, [string[]] $Labels) {
        $Lines[0] | Should -Match ('^\s*' + (($Labels | ForEach-Object { [regex]::Escape($_) }) -join '\s+') + '$')
        @($Lines[1].Trim() -split '\s+').Count | Should -Be $Labels.Count
        foreach ($line in $Lines) {
            $line.Length | Should -BeLessOrEqual $Width -Because "'$line' must fit $Width columns"
        }
    }

    # Returns the text of row $Row in the last column, which starts where its label starts in the header line.
    function Get-LastColumn([string[]] $Lines, [int] $Row) {
        $label = ($Lines[0].Trim() -split '\s+')[-1]
        $Lines[$Row].Substring($Lines[0].LastIndexOf($label))
    }

    # A benchmark of the first three cells that random search with seed 3 evaluates, with accuracies 50, 51, 52.
    $script:viewDatabase = Join-Path $TestDrive 'search-views.db'
    $cells = @(Get-CanopyArchitecture NatsTopology -Seed 3 -Count 3)
    $csv = Join-Path $TestDrive 'first3.csv'
    @('arch,acc') + @(0..2 | ForEach-Object { "$($cells[$_].Architecture),$(50 + $_)" }) | Set-Content -Path $csv
    Import-CanopyBenchmark -Path $csv -Name first3 -Database $script:viewDatabase | Out-Null
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

Describe 'Default views at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
    It 'shows scores with mode, 3-decimal score and counts' {
        # Three units in the plane make 1 + 3 + 3 = 7 regions, and log10 7 = 0.845.
        # The layer has (2 + 1) · 3 = 9 parameters and 2 · 3 = 6 multiply-accumulates.
        $lines = Get-DefaultView (Get-TropicalScore -LayerWidths 3 -InputDimension 2) -Width $Width

        Assert-TableFits $lines $Width 'Mode', 'TropicalScore', 'ParameterCount', 'Flops', 'Architecture'
        $lines[2] | Should -Match '^Generic\s+0\.845\s+9\s+6\s+mlp:2:3$'
    }

    It 'writes counts wider than their column in scientific notation' {
        # Two layers of 10^6 units on 3,072 inputs: 3,072 · 10^6 + 10^6 · 10^6 = 1.003072 · 10^12 multiply-accumulates.
        $lines = Get-DefaultView (Get-TropicalScore -LayerWidths 1000000, 1000000) -Width $Width

        Assert-TableFits $lines $Width 'Mode', 'TropicalScore', 'ParameterCount', 'Flops', 'Architecture'
        $lines[2] | Should -Match '^Generic\s+[\d,]+\.\d{3}\s+1\.003e\+12\s+1\.003e\+12\s+mlp:3072:'
    }

    It 'shows architecture objects with counts and the architecture' {
        # NATS-Bench size 8:16:24:32:64 on CIFAR-10 has 198,050 parameters and 20,587,146 FLOPs.
        $lines = Get-DefaultView (New-CanopyArchitecture -ArchitectureString '8:16:24:32:64') -Width $Width

        Assert-TableFits $lines $Width 'SearchSpace', 'ParameterCount', 'Flops', 'Architecture'
        $lines[2] | Should -Match '^NatsSize\s+198,050\s+20,587,146\s+8:16:24:32:64$'
    }

    It 'cuts a long architecture at the end of the line' {
        $genotype = (Get-CanopyArchitecture Darts -Count 1 -Seed 1).Architecture
        $lines = Get-DefaultView (Get-TropicalScore -Architecture $genotype -SearchSpace Darts -Mode BottleneckBound) -Width $Width

        Assert-TableFits $lines $Width 'Mode', 'TropicalScore', 'ParameterCount', 'Flops', 'Architecture'
        $lines[2] | Should -Match '^BottleneckBound\s+[\d,]+\.\d{3}\s+[\d,]+\s+[\d,]+\s+Genotype\('
        $shown = Get-LastColumn $lines 2
        $shown | Should -BeLike '*…'
        $genotype.StartsWith($shown.TrimEnd('…'), [StringComparison]::Ordinal) | Should -BeTrue -Because "'$shown' must be the start of the genotype"
        $shown.Length | Should -BeGreaterOrEqual ($Width - 58) -Because 'the architecture takes the rest of the line'
    }

    It 'shows correlations with every coefficient to 3 decimals' {
        # y ranks 2,1,4,3,5 against x = 1..5: ρ = 0.8 and τ-b = 0.6, as worked out in Export-CanopyPlot's tests.
        $records = 1..5 | ForEach-Object { [pscustomobject]@{ score = $_; CIFAR10TestAccuracy200Epochs = (20, 10, 40, 30, 50)[$_ - 1] } }

        $lines = Get-DefaultView ($records | Measure-ProxyCorrelation -Target CIFAR10TestAccuracy200Epochs -Proxy score) -Width $Width

        Assert-TableFits $lines $Width 'Proxy', 'Count', 'Spearman', 'Kendall', 'Pearson', 'TopOverlap', 'Target'
        $lines[2] | Should -Match '^score\s+5\s+0\.800\s+0\.600\s+0\.800\s+\d\.\d{3}\s+CIFAR10TestAcc'
        if ($Width -ge 120) { Get-LastColumn $lines 2 | Should -Be 'CIFAR10TestAccuracy200Epochs' }
    }

    It 'shows a count of a million pairs whole' {
        $correlation = [Canopy.Statistics.ProxyCorrelation]@{
            Proxy = 'p'; Target = 'acc'; Count = 1000000; Spearman = 0.5; Kendall = 0.4; Pearson = 0.3; TopOverlap = 0.2; TopPercent = 10
        }

        $lines = Get-DefaultView $correlation -Width $Width

        Assert-TableFits $lines $Width 'Proxy', 'Count', 'Spearman', 'Kendall', 'Pearson', 'TopOverlap', 'Target'
        $lines[2] | Should -Match '^p\s+1,000,000\s+0\.500\s+0\.400\s+0\.300\s+0\.200\s+acc$'
    }

    It 'shows import summaries and benchmark listings with counts' {
        $csv = Join-Path $TestDrive 'sweep.csv'
        $database = Join-Path $TestDrive "views-$Width.db"
        @(
            'ArchitectureString,acc'
            '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|,94.37'
            '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,85.86'
        ) | Set-Content -Path $csv

        $summary = Get-DefaultView (Import-CanopyBenchmark -Path $csv -Name sweep -Database $database) -Width $Width
        $listing = Get-DefaultView (Get-CanopyBenchmark -Database $database) -Width $Width

        Assert-TableFits $summary $Width 'Name', 'RowsStored', 'RowsRejected', 'Elapsed', 'Database'
        $summary[2] | Should -Match '^sweep\s+2\s+0\s+\d\d:\d\d:\d\d\.\d{3}\s+/'
        Assert-TableFits $listing $Width 'Name', 'Rows', 'Columns', 'SearchSpaces', 'ImportedAt', 'Source'
        $listing[2] | Should -Match '^sweep\s+2\s+2\s+NatsTopology\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+/'
    }

    It 'shows a long benchmark name whole' {
        $name = 'nb201_zc13_ImageNet16-120_reachable9445'
        $csv = Join-Path $TestDrive "$name.csv"
        $database = Join-Path $TestDrive "long-names-$Width.db"
        @(
            'arch,acc'
            '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|,94.37'
        ) | Set-Content -Path $csv

        $summary = Get-DefaultView (Import-CanopyBenchmark -Path $csv -Database $database) -Width $Width
        $listing = Get-DefaultView (Get-CanopyBenchmark -Database $database) -Width $Width

        $summary[0] | Should -Match '^Name\s+RowsStored'
        $summary[-1] | Should -Match "^$name\s+1\s+0\s"
        $listing[0] | Should -Match '^Name\s+Rows'
        $listing[-1] | Should -Match "^$name\s+1\s+2\s"
        if ($Width -ge 120) {
            Assert-TableFits $listing $Width 'Name', 'Rows', 'Columns', 'SearchSpaces', 'ImportedAt', 'Source'
            Assert-TableFits $summary $Width 'Name', 'RowsStored', 'RowsRejected', 'Elapsed', 'Database'
        }
    }

    It 'prints a coefficient that rounds to zero without a sign' {
        $row = [Canopy.Statistics.ProxyCorrelation]@{
            Proxy = 'p'; Target = 't'; Count = 100; Spearman = -0.0002; Kendall = -0.0004; Pearson = -0.0; TopOverlap = 0.1; TopPercent = 10
        }

        $lines = Get-DefaultView $row -Width $Width

        $lines[2] | Should -Match '^p\s+100\s+0\.000\s+0\.000\s+0\.000\s+0\.100\s+t$'
    }

    It 'keeps the sign of a coefficient that rounds away from zero' {
        $row = [Canopy.Statistics.ProxyCorrelation]@{
            Proxy = 'p'; Target = 't'; Count = 100; Spearman = -0.0006; Kendall = -0.25; Pearson = -1.0; TopOverlap = 0.0; TopPercent = 10
            SpearmanLower = -0.0004; SpearmanUpper = 0.0003; ConfidenceLevel = 0.95; Resamples = 100; Seed = [ulong]1
        }

        $withInterval = [psobject]::new($row)
        $withInterval.PSObject.TypeNames.Insert(0, 'Canopy.Statistics.ProxyCorrelation#Interval')

        $lines = Get-DefaultView $withInterval -Width $Width

        # The target and the interval head the group, so the table starts on the third line.
        $lines[0] | Should -Match '^\s*Target: t; 95\W*%? bootstrap interval of ρ from 100 resamples$'
        Assert-TableFits $lines[1..($lines.Count - 1)] $Width 'Proxy', 'Count', 'Spearman', 'SpearmanLower', 'SpearmanUpper', 'Kendall', 'Pearson'
        $lines[3] | Should -Match '^p\s+100\s+-0\.001\s+0\.000\s+0\.000\s+-0\.250\s+-1\.000$'
    }

    It 'shows search steps with 3-decimal scores' {
        $steps = @(Invoke-CanopySearch Mlp -Budget 3 -Seed 1)

        $lines = Get-DefaultView $steps -Width $Width

        Assert-TableFits $lines $Width 'Seed', 'Step', 'Score', 'Rejection', 'BestScore', 'Architecture'
        $lines[2] | Should -Match '^\s*1\s+1\s+[\d,]+\.\d{3}\s+[\d,]+\.\d{3}\s+mlp:'
        $lines.Count | Should -Be 5
    }

    It 'marks rejected search steps by the limit they exceed' {
        $steps = @(Invoke-CanopySearch NatsSize -Budget 20 -Seed 0 -MaxParameters 300000)
        $rejected = @($steps | Where-Object Status -EQ 'ParameterLimitExceeded')

        $lines = Get-DefaultView $steps -Width $Width

        $rejected.Count | Should -BeGreaterThan 0
        $lines[1 + $rejected[0].Step] | Should -Match '^\s*0\s+\d+\s+[\d,]+\.\d{3}\s+params\s+[\d,]+\.\d{3}\s+\d+:'
        $lines[1 + ($steps | Where-Object Accepted | Select-Object -First 1).Step] | Should -Not -Match 'params|flops|failed'
    }

    It 'keeps BestArchitecture and Status in the list view' {
        $step = Invoke-CanopySearch Mlp -Budget 3 -Seed 1 | Select-Object -Last 1

        $text = $step | Format-List | Out-String -Width $Width

        $text | Should -Match "BestArchitecture\s+: $([regex]::Escape($step.BestArchitecture))"
        $text | Should -Match 'Status\s+: Accepted'
    }

    It 'shows counts as objectives without decimals' {
        $lines = Get-DefaultView (Invoke-CanopySearch NatsSize -Objective Flops -Budget 2 -Seed 1) -Width $Width

        Assert-TableFits $lines $Width 'Seed', 'Step', 'Score', 'Rejection', 'BestScore', 'Architecture'
        $lines[2] | Should -Match '^\s*1\s+1\s+\d{1,3}(,\d{3})+\s+\d{1,3}(,\d{3})+\s+\d+:\d+:\d+:\d+:\d+$'
    }

    It 'adds BestTarget to the steps of a benchmark search' {
        $steps = @(Invoke-CanopySearch NatsTopology -Strategy Random -Budget 3 -Seed 3 -Benchmark first3 -Target acc -Database $script:viewDatabase)

        $lines = Get-DefaultView $steps -Width $Width

        $steps[0].PSObject.TypeNames[0] | Should -Be 'Canopy.Search.SearchStep#Target'
        $steps[0] | Should -BeOfType ([Canopy.Search.SearchStep])
        Assert-TableFits $lines $Width 'Seed', 'Step', 'Score', 'Rejection', 'BestScore', 'BestTarget', 'Architecture'
        $lines[2] | Should -Match "^\s*3\s+1\s+[\d,]+\.\d{3}\s+[\d,]+\.\d{3}\s+$($steps[0].BestTarget)\.000\s+\|"
    }

    It 'shows search summaries with score, parameters and evaluations' {
        $lines = Get-DefaultView (Invoke-CanopySearch Mlp -Budget 3 -Seed 1 -Summary) -Width $Width

        Assert-TableFits $lines $Width 'Seed', 'TropicalScore', 'ParameterCount', 'Evaluations', 'Architecture'
        $lines[2] | Should -Match '^\s*1\s+[\d,]+\.\d{3}\s+[\d,]+\s+3\s+mlp:\S+$'
    }

    It 'adds Target to the summaries of a benchmark search' {
        $summary = Invoke-CanopySearch NatsTopology -Strategy Random -Budget 3 -Seed 3 -Summary -Benchmark first3 -Target acc -Database $script:viewDatabase

        $lines = Get-DefaultView $summary -Width $Width

        $summary.PSObject.TypeNames[0] | Should -Be 'Canopy.Search.SearchSummary#Target'
        Assert-TableFits $lines $Width 'Seed', 'TropicalScore', 'ParameterCount', 'Evaluations', 'Target', 'Architecture'
        $lines[2] | Should -Match "^\s*3\s+[\d,]+\.\d{3}\s+[\d,]+\s+3\s+$($summary.Target)\.000\s+\|"
    }

    It 'writes a target wider than its column in scientific notation' {
        # A search that looks up a parameter count as its target: 802,426 needs 11 places with three decimals.
        $typed = [Canopy.Search.SearchSummary]@{
            Seed = 1; SearchSpace = 'Mlp'; Strategy = 'RegularizedEvolution'; Objective = 'TropicalScore'; Mode = 'Generic'
            TieBreaker = 'None'; Dataset = 'cifar10'; Architecture = 'mlp:3072:64'; Score = 19.266; TropicalScore = 19.266
            Step = 1; Evaluations = 3; Rejected = 0; Target = 802426; TargetColumn = 'ParameterCount'
        }
        $typed.PSObject.TypeNames.Insert(0, 'Canopy.Search.SearchSummary#Target')

        $lines = Get-DefaultView $typed -Width $Width

        Assert-TableFits $lines $Width 'Seed', 'TropicalScore', 'ParameterCount', 'Evaluations', 'Target', 'Architecture'
        $lines[2] | Should -Match '^\s*1\s+19\.266\s+3\s+8\.024e\+5\s+mlp:3072:64$'
    }
}

Describe 'Tab completion' {
    It 'completes <Parameter> of <Command>' -ForEach @(
        @{ Command = 'Get-TropicalScore'; Parameter = 'Mode' }
        @{ Command = 'Get-CanopyArchitecture'; Parameter = 'SearchSpace' }
        @{ Command = 'Import-CanopyBenchmark'; Parameter = 'SearchSpace' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Strategy' }
        @{ Command = 'Export-CanopyPlot'; Parameter = 'Kind' }
        @{ Command = 'Get-TropicalScore'; Parameter = 'Dataset' }
        @{ Command = 'Get-CanopyArchitecture'; Parameter = 'Dataset' }
        @{ Command = 'New-CanopyArchitecture'; Parameter = 'Dataset' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Dataset' }
    ) {
        $info = Get-Command -Name $Command -ErrorAction SilentlyContinue
        $info | Should -Not -BeNullOrEmpty -Because "$Command must be exported"
        $type = $info.Parameters[$Parameter].ParameterType
        $type = [Nullable]::GetUnderlyingType($type) ?? $type
        # ValidateSet and Canopy's dataset validation both carry ValidValues.
        $validateSet = $info.Parameters[$Parameter].Attributes | Where-Object { $_.PSObject.Properties['ValidValues'] }
        $expected = if ($type.IsEnum) { [enum]::GetNames($type) } else { $validateSet.ValidValues }
        $inputScript = "$Command -$Parameter "

        $completed = (TabExpansion2 -inputScript $inputScript -cursorColumn $inputScript.Length).CompletionMatches.CompletionText

        $expected | Should -Not -BeNullOrEmpty -Because "-$Parameter should be an enum or carry ValidateSet"
        $completed | Sort-Object | Should -Be ($expected | Sort-Object)
    }

    It 'completes -Dataset <Prefix> with <Expected> under <Culture>' -ForEach @(
        @{ Culture = 'tr-TR'; Prefix = 'i'; Expected = @('ImageNet16-120') }
        @{ Culture = 'tr-TR'; Prefix = 'I'; Expected = @('ImageNet16-120') }
        @{ Culture = 'tr-TR'; Prefix = "'CIFAR1"; Expected = @('cifar10', 'cifar100') }
        @{ Culture = 'en-US'; Prefix = 'imagenet'; Expected = @('ImageNet16-120') }
        @{ Culture = 'en-US'; Prefix = 'svhn'; Expected = @() }
    ) {
        # Under tr-TR the upper case of "i" is a dotted capital, so a culture comparison misses ImageNet16-120.
        $inputScript = "Get-TropicalScore -Dataset $Prefix"
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $completed = @((TabExpansion2 -inputScript $inputScript -cursorColumn $inputScript.Length).CompletionMatches.CompletionText)
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }

        $completed | Should -Be $Expected
    }

    It 'rejects a dataset without a network, naming the three it has' {
        { Get-TropicalScore -LayerWidths 3 -Dataset svhn -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,Canopy.Commands.GetTropicalScoreCommand' -ExpectedMessage "*'svhn' is not a supported dataset*cifar10, cifar100 or ImageNet16-120*"
    }
}

Describe 'The README''s ranking figures' {
    BeforeAll {
        # The Bench task rewrites docs/benchmarks.md but not the README, so a figure the README repeats could drift.
        # Its lines wrap anywhere, so runs of white space become one space.
        $script:readme = (Get-Content -Raw (Join-Path $script:root 'README.md')) -replace '\s+', ' '
        $script:benchmarkLines = Get-Content (Join-Path $script:root 'docs/benchmarks.md')

        # Returns the leading number of each cell after the first in the first table row of that name below a heading,
        # or an empty list when the heading or the row is missing, as when the Bench skipped a section.
        function Get-RowFigures([string] $Heading, [string] $Name) {
            $start = [array]::FindIndex($script:benchmarkLines, [Predicate[string]] { param($line) $line.StartsWith($Heading) })
            if ($start -lt 0) { return , @() }

            $row = $script:benchmarkLines[$start..($script:benchmarkLines.Count - 1)] | Where-Object { $_.StartsWith("| $Name |") } | Select-Object -First 1
            if (-not $row) { return , @() }

            , @($row.Trim('|').Split('|') | Select-Object -Skip 1 | ForEach-Object { ($_.Trim() -split ' ')[0] })
        }
    }

    It 'quote the NATS-Bench table' {
        $score = Get-RowFigures '### NATS-Bench topology space' 'TropicalScore[Generic]'
        $parameters = Get-RowFigures '### NATS-Bench topology space' 'ParameterCount'

        $script:readme | Should -BeLike "*$($score[0]), $($score[1]) and $($score[2]) on CIFAR-10*"
        $script:readme | Should -BeLike "*parameter count's $($parameters[0]), $($parameters[1]) and $($parameters[2])*"
    }

    It 'quote the all-live cells, the size space and the search' {
        $score = Get-RowFigures '### Side by side' 'TropicalScore'
        $parameters = Get-RowFigures '### Side by side' 'ParameterCount'
        $jacov = Get-RowFigures '### Side by side' 'jacov'
        $size = Get-RowFigures '### Agreement with the size baselines' 'NATS-Bench size, all channel lists'
        $byScore = Get-RowFigures '## Training-free search' 'Regularized evolution, TropicalScore'
        $byParameters = Get-RowFigures '## Training-free search' 'Regularized evolution, ParameterCount'

        $script:readme | Should -BeLike "*($($score[0]) against $($parameters[0]) on CIFAR-10*"
        $script:readme | Should -BeLike "*jacov $($jacov[0])*"
        $script:readme | Should -BeLike "*ρ $($size[2]) with Flops, $($size[1]) with the parameter count*"
        $script:readme | Should -BeLike "*$($byScore[0]) % over 10 seeds, against $($byParameters[0]) %*"
    }

    It 'quote the NAS-Bench-301 table when the Bench had its file' {
        $score = Get-RowFigures '### NAS-Bench-301' 'TropicalScore[Generic]'
        if ($score.Count -eq 0) {
            Set-ItResult -Skipped -Because 'docs/benchmarks.md has no NAS-Bench-301 table: the Bench ran without CANOPY_NASLIB_DATA'
            return
        }

        $parameters = Get-RowFigures '### NAS-Bench-301' 'ParameterCount'
        $script:readme | Should -BeLike "*($($score[0]) against $($parameters[0]), 500*"
    }
}

BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    # Reads an SVG file as XML; its DOCTYPE names an external DTD, which is skipped rather than fetched.
    function Read-Svg([string] $Path) {
        $settings = [System.Xml.XmlReaderSettings]::new()
        $settings.DtdProcessing = [System.Xml.DtdProcessing]::Ignore
        $settings.XmlResolver = $null
        $reader = [System.Xml.XmlReader]::Create($Path, $settings)
        try {
            $document = [System.Xml.XmlDocument]::new()
            $document.Load($reader)
            $document
        }
        finally {
            $reader.Dispose()
        }
    }

    function Get-SvgText([xml] $Svg) {
        @($Svg.GetElementsByTagName('text') | ForEach-Object InnerText)
    }

    # Five architectures whose y ranks are 2,1,4,3,5: ρ = 1 − 6·4/(5·24) = 0.8 and τ-b = (8 − 2)/10 = 0.6.
    $script:scores = 1..5 | ForEach-Object {
        [pscustomobject]@{ Architecture = "a$_"; TropicalScore = $_; TestAccuracy = (20, 10, 40, 30, 50)[$_ - 1] }
    }

    $script:runs = foreach ($strategy in 'Random', 'Evolution') {
        foreach ($seed in 1..3) {
            foreach ($step in 1..4) {
                [pscustomobject]@{ Seed = $seed; Step = $step; Strategy = $strategy; BestScore = $step + $seed; BestTarget = 80 + $step + $seed }
            }
        }
    }

    $spearman = @{ TropicalScore = 0.81; ParameterCount = 0.75; Flops = 0.7 }
    $script:correlations = foreach ($target in 'cifar10', 'ImageNet16-120') {
        foreach ($proxy in 'TropicalScore', 'ParameterCount', 'Flops') {
            [pscustomobject]@{ Proxy = $proxy; Target = $target; Count = 100; Spearman = $spearman[$proxy] - $(if ($target -eq 'cifar10') { 0 } else { 0.2 }); Kendall = 0.4 }
        }
    }
}

Describe 'Export-CanopyPlot' {
    Context 'Correlation' {
        It 'writes an SVG with ρ and τ-b in the title and one marker per record' {
            $path = Join-Path $TestDrive 'correlation.svg'

            $file = $script:scores | Export-CanopyPlot -Kind Correlation -Path $path

            $file | Should -BeOfType [System.IO.FileInfo]
            $file.FullName | Should -Be $path
            $svg = Read-Svg $path
            $svg.svg.width | Should -Be '800'
            $svg.svg.height | Should -Be '600'
            $svg.GetElementsByTagName('ellipse').Count | Should -Be 5
            $texts = Get-SvgText $svg
            $texts | Should -Contain 'Spearman ρ = 0.800, Kendall τ-b = 0.600, n = 5'
            $texts | Should -Contain 'TestAccuracy against TropicalScore'
            $texts | Should -Contain 'Tropical score (log10 regions)'
            $texts | Should -Contain 'TestAccuracy (%)'
        }

        It 'leaves out the records whose value is a -MissingValue' {
            $path = Join-Path $TestDrive 'sentinel.svg'
            $failed = [pscustomobject]@{ Architecture = 'a6'; TropicalScore = '-1e8'; TestAccuracy = 60 }

            @($script:scores) + $failed | Export-CanopyPlot -Kind Correlation -Path $path -MissingValue -1e8 -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

            (Read-Svg $path).GetElementsByTagName('ellipse').Count | Should -Be 5
            Get-SvgText (Read-Svg $path) | Should -Contain 'Spearman ρ = 0.800, Kendall τ-b = 0.600, n = 5'
            $warnings[0].Message | Should -BeLike "Left out 1 of 6 records: 'TropicalScore' was a missing value in 1 record.*"
        }

        It 'adds no unit that the target name already shows' {
            $path = Join-Path $TestDrive 'percent.svg'
            $records = $script:scores | Select-Object TropicalScore, @{ Name = 'Val Acc (%)'; Expression = { $_.TestAccuracy } }

            $null = $records | Export-CanopyPlot -Kind Correlation -Path $path

            $texts = Get-SvgText (Read-Svg $path)
            $texts | Should -Contain 'Val Acc (%)'
            $texts | Should -Not -Contain 'Val Acc (%) (%)'
        }

        It 'takes -Proxy and -Target as Measure-ProxyCorrelation does' {
            $path = Join-Path $TestDrive 'proxy-target.svg'
            $records = $script:scores | Select-Object *, @{ Name = 'Flops'; Expression = { 10 - $_.TropicalScore } }

            $null = $records | Export-CanopyPlot -Kind Correlation -Path $path -Proxy Flops -Target TestAccuracy

            $texts = Get-SvgText (Read-Svg $path)
            $texts | Should -Contain 'TestAccuracy against Flops'
            $texts | Should -Contain 'Spearman ρ = -0.800, Kendall τ-b = -0.600, n = 5'
        }

        It 'resolves a relative path against the current location and overwrites' {
            Push-Location $TestDrive
            try {
                Set-Content -Path (Join-Path $TestDrive 'relative.svg') -Value 'old'

                $file = $script:scores | Export-CanopyPlot Correlation relative.svg -Title 'Custom title' -Width 640 -Height 480
            }
            finally {
                Pop-Location
            }

            $file.FullName | Should -Be (Join-Path $TestDrive 'relative.svg')
            $svg = Read-Svg $file.FullName
            $svg.svg.width | Should -Be '640'
            Get-SvgText $svg | Should -Contain 'Custom title'
        }

        It 'binds Import-Csv text values and warns once about records it leaves out' {
            $csv = @'
name,score,acc
a,1,20
b,2,
c,x,40
d,4,30
e,5,50
'@ | ConvertFrom-Csv
            $path = Join-Path $TestDrive 'csv.svg'

            $file = $csv | Export-CanopyPlot -Kind Correlation -X score -Path $path -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Be ("Left out 2 of 5 records: 'score' was empty or not a finite number in 1 record; 'acc' was empty or not a finite number in 1 record. " +
                "The first of them: record 2 ('acc' is empty or not a finite number), record 3 ('score' is empty or not a finite number), counting from 1 in input order.")
            (Read-Svg $file.FullName).GetElementsByTagName('ellipse').Count | Should -Be 3
        }

        It 'names numbers written with a decimal comma' {
            $records = @(
                [pscustomobject]@{ score = '1,5'; acc = '20' }
                [pscustomobject]@{ score = '2'; acc = '30' }
                [pscustomobject]@{ score = '3'; acc = '35' }
                [pscustomobject]@{ score = '4'; acc = '' }
                [pscustomobject]@{ score = '5'; acc = '50' }
            )
            $path = Join-Path $TestDrive 'comma.svg'

            $records | Export-CanopyPlot -Kind Correlation -X score -Path $path -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike ("Left out 2 of 5 records: 'score' was a number written with a comma in 1 record; 'acc' was empty or not a finite number in 1 record. " +
                "The first of them: record 1 ('score' is '1,5'), record 4 ('acc' is empty or not a finite number), counting from 1 in input order. " +
                'It looks like a number written with a comma, but Canopy reads numbers with a decimal point*')
        }

        It 'reads hashtables as records' {
            $path = Join-Path $TestDrive 'hashtable.svg'

            $records = 1..4 | ForEach-Object { @{ TropicalScore = $_; accuracy = 10 * $_ } }
            $records | Export-CanopyPlot -Kind Correlation -Path $path | Out-Null

            Get-SvgText (Read-Svg $path) | Should -Contain 'Spearman ρ = 1.000, Kendall τ-b = 1.000, n = 4'
        }

        It 'stops with PlotPropertyMissing when no record has the property' {
            $path = Join-Path $TestDrive 'missing.svg'

            { $script:scores | Export-CanopyPlot -Kind Correlation -X NoSuchProperty -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotPropertyMissing,Canopy.Commands.ExportCanopyPlotCommand'
            $path | Should -Not -Exist
        }

        It 'stops when no accuracy property can serve as the default y' {
            $records = 1..3 | ForEach-Object { [pscustomobject]@{ TropicalScore = $_; Loss = $_ } }

            { $records | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 'noy.svg') -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotPropertyMissing,Canopy.Commands.ExportCanopyPlotCommand'
        }

        It 'passes over a true-or-false property for the default y' {
            $steps = Invoke-CanopySearch NatsTopology -Budget 5 -Seed 0

            $failure = { $steps | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 'steps.svg') -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotPropertyMissing,Canopy.Commands.ExportCanopyPlotCommand' -PassThru
            $failure.Exception.Message | Should -BeLike "*no property whose name contains 'acc'*Accepted*"
        }

        It 'stops with PlotPointsTooFew below three points' {
            $path = Join-Path $TestDrive 'few.svg'

            $record = { $script:scores | Select-Object -First 2 | Export-CanopyPlot -Kind Correlation -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotPointsTooFew,Canopy.Commands.ExportCanopyPlotCommand' -PassThru
            $record.CategoryInfo.Category | Should -Be 'InvalidData'
            $path | Should -Not -Exist
        }

        It 'stops with PlotRangeTooWide when a proxy spans beyond the double limit' {
            $path = Join-Path $TestDrive 'too-wide.svg'
            $records = 1..20 | ForEach-Object { [pscustomobject]@{ acc = $_; p = if ($_ % 2) { 1.7e308 } else { -1.7e308 } } }

            $record = { $records | Export-CanopyPlot -Kind Correlation -Path $path -X p -Y acc -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotRangeTooWide,Canopy.Commands.ExportCanopyPlotCommand' -PassThru
            $record.CategoryInfo.Category | Should -Be 'InvalidData'
            $record.Exception.Message | Should -BeLike 'The p values run from -1.7E+308 to 1.7E+308*'
            $path | Should -Not -Exist
        }

        It 'warns that ρ is undefined for a constant target' {
            $records = 1..3 | ForEach-Object { [pscustomobject]@{ TropicalScore = $_; accuracy = 90 } }

            $null = $records | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 'constant.svg') -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings.Message | Should -BeLike '*undefined*'
        }

        It 'rejects -GroupBy and -Band' {
            { $script:scores | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 'g.svg') -GroupBy Architecture -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotParameterNotApplicable,Canopy.Commands.ExportCanopyPlotCommand'
            { $script:scores | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 'b.svg') -Band MinMax -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotParameterNotApplicable,Canopy.Commands.ExportCanopyPlotCommand'
        }

        It 'plots real NAS-Bench-201 proxies with the published Spearman ρ' {
            $file = "$env:CANOPY_TEST_DATA/nb201-zero-cost-proxies/nb201_zc13_cifar10_reachable9445.csv"
            if (-not (Test-Path $file)) {
                Set-ItResult -Skipped -Because "the benchmark data file $file is absent (set CANOPY_DATA to the data folder)"
                return
            }
            $path = Join-Path $TestDrive 'synflow.svg'

            Import-Csv $file | Export-CanopyPlot -Kind Correlation -X synflow -Y val_acc -Path $path | Out-Null

            $svg = Read-Svg $path
            $svg.GetElementsByTagName('ellipse').Count | Should -Be 9445

            # NAS-Bench-Suite-Zero reports ρ = 0.732 for synflow against CIFAR-10 validation accuracy.
            Get-SvgText $svg | Should -Contain 'Spearman ρ = 0.732, Kendall τ-b = 0.536, n = 9,445'
        }
    }

    Context 'Trajectory' {
        It 'draws one mean line per strategy with the band named in the legend' {
            $path = Join-Path $TestDrive 'trajectory.svg'

            $script:runs | Export-CanopyPlot -Kind Trajectory -Path $path | Out-Null

            $texts = Get-SvgText (Read-Svg $path)
            $texts | Should -Contain 'Random (3 seeds)'
            $texts | Should -Contain 'Evolution (3 seeds)'
            $texts | Should -Contain 'Lines: mean over seeds. Bands: min–max over seeds.'
            $texts | Should -Contain 'Evaluations'
            $texts | Should -Contain 'Target of the best architecture (%)'
            $texts | Should -Contain 'Search progress: BestTarget by Step'
        }

        It 'names the target column on the y axis' {
            $path = Join-Path $TestDrive 'column.svg'

            $script:runs | Select-Object *, @{ Name = 'TargetColumn'; Expression = { 'val_acc' } } | Export-CanopyPlot -Kind Trajectory -Path $path | Out-Null

            Get-SvgText (Read-Svg $path) | Should -Contain 'val_acc of the best architecture (%)'
        }

        It 'falls back to BestScore when the runs have no benchmark target' {
            $path = Join-Path $TestDrive 'scores.svg'

            $script:runs | Select-Object Seed, Step, Strategy, BestScore | Export-CanopyPlot -Kind Trajectory -Path $path -Band StandardDeviation | Out-Null

            $texts = Get-SvgText (Read-Svg $path)
            $texts | Should -Contain 'Best tropical score (log10 regions)'
            $texts | Should -Contain 'Lines: mean over seeds. Bands: ±1 standard deviation.'
        }

        It 'titles the axis by the objective and warns when runs would merge' {
            $path = Join-Path $TestDrive 'objectives.svg'
            $byScore = Invoke-CanopySearch -SearchSpace NatsTopology -Budget 60 -Seed 0
            $byParameters = Invoke-CanopySearch -SearchSpace NatsTopology -Budget 60 -Seed 0 -Objective ParameterCount

            @($byScore) + @($byParameters) | Export-CanopyPlot -Kind Trajectory -Path $path -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
            $byParameters | Export-CanopyPlot -Kind Trajectory -Path $path | Out-Null

            $warnings.Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike "60 records repeat the 'Step' of another record with the same group and 'Seed', so separate runs are drawn as one line. Objective differs between them: give -GroupBy Objective."
            Get-SvgText (Read-Svg $path) | Should -Contain 'Parameters of the best architecture'
        }

        It 'names strategies of search steps read back from JSON' {
            $path = Join-Path $TestDrive 'json.svg'
            $json = Join-Path $TestDrive 'steps.json'
            $steps = foreach ($strategy in 'RegularizedEvolution', 'Random') {
                Invoke-CanopySearch NatsTopology -Strategy $strategy -Budget 20 -PopulationSize 5 -SampleSize 2 -Seed 1, 2
            }
            $steps | ConvertTo-Json | Set-Content -Path $json

            Get-Content $json -Raw | ConvertFrom-Json | Export-CanopyPlot -Kind Trajectory -Path $path -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

            $texts = Get-SvgText (Read-Svg $path)
            $texts | Should -Contain 'RegularizedEvolution (2 seeds)'
            $texts | Should -Contain 'Random (2 seeds)'
            @($warnings).Count | Should -Be 0
        }

        It 'names strategies of a JSON file that holds their numbers' {
            $path = Join-Path $TestDrive 'numbers.svg'
            # ConvertTo-Json writes an enum value as the member's number, as a record built elsewhere may hold it.
            $json = ConvertTo-Json @(
                foreach ($strategy in 0, 1) {
                    foreach ($seed in 1, 2) {
                        foreach ($step in 1..3) {
                            [ordered]@{ Seed = $seed; Step = $step; SearchSpace = 0; Strategy = $strategy; Objective = 0; Mode = 0; TieBreaker = 0
                                Dataset = 'cifar10'; Architecture = "a$step"; Status = 0; Accepted = $true; BestScore = $step + $seed }
                        }
                    }
                })

            $json | ConvertFrom-Json | Export-CanopyPlot -Kind Trajectory -Path $path -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

            $texts = Get-SvgText (Read-Svg $path)
            $texts | Should -Contain 'RegularizedEvolution (2 seeds)'
            $texts | Should -Contain 'Random (2 seeds)'
            $texts | Should -Not -Contain '0 (2 seeds)'
            $texts | Should -Contain 'Best tropical score (log10 regions)'
            @($warnings).Count | Should -Be 0
        }

        It 'names strategies of search steps read back from CSV' {
            $path = Join-Path $TestDrive 'csv.svg'
            $csv = Join-Path $TestDrive 'steps.csv'
            Invoke-CanopySearch NatsTopology -Strategy Random -Budget 20 -Seed 1, 2 | Export-Csv -Path $csv -NoTypeInformation

            Import-Csv $csv | Export-CanopyPlot -Kind Trajectory -Path $path | Out-Null

            Get-SvgText (Read-Svg $path) | Should -Contain 'Random (2 seeds)'
        }

        It 'groups by another property with -GroupBy' {
            $path = Join-Path $TestDrive 'bymethod.svg'

            $script:runs | Select-Object Seed, Step, @{ Name = 'Method'; Expression = { $_.Strategy } }, BestTarget |
                Export-CanopyPlot -Kind Trajectory -GroupBy Method -Path $path | Out-Null

            $texts = Get-SvgText (Read-Svg $path)
            $texts | Should -Contain 'Random (3 seeds)'
            $texts | Should -Contain 'Evolution (3 seeds)'
        }

        It 'explains that search summaries hold no trajectory' {
            $summaries = Invoke-CanopySearch -SearchSpace NatsTopology -Budget 60 -Seed 0, 1 -Summary

            $path = Join-Path $TestDrive 'summary.svg'

            $thrown = { $summaries | Export-CanopyPlot -Kind Trajectory -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotInputInvalid,Canopy.Commands.ExportCanopyPlotCommand' -PassThru
            { $summaries | Export-CanopyPlot -Kind Trajectory -X Step -Y Score -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotInputInvalid,Canopy.Commands.ExportCanopyPlotCommand'

            $thrown.Exception.Message | Should -Be 'The records are search summaries, one per seed, which hold no trajectory. Plot the steps that Invoke-CanopySearch writes without -Summary.'
            $thrown.TargetObject | Should -BeOfType ([Canopy.Search.SearchSummary])
            Test-Path $path | Should -BeFalse
        }

        It 'recognises search summaries read back from CSV' {
            $csv = Join-Path $TestDrive 'summaries.csv'
            Invoke-CanopySearch -SearchSpace NatsTopology -Budget 60 -Seed 0, 1 -Summary | Export-Csv $csv
            $path = Join-Path $TestDrive 'summary-csv.svg'

            $thrown = { Import-Csv $csv | Export-CanopyPlot -Kind Trajectory -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotInputInvalid,Canopy.Commands.ExportCanopyPlotCommand' -PassThru

            $thrown.Exception.Message | Should -BeLike 'The records are search summaries, one per seed*'
            $thrown.TargetObject.Seed | Should -Be '0'
            { Import-Csv $csv | Export-CanopyPlot -Kind Trajectory -X Evaluations -Y Score -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotInputInvalid,Canopy.Commands.ExportCanopyPlotCommand'
            Test-Path $path | Should -BeFalse
        }

        It 'plots records of its own with Seed, Evaluations and BestTarget' {
            $log = foreach ($seed in 0..2) { foreach ($step in 1..20) { [pscustomobject]@{ Seed = $seed; Evaluations = $step; BestTarget = 80 + [math]::Log($step) + $seed } } }
            $path = Join-Path $TestDrive 'own-log.svg'

            $log | Export-CanopyPlot -Kind Trajectory -X Evaluations -Path $path | Out-Null

            Test-Path $path | Should -BeTrue
        }

        It 'explains that no run accepted an architecture' {
            # NATS-Bench's smallest cell has 73,306 parameters, and seed 0 samples none under 74,000 in 20 steps.
            $rejected = Invoke-CanopySearch NatsTopology -Budget 20 -Seed 0 -MaxParameters 74000 -ErrorAction SilentlyContinue
            $path = Join-Path $TestDrive 'rejected.svg'

            $thrown = { $rejected | Export-CanopyPlot -Kind Trajectory -Path $path -WarningVariable warnings -ErrorAction Stop } |
                Should -Throw -ErrorId 'FeasibleArchitectureNotFound,Canopy.Commands.ExportCanopyPlotCommand' -PassThru

            $rejected.Count | Should -Be 20
            $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $thrown.TargetObject | Should -Be 'BestScore'
            $thrown.Exception.Message | Should -Be 'No search run accepted an architecture: all 20 steps of seed 0 were rejected (20 ParameterLimitExceeded), so there is no best-so-far BestScore to plot. Run Invoke-CanopySearch again with a higher -MaxParameters, or a larger -Budget.'
            $warnings | Should -BeNullOrEmpty
            Test-Path $path | Should -BeFalse
        }

        It 'stops with PlotPointsTooFew for a single step' {
            { $script:runs | Where-Object Step -EQ 1 | Export-CanopyPlot -Kind Trajectory -Path (Join-Path $TestDrive 'one.svg') -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotPointsTooFew,Canopy.Commands.ExportCanopyPlotCommand'
        }
    }

    Context 'Modes' {
        It 'draws one bar series per proxy grouped by target' {
            $path = Join-Path $TestDrive 'modes.svg'

            $script:correlations | Export-CanopyPlot -Kind Modes -Path $path | Out-Null

            $texts = Get-SvgText (Read-Svg $path)
            foreach ($expected in 'cifar10', 'ImageNet16-120', 'TropicalScore', 'ParameterCount', 'Flops', 'Spearman ρ', 'Target', '0.81', '0.61') {
                $texts | Should -Contain $expected
            }
        }

        It 'plots Kendall τ-b with -Y' {
            $path = Join-Path $TestDrive 'kendall.svg'

            $script:correlations | Export-CanopyPlot -Kind Modes -Y Kendall -Path $path | Out-Null

            Get-SvgText (Read-Svg $path) | Should -Contain 'Kendall τ-b per Proxy, grouped by Target'
        }

        It 'warns about repeated rows' {
            $rows = @($script:correlations) + @($script:correlations[0])

            $null = $rows | Export-CanopyPlot -Kind Modes -Path (Join-Path $TestDrive 'repeat.svg') -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings.Message | Should -BeLike '1 row repeats an earlier pair*'
        }
    }

    Context 'Output file' {
        It 'refuses a read-only file without -Force' {
            $path = Join-Path $TestDrive 'readonly.svg'
            Set-Content -Path $path -Value 'old'
            (Get-Item $path).IsReadOnly = $true

            $failure = { $script:scores | Export-CanopyPlot -Kind Correlation -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'PlotFileReadOnly,*' -PassThru

            $failure.Exception.Message | Should -Be "The file '$path' is read-only. Add -Force to replace it, or write the plot elsewhere."
            Get-Content $path | Should -Be 'old'
        }

        It 'replaces a read-only file with -Force' {
            $path = Join-Path $TestDrive 'forced.svg'
            Set-Content -Path $path -Value 'old'
            (Get-Item $path).IsReadOnly = $true

            $file = $script:scores | Export-CanopyPlot -Kind Correlation -Path $path -Force

            $file.FullName | Should -Be $path
            (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
        }

        It 'writes nothing with -WhatIf' {
            $path = Join-Path $TestDrive 'whatif.svg'

            $result = $script:scores | Export-CanopyPlot -Kind Correlation -Path $path -WhatIf

            $result | Should -BeNullOrEmpty
            $path | Should -Not -Exist
            Get-ChildItem $TestDrive -Filter '*.tmp' -Force | Should -BeNullOrEmpty
        }

        It 'says with -WhatIf that an existing file would be replaced' {
            $path = Join-Path $TestDrive 'existing.svg'
            Set-Content -Path $path -Value 'old'
            $transcript = Join-Path $TestDrive 'whatif-transcript.txt'

            # What if lines go to the host, which only a transcript records.
            Start-Transcript -Path $transcript | Out-Null
            try {
                $script:scores | Export-CanopyPlot -Kind Correlation -Path $path -WhatIf
            }
            finally {
                Stop-Transcript | Out-Null
            }

            @(Get-Content $transcript) -match '^What if' | Select-Object -First 1 |
                Should -BeLike 'What if: Performing the operation "Replace the existing file with a Correlation plot of * records as SVG"*'
            Get-Content $path | Should -Be 'old'
        }

        It 'counts one record in the singular' {
            $path = Join-Path $TestDrive 'one-row.svg'
            $row = [pscustomobject]@{ Target = 't'; Proxy = 'a'; Spearman = 0.5 }

            $lines = @($row | Export-CanopyPlot -Kind Modes -Path $path -Verbose 4>&1 |
                    Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

            $lines | Should -Contain "Performing the operation ""Write a Modes plot of 1 record as SVG"" on target ""$path""."
        }

        It 'warns that the file <Name> gets SVG' -ForEach @(
            @{ Name = 'r.png'; Reason = "ends in '.png'"; SvgName = 'r.svg' }
            @{ Name = 'plot'; Reason = 'has no extension'; SvgName = 'plot.svg' }
        ) {
            $path = Join-Path $TestDrive $Name

            $file = $script:scores | Export-CanopyPlot -Kind Correlation -Path $path -WarningVariable warnings -WarningAction SilentlyContinue

            @($warnings).Count | Should -Be 1
            $warnings[0].Message | Should -BeLike "The path '*$Name' $Reason, but Export-CanopyPlot writes only SVG*"
            $warnings[0].Message | Should -BeLike "*Name it '*$SvgName'*"
            $file.FullName | Should -Be $path
            (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
        }

        It 'writes a .SVG file without a warning' {
            $path = Join-Path $TestDrive 'upper.SVG'

            $null = $script:scores | Export-CanopyPlot -Kind Correlation -Path $path -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings | Should -BeNullOrEmpty
            $path | Should -Exist
        }

        It 'rejects a folder that does not exist before reading any record' {
            $path = Join-Path $TestDrive 'absent/plot.svg'

            { $script:scores | Export-CanopyPlot -Kind Correlation -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotPathInvalid,Canopy.Commands.ExportCanopyPlotCommand'
        }

        It 'rejects a path on another provider' {
            { $script:scores | Export-CanopyPlot -Kind Correlation -Path 'Env:/plot' -ErrorAction Stop } |
                Should -Throw -ErrorId 'PlotPathInvalid,Canopy.Commands.ExportCanopyPlotCommand'
        }

        It 'rejects sizes too small for the text at binding' {
            { $script:scores | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 's.svg') -Width 10 -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,Canopy.Commands.ExportCanopyPlotCommand'
            { $script:scores | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 's.svg') -Width 639 -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,Canopy.Commands.ExportCanopyPlotCommand'
            { $script:scores | Export-CanopyPlot -Kind Correlation -Path (Join-Path $TestDrive 's.svg') -Height 479 -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,Canopy.Commands.ExportCanopyPlotCommand'
        }

        It 'completes -Kind and -Band values' {
            $kindInput = 'Export-CanopyPlot -Kind '
            $bandInput = 'Export-CanopyPlot -Band S'

            $kinds = (TabExpansion2 -inputScript $kindInput -cursorColumn $kindInput.Length).CompletionMatches.CompletionText
            $bands = (TabExpansion2 -inputScript $bandInput -cursorColumn $bandInput.Length).CompletionMatches.CompletionText

            $kinds | Should -Be @('Correlation', 'Modes', 'Trajectory')
            $bands | Should -Be @('StandardDeviation')
        }

        It 'completes <Line> with the properties of that kind of plot' -ForEach @(
            @{ Line = 'Export-CanopyPlot -Kind Trajectory -Y Best'; Expected = @('BestTarget', 'BestScore') }
            @{ Line = 'Export-CanopyPlot -Kind Trajectory -GroupBy '; Expected = @('Strategy', 'Objective', 'Mode', 'SearchSpace', 'TieBreaker', 'Dataset', 'DartsNetwork') }
            @{ Line = 'Export-CanopyPlot -Kind Modes -Y '; Expected = @('Spearman', 'Kendall', 'Pearson', 'TopOverlap') }
            @{ Line = 'Export-CanopyPlot -Kind Correlation -X '; Expected = @('TropicalScore', 'ParameterCount', 'Flops') }
        ) {
            $saved = $env:CANOPY_DATABASE
            try {
                $env:CANOPY_DATABASE = Join-Path $TestDrive 'no-cache.db'

                $completions = (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText

                $completions | Should -Be $Expected
            }
            finally {
                $env:CANOPY_DATABASE = $saved
            }
        }
    }
}

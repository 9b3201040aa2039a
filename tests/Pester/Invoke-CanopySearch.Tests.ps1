BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force
    $script:NatsFile = "$env:CANOPY_TEST_DATA/nats-tss/nats_bench.csv"

    # A benchmark of the first 10 cells that random search with seed 3 evaluates, each with a made-up accuracy,
    # except the second one, which is the best of the first 20.
    $script:Database = Join-Path $TestDrive 'search.db'
    $script:Listed = @{}
    $script:Cells = @(Get-CanopyArchitecture NatsTopology -Seed 3 -Count 10 | Select-Object -Index 0, 2, 3, 4, 5, 6, 7, 8, 9)
    for ($i = 0; $i -lt $Cells.Count; $i++) { $script:Listed[$Cells[$i].Architecture] = 50.0 + $i }
    $csv = Join-Path $TestDrive 'first10.csv'
    @('arch,acc') + @($Cells | ForEach-Object { "$($_.Architecture),$($script:Listed[$_.Architecture])" }) | Set-Content -Path $csv
    Import-CanopyBenchmark -Path $csv -Name first10 -Database $script:Database | Out-Null

    # The same cells with a column of text, which a search cannot report as an accuracy.
    $notes = Join-Path $TestDrive 'notes.csv'
    @('arch,acc,note') + @($Cells | ForEach-Object { "$($_.Architecture),90,checked" }) | Set-Content -Path $notes
    Import-CanopyBenchmark -Path $notes -Name notes -Database $script:Database | Out-Null
}

Describe 'Invoke-CanopySearch' {
    It 'writes one trajectory record per evaluation in seed order' {
        $records = @(Invoke-CanopySearch NatsTopology -Budget 30 -PopulationSize 10 -SampleSize 3 -Seed 2, 1)

        $records.Count | Should -Be 60
        $records[0] | Should -BeOfType ([Canopy.Search.SearchStep])
        $records.Seed | Select-Object -Unique | Should -Be @(2, 1)
        $records[0..29].Step | Should -Be (1..30)
        $records[30..59].Step | Should -Be (1..30)
        $records.Strategy | Select-Object -Unique | Should -Be 'RegularizedEvolution'
    }

    It 'keeps the best-so-far score of the accepted candidates' {
        $records = @(Invoke-CanopySearch NatsTopology -Budget 80 -PopulationSize 10 -SampleSize 3 -Seed 4)
        $best = [double]::NegativeInfinity

        foreach ($record in $records) {
            $best = [Math]::Max($best, $record.TropicalScore)
            $record.BestScore | Should -BeGreaterOrEqual ($best - 1e-9 * $best)
            $record.BestScore | Should -BeLessOrEqual $best
        }
        ($records | Where-Object Improved).Count | Should -BeGreaterThan 1
        $records[0].Improved | Should -BeTrue
        $records[0].BestArchitecture | Should -Be $records[0].Architecture
    }

    It 'repeats a seed exactly' {
        $first = Invoke-CanopySearch Darts -Budget 40 -PopulationSize 10 -SampleSize 3 -Seed 9
        $second = Invoke-CanopySearch Darts -Budget 40 -PopulationSize 10 -SampleSize 3 -Seed 9
        $other = Invoke-CanopySearch Darts -Budget 40 -PopulationSize 10 -SampleSize 3 -Seed 10

        $second.Architecture | Should -Be $first.Architecture
        $second.BestScore | Should -Be $first.BestScore
        $other.Architecture | Should -Not -Be $first.Architecture
    }

    It 'writes one summary per seed with -Summary' {
        $steps = @(Invoke-CanopySearch NatsSize -Strategy Random -Budget 50 -Seed 5, 6)
        $summaries = @(Invoke-CanopySearch NatsSize -Strategy Random -Budget 50 -Seed 5, 6 -Summary)

        $summaries.Count | Should -Be 2
        $summaries[0] | Should -BeOfType ([Canopy.Search.SearchSummary])
        $summaries.Seed | Should -Be @(5, 6)
        $summaries[0].Architecture | Should -Be $steps[49].BestArchitecture
        $summaries[1].Architecture | Should -Be $steps[99].BestArchitecture
        $summaries[0].Evaluations | Should -Be 50
        $summaries[0].TropicalScore | Should -Be $steps[49].BestScore
        $summaries[0].Step | Should -Be ($steps[0..49] | Where-Object Improved | Select-Object -Last 1).Step
        $summaries[0].Target | Should -BeNullOrEmpty
    }

    It 'searches MLPs within -DepthRange and -WidthRange' {
        $records = @(Invoke-CanopySearch Mlp -Budget 60 -PopulationSize 10 -SampleSize 3 -InputDimension 32 -DepthRange 2, 3 -WidthRange 4, 12)

        $records.Count | Should -Be 60
        foreach ($record in $records) {
            $record.Architecture | Should -Match '^mlp:32:\d+-\d+(-\d+)?$'
            $widths = ($record.Architecture -split ':')[2] -split '-' | ForEach-Object { [int]$_ }
            $widths | Where-Object { $_ -lt 4 -or $_ -gt 12 } | Should -BeNullOrEmpty
        }
    }

    It 'never accepts a candidate over -MaxParameters' {
        $limit = 400000
        $records = @(Invoke-CanopySearch NatsTopology -Budget 200 -Seed 1 -MaxParameters $limit)
        $summary = Invoke-CanopySearch NatsTopology -Budget 200 -Seed 1 -MaxParameters $limit -Summary

        $over = @($records | Where-Object ParameterCount -GT $limit)
        $over.Count | Should -BeGreaterThan 0
        $over.Accepted | Should -Not -Contain $true
        $over.Status | Select-Object -Unique | Should -Be 'ParameterLimitExceeded'
        $records | Where-Object { $_.Accepted -and $_.ParameterCount -gt $limit } | Should -BeNullOrEmpty
        $summary.ParameterCount | Should -BeLessOrEqual $limit
        $summary.Rejected | Should -Be $over.Count
        $over.Rejection | Select-Object -Unique | Should -Be 'params'
        @($records | Where-Object Rejection).Count | Should -Be $over.Count
        "$($records[0])" | Should -Be "Seed 1, step 1: $($records[0].Architecture)"
        "$summary" | Should -Be "Seed 1: $($summary.Architecture)"
    }

    It 'rejects a limit that no architecture meets before searching' {
        # The smallest NAS-Bench-201 network, every edge none, has 73,306 parameters on CIFAR-10.
        { Invoke-CanopySearch NatsTopology -MaxParameters 1000 -ErrorAction Stop } | Should -Throw -ErrorId 'ConstraintInfeasible,*'
        { Invoke-CanopySearch NatsTopology -MaxParameters 1000 -ErrorAction Stop } | Should -Throw '*73,306 parameters*'
    }

    It 'names each limit that no architecture meets' {
        $parameters = { Invoke-CanopySearch NatsTopology -MaxParameters 1000 -ErrorAction Stop } | Should -Throw -PassThru
        $flops = { Invoke-CanopySearch NatsTopology -MaxFlops 1000 -ErrorAction Stop } | Should -Throw -PassThru
        $both = { Invoke-CanopySearch NatsTopology -MaxParameters 10000000 -MaxFlops 1000 -ErrorAction Stop } | Should -Throw -PassThru
        $same = { Invoke-CanopySearch NatsTopology -MaxParameters 1000 -MaxFlops 1000 -ErrorAction Stop } | Should -Throw -PassThru

        $parameters.Exception.Message | Should -BeLike '*parameter limit of 1,000*. Raise -MaxParameters to at least that count.'
        $flops.Exception.Message | Should -BeLike '*FLOP limit of 1,000*. Raise -MaxFlops to at least that count.'
        $both.Exception.Message | Should -BeLike '*FLOP limit of 1,000*. Raise -MaxFlops to at least that count.'
        $same.Exception.Message | Should -BeLike '*parameter limit of 1,000 or the FLOP limit of 1,000: *, has 73,306 parameters and 7,783,050 FLOPs on cifar10. Raise -MaxParameters and -MaxFlops to at least those counts.'
    }

    It 'suggests a smaller network when its count exceeds Int64' {
        $failure = { Invoke-CanopySearch Mlp -InputDimension 1099511627776 -WidthRange 2147483646, 2147483646 -DepthRange 3, 3 -MaxFlops ([long]::MaxValue) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConstraintInfeasible,*' -PassThru

        $failure.Exception.Message | Should -BeLike '*has more than 9,223,372,036,854,775,807 FLOPs. No limit admits a count above Int64. Choose a smaller -InputDimension, -WidthRange or -DepthRange.'
    }

    It 'shortens the smallest architecture of a deep MLP space in the message' {
        $failure = { Invoke-CanopySearch Mlp -DepthRange 1000, 1000 -WidthRange 1000000, 1000000 -MaxParameters 10 -ErrorAction Stop } | Should -Throw -PassThru

        # The canonical string lists 1,000 widths of 7 digits, and the message keeps its first 100 characters.
        $failure.Exception.Message | Should -BeLike '*the smallest one, mlp:3072:1000000-1000000-*..., has *'
        $failure.Exception.Message.Length | Should -BeLessThan 300
    }

    It 'names the DARTS network whose counts break the limit' {
        $failure = { Invoke-CanopySearch Darts -DartsNetwork Evaluation -MaxParameters 10 -ErrorAction Stop } | Should -Throw -PassThru

        $failure.Exception.Message | Should -BeLike '*has * parameters on cifar10 in the Evaluation network. Raise -MaxParameters*'
    }

    It 'describes the smallest DARTS genotype instead of quoting it' {
        $pairs = (0..7 | ForEach-Object { "('max_pool_3x3', $($_ % 2))" }) -join ', '
        $allMaxPool = "Genotype(normal=[$pairs], normal_concat=[2, 3, 4, 5], reduce=[$pairs], reduce_concat=[2, 3, 4, 5])"
        $parameters = (New-CanopyArchitecture -ArchitectureString $allMaxPool).ParameterCount

        $failure = { Invoke-CanopySearch Darts -MaxParameters 10 -ErrorAction Stop } | Should -Throw -ErrorId 'ConstraintInfeasible,*' -PassThru

        $failure.Exception.Message | Should -BeLike "*the smallest one, the genotype with max_pool_3x3 on every edge of both cells, has $($parameters.ToString('N0')) parameters on cifar10 in the NasBench301 network.*"
    }

    It 'names no dataset when no MLP meets the limit' {
        # The smallest MLP of the default space, 3072 inputs and one hidden layer of 16, has 3072 * 16 weights and 16 biases.
        $failure = { Invoke-CanopySearch Mlp -MaxParameters 1000 -ErrorAction Stop } | Should -Throw -ErrorId 'ConstraintInfeasible,*' -PassThru

        $failure.Exception.Message | Should -BeLike '*the smallest one, mlp:3072:16, has 49,168 parameters. Raise -MaxParameters*'
    }

    It 'reports each new best with -Verbose' {
        $output = @(Invoke-CanopySearch NatsTopology -Budget 60 -PopulationSize 10 -SampleSize 3 -Seed 7 -Verbose 4>&1)
        $records = @($output | Where-Object { $_ -is [Canopy.Search.SearchStep] })
        $messages = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $messages[0] | Should -BeLike 'Searching NatsTopology on cifar10 by regularized evolution (population 10, tournament sample 3): 1 seed of 60 evaluations*'
        $improved = @($records | Where-Object Improved)
        $newBest = @($messages | Where-Object { $_ -like 'Seed 7, step *: new best *' })
        $newBest.Count | Should -Be $improved.Count
        $newBest[-1] | Should -Be "Seed 7, step $($improved[-1].Step): new best $($improved[-1].Architecture) with TropicalScore $($improved[-1].BestScore.ToString('N3', [cultureinfo]::CurrentCulture))."
        $messages[-1] | Should -BeLike "Seed 7 finished after 60 evaluations (0 rejected): best $($improved[-1].Architecture)*"
    }

    It 'reports the new bests of every seed with -Summary -Verbose, each before its seed ends' {
        $improved = @(Invoke-CanopySearch Mlp -Budget 40 -PopulationSize 5 -SampleSize 2 -Seed 1, 2 | Where-Object Improved)
        $messages = @(Invoke-CanopySearch Mlp -Budget 40 -PopulationSize 5 -SampleSize 2 -Seed 1, 2 -Summary -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        foreach ($seed in 1, 2) {
            $steps = @($improved | Where-Object Seed -EQ $seed | ForEach-Object { "Seed $seed, step $($_.Step): new best *" })
            $lines = @($messages | Where-Object { $_ -like "Seed $seed, step *: new best *" })
            $finished = [array]::FindIndex([string[]] $messages, [Predicate[string]] { param($m) $m -like "Seed $seed finished after *" })

            $lines.Count | Should -Be $steps.Count
            for ($i = 0; $i -lt $steps.Count; $i++) { $lines[$i] | Should -BeLike $steps[$i] }
            [array]::LastIndexOf([string[]] $messages, $lines[-1]) | Should -BeLessThan $finished
        }
    }

    It 'names the DARTS network that a limit applies to' {
        $default = @(Invoke-CanopySearch Darts -Budget 5 -PopulationSize 5 -SampleSize 2 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $evaluation = @(Invoke-CanopySearch Darts -DartsNetwork Evaluation -Budget 5 -PopulationSize 5 -SampleSize 2 -MaxParameters 3400000 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

        $default[0].Message | Should -BeLike 'Searching Darts on cifar10 (NAS-Bench-301: 8 cells, C = 32) by regularized evolution*'
        $evaluation[0].Message | Should -BeLike 'Searching Darts on cifar10 (DARTS evaluation: 20 cells, C = 36) by *. Candidates with more than 3,400,000 parameters are rejected.'
    }

    It 'names no dataset for an MLP search and counts seeds in words' {
        $messages = @(Invoke-CanopySearch Mlp -Budget 6 -PopulationSize 3 -SampleSize 2 -Seed 1, 2 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $messages[0] | Should -BeLike 'Searching Mlp by regularized evolution (population 3, tournament sample 2): 2 seeds of 6 evaluations*'
        $steps = @(Invoke-CanopySearch Mlp -Budget 6 -PopulationSize 3 -SampleSize 2 -Seed 1 -Dataset cifar100 -WarningVariable warnings -WarningAction SilentlyContinue)
        $summary = Invoke-CanopySearch Mlp -Budget 6 -PopulationSize 3 -SampleSize 2 -Seed 1 -Summary -WarningVariable noWarnings
        $steps.Dataset | Where-Object { $_ } | Should -BeNullOrEmpty
        $summary.Dataset | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '-Dataset cifar100 sets the benchmark network of cell-based architectures, so it does not change an Mlp search, whose networks take -InputDimension.'
        $noWarnings | Should -BeNullOrEmpty
    }

    It 'carries the search settings on every record' {
        $steps = @(Invoke-CanopySearch Darts -Budget 12 -PopulationSize 4 -SampleSize 2 -Seed 1 -Mode TropicalBound -Dataset cifar100 -TieBreaker ParameterCount)
        $summary = Invoke-CanopySearch Darts -Budget 12 -PopulationSize 4 -SampleSize 2 -Seed 1 -Mode TropicalBound -Dataset cifar100 -TieBreaker ParameterCount -Summary

        foreach ($record in @($steps[0], $steps[-1], $summary)) {
            $record.SearchSpace | Should -Be 'Darts'
            $record.Mode | Should -Be 'TropicalBound'
            $record.Dataset | Should -Be 'cifar100'
            $record.TieBreaker | Should -Be 'ParameterCount'
            $record.TargetColumn | Should -BeNullOrEmpty
        }
    }

    It 'writes setting names to JSON and CSV' {
        $steps = @(Invoke-CanopySearch Darts -Budget 12 -PopulationSize 4 -SampleSize 2 -Seed 1 -Strategy Random -Objective Flops -Mode TropicalBound -TieBreaker ParameterCount -DartsNetwork Evaluation -MaxFlops 400000000)
        $summary = Invoke-CanopySearch Darts -Budget 12 -PopulationSize 4 -SampleSize 2 -Seed 1 -Strategy Random -Objective Flops -Mode TropicalBound -TieBreaker ParameterCount -DartsNetwork Evaluation -MaxFlops 400000000 -Summary
        $csv = Join-Path $TestDrive 'names.csv'
        $steps | Export-Csv -Path $csv -NoTypeInformation

        $stepJson = $steps | ConvertTo-Json | ConvertFrom-Json
        $summaryJson = $summary | ConvertTo-Json | ConvertFrom-Json
        $fromCsv = Import-Csv $csv

        foreach ($record in @($stepJson[0], $summaryJson, $fromCsv[0])) {
            $record.SearchSpace | Should -BeExactly 'Darts'
            $record.Strategy | Should -BeExactly 'Random'
            $record.Objective | Should -BeExactly 'Flops'
            $record.Mode | Should -BeExactly 'TropicalBound'
            $record.TieBreaker | Should -BeExactly 'ParameterCount'
            $record.DartsNetwork | Should -BeExactly 'Evaluation'
        }
        $stepJson.Status | Should -BeOfType [string]
        @($stepJson.Status | Sort-Object -Unique) | Should -BeExactly @($steps.Status | Sort-Object -Unique)
        @($steps.Status | Sort-Object -Unique) | Should -Contain 'FlopLimitExceeded'
        $fromCsv.Status | Should -BeExactly $steps.Status
    }

    It 'writes a null DartsNetwork outside DARTS' {
        $json = Invoke-CanopySearch NatsTopology -Budget 3 -PopulationSize 2 -SampleSize 1 -Seed 1 -Summary | ConvertTo-Json -Compress

        $json | Should -BeLike '*"SearchSpace":"NatsTopology"*'
        $json | Should -BeLike '*"DartsNetwork":null*'
    }

    It 'builds a typed step from a hashtable' {
        $step = [Canopy.Search.SearchStep]@{
            Seed = 1; Step = 2; SearchSpace = 'NatsTopology'; Strategy = 'Random'; Objective = 'TropicalScore'; Mode = 'Generic'
            TieBreaker = 'None'; Dataset = 'cifar10'; Architecture = '|none~0|+|none~0|none~1|+|none~0|none~1|none~2|'
            Status = 'FlopLimitExceeded'; Improved = $false; BestTarget = 93.1
        }

        $step.BestTarget | Should -Be 93.1
        $step.Accepted | Should -BeFalse
        $step.Rejection | Should -BeExactly 'flops'
    }

    It 'separates the trajectories of two modes with -GroupBy Mode' {
        $path = Join-Path $TestDrive 'modes.svg'
        $records = foreach ($mode in 'Generic', 'TropicalBound') { Invoke-CanopySearch NatsTopology -Budget 20 -PopulationSize 5 -SampleSize 2 -Seed 1, 2 -Mode $mode }

        $records | Export-CanopyPlot -Kind Trajectory -GroupBy Mode -Path $path -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        @($warnings).Count | Should -Be 0
        $svg = Get-Content -Raw $path
        $svg | Should -BeLike '*Generic (2 seeds)*'
        $svg | Should -BeLike '*TropicalBound (2 seeds)*'
    }

    It 'completes -Target from the columns of the benchmark' {
        $line = "Invoke-CanopySearch NatsTopology -Database '$Database' -Benchmark first10 -Target "
        $columns = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $line = "Invoke-CanopySearch NatsTopology -Database '$Database' -Benchmark nothing -Target "
        $none = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $columns.CompletionText | Should -Be @('acc')
        $none.Count | Should -Be 0
    }

    It 'fills BestTarget from the benchmark and warns about absent architectures' {
        $records = @(Invoke-CanopySearch NatsTopology -Strategy Random -Budget 20 -Seed 3 -Benchmark first10 -Target acc -Database $Database -WarningVariable warnings -WarningAction SilentlyContinue)

        foreach ($record in $records) {
            $expected = $script:Listed[$record.BestArchitecture]
            $record.BestTarget | Should -Be $expected -Because "step $($record.Step) has best $($record.BestArchitecture)"
        }
        $records[0].BestTarget | Should -Be 50.0
        $absent = @($records.BestArchitecture | Select-Object -Unique | Where-Object { -not $script:Listed.ContainsKey($_) })
        $absent.Count | Should -BeGreaterThan 0 -Because 'the second cell evaluated is absent from the benchmark and beats the first'
        $warnings.Count | Should -Be 1
        $best = @($records.BestArchitecture | Select-Object -Unique).Count
        $verb, $pronoun = if ($absent.Count -eq 1) { 'is', 'its' } else { 'are', 'their' }
        $warnings[0].Message | Should -Be "Of $best best-so-far architectures, $($absent.Count) $verb not in benchmark 'first10', so $pronoun BestTarget is empty (seed 3)."
        $records[-1].BestTarget | Should -BeNullOrEmpty
    }

    It 'warns when an architecture has rows with different targets' {
        $csv = Join-Path $TestDrive 'twice.csv'
        @('arch,acc,task') + @($Cells | ForEach-Object { "$($_.Architecture),$($script:Listed[$_.Architecture]),a" }) +
            @($Cells | ForEach-Object { "$($_.Architecture),1,b" }) | Set-Content -Path $csv
        Import-CanopyBenchmark -Path $csv -Name twice -Database $Database | Out-Null

        $summary = Invoke-CanopySearch NatsTopology -Strategy Random -Budget 1 -Seed 3 -Benchmark twice -Target acc -Database $Database -Summary -WarningVariable warnings -WarningAction SilentlyContinue

        $summary.Target | Should -Be 50.0
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "Of 1 best-so-far architecture, 1 has several rows in benchmark 'twice' with different values in the column 'acc'*and Target is the value of the first row in file order*"
    }

    It 'warns once when the benchmark is of another dataset' {
        $csv = Join-Path $TestDrive 'imagenet.csv'
        @('arch,acc,dataset') + @($Cells | ForEach-Object { "$($_.Architecture),$($script:Listed[$_.Architecture]),ImageNet16-120" }) | Set-Content -Path $csv
        Import-CanopyBenchmark -Path $csv -Name imagenet -Database $Database | Out-Null

        $summary = Invoke-CanopySearch NatsTopology -Strategy Random -Budget 1 -Seed 3 -Benchmark imagenet -Target acc -Database $Database -Summary -WarningVariable warnings -WarningAction SilentlyContinue
        $matching = Invoke-CanopySearch NatsTopology -Strategy Random -Budget 1 -Seed 3 -Benchmark imagenet -Target acc -Dataset ImageNet16-120 -Database $Database -Summary -WarningVariable matchingWarnings

        $summary.Target | Should -Be 50.0
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeExactly ("Benchmark 'imagenet' has rows of dataset 'ImageNet16-120' in its column 'dataset', but the search scores the cifar10 network (-Dataset cifar10), " +
            "so Target may be the 'acc' of another dataset than the one scored. Give -Dataset ImageNet16-120 to search on that dataset's network.")
        $matching.Target | Should -Be 50.0
        $matchingWarnings | Should -BeNullOrEmpty
    }

    It 'takes NATS-Bench''s cifar10-valid for the cifar10 network' {
        $csv = Join-Path $TestDrive 'valid.csv'
        @('arch,acc,dataset') + @($Cells | ForEach-Object { "$($_.Architecture),$($script:Listed[$_.Architecture]),cifar10-valid" }) | Set-Content -Path $csv
        Import-CanopyBenchmark -Path $csv -Name valid -Database $Database | Out-Null

        $summary = Invoke-CanopySearch NatsTopology -Strategy Random -Budget 1 -Seed 3 -Benchmark valid -Target acc -Database $Database -Summary -WarningVariable warnings

        $summary.Target | Should -Be 50.0
        $warnings | Should -BeNullOrEmpty
    }

    It 'gives the Target of each seed with -Summary' {
        $summary = Invoke-CanopySearch NatsTopology -Strategy Random -Budget 1 -Seed 3 -Benchmark first10 -Target ACC -Database $Database -Summary

        $summary.Target | Should -Be 50.0
        $summary.TargetColumn | Should -Be 'acc'
        $summary.Architecture | Should -Be $Cells[0].Architecture
    }

    It 'rejects an unknown benchmark before searching' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        { Invoke-CanopySearch Darts -Budget 100000 -Benchmark nothing -Target acc -Database $Database -ErrorAction Stop } | Should -Throw -ErrorId 'BenchmarkNotFound,*'

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
    }

    It 'says when the cache file does not exist' {
        $missing = Join-Path $TestDrive 'missing.db'

        $failure = { Invoke-CanopySearch NatsTopology -Benchmark first10 -Target acc -Database $missing -ErrorAction Stop } |
            Should -Throw -ErrorId 'BenchmarkNotFound,*' -PassThru

        $failure.Exception.Message | Should -BeLike "The cache file $missing does not exist, so it holds no benchmark named 'first10'.*"
        Test-Path $missing | Should -BeFalse
    }

    It 'rejects a database folder' {
        $folder = Join-Path $TestDrive 'not-a-file'
        New-Item -ItemType Directory -Path $folder | Out-Null

        $failure = { Invoke-CanopySearch NatsTopology -Budget 10 -Benchmark first10 -Target ACC -Database $folder -ErrorAction Stop } | Should -Throw -ErrorId 'CacheUnavailable,*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure.Exception.Message | Should -BeLike "*$folder*folder*"
    }

    It 'rejects an unknown target column before searching' {
        $failure = { Invoke-CanopySearch NatsTopology -Budget 100000 -Benchmark first10 -Target loss -Database $Database -ErrorAction Stop } | Should -Throw -ErrorId 'TargetColumnNotFound,*' -PassThru

        $failure.Exception.Message | Should -BeLike "*no column 'loss'*'acc'*"
        $failure.TargetObject | Should -Be 'loss'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'rejects a target column that holds no number' {
        $failure = { Invoke-CanopySearch NatsTopology -Budget 10 -Benchmark notes -Target note -Database $Database -ErrorAction Stop } |
            Should -Throw -ErrorId 'TargetColumnNotNumeric,*' -PassThru

        $failure.Exception.Message | Should -Be "The column 'note' of benchmark 'notes' contains no number in any row, so the search would report no accuracy. Choose a numeric column with -Target: 'acc'. The first value of 'note' that is not a number is 'checked'."
        $failure.TargetObject | Should -Be 'note'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'quotes a decimal comma in a target column without numbers' {
        $csv = Join-Path $TestDrive 'allcommas.csv'
        @('arch;acc') + @($Cells | ForEach-Object { "$($_.Architecture);`"93,5`"" }) | Set-Content -Path $csv
        Import-CanopyBenchmark -Path $csv -Name allcommas -Database $Database -WarningAction SilentlyContinue | Out-Null
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $failure = { Invoke-CanopySearch NatsTopology -Budget 10 -Benchmark allcommas -Target acc -Database $Database -ErrorAction Stop } |
                Should -Throw -ErrorId 'TargetColumnNotNumeric,*' -PassThru
        }
        finally {
            [cultureinfo]::CurrentCulture = $culture
        }

        $failure.Exception.Message | Should -BeLike "*contains no number in any row*The first value of 'acc' that is not a number is '93,5'. It looks like a number written with a comma, but Canopy reads numbers with a decimal point and without thousands separators. Export-Csv writes decimal commas under the current culture, de-DE. Export with ``[cultureinfo``]::CurrentCulture = 'en-US' set first, or write the numbers as 93.5 and 1000, not 93,5 and 1,000."
    }

    It 'quotes a decimal comma when some targets have no number' {
        $csv = Join-Path $TestDrive 'somecommas.csv'
        @('arch;acc') + @($Cells | ForEach-Object { $value = if ($_ -eq $Cells[0]) { '"50,5"' } else { '51' }; "$($_.Architecture);$value" }) | Set-Content -Path $csv
        Import-CanopyBenchmark -Path $csv -Name somecommas -Database $Database -WarningAction SilentlyContinue | Out-Null

        $summary = Invoke-CanopySearch NatsTopology -Strategy Random -Budget 1 -Seed 3 -Benchmark somecommas -Target acc -Database $Database -Summary -WarningVariable warnings -WarningAction SilentlyContinue

        $summary.Target | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "Of 1 best-so-far architecture, 1 has no number in the column 'acc', so its Target is empty (seed 3). The first value of 'acc' that is not a number is '50,5'. It looks like a number written with a comma*"
    }

    It 'completes only numeric columns for -Target' {
        $line = "Invoke-CanopySearch NatsTopology -Database '$Database' -Benchmark notes -Target "

        $columns = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        $columns | Should -Be @('acc')
    }

    It 'rejects a benchmark of another search space' {
        { Invoke-CanopySearch Darts -Benchmark first10 -Target acc -Database $Database -ErrorAction Stop } | Should -Throw -ErrorId 'BenchmarkSearchSpaceMismatch,*'
    }

    It 'rejects a region mode that cells do not support' {
        $failure = { Invoke-CanopySearch NatsTopology -Mode SerraBound -ErrorAction Stop } | Should -Throw -ErrorId 'ModeNotSupported,*' -PassThru

        $failure.Exception.Message | Should -Be '-Mode SerraBound cannot score -SearchSpace NatsTopology. The SerraBound mode is defined for fully connected networks only; cell-based networks support Generic, TropicalBound, BottleneckBound and GlobalBound.'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be 'SerraBound'
    }

    It 'rejects a tournament larger than the population' {
        $failure = { Invoke-CanopySearch NatsTopology -PopulationSize 5 -SampleSize 6 -ErrorAction Stop } | Should -Throw -ErrorId 'SearchOptionsInvalid,*' -PassThru

        $failure.TargetObject | Should -Be 6
        $failure.Exception.Message | Should -BeLike '*sample size 6 exceeds the population size 5*'
        $failure.Exception.Message | Should -Not -BeLike "*(Parameter '*"
    }

    It 'warns when the limits keep the population from filling' {
        # 73,306 parameters admit only the smallest NATS-Bench cells, so few of 100 candidates are accepted.
        $steps = @(Invoke-CanopySearch NatsTopology -Budget 100 -PopulationSize 10 -Seed 0 -MaxParameters 73306 -WarningVariable warnings -WarningAction SilentlyContinue)
        $accepted = @($steps | Where-Object Accepted).Count

        $accepted | Should -BeLessThan 10
        $warnings.Message | Should -Contain "Seed 0 accepted $accepted of 100 candidates, fewer than -PopulationSize 10, so the population never filled and every candidate was drawn at random, as -Strategy Random draws them. Raise the limits or -Budget, or lower -PopulationSize."
    }

    It 'warns about the population only while unseen NATS-Bench cells remain' {
        # 729 of the 15,625 cells have the smallest parameter count, 73,306, so a population of 1,000 never fills. Past
        # 15,625 evaluations every cell has been drawn, and evolution goes on by mutation.
        $null = Invoke-CanopySearch NatsTopology -Budget 15000 -PopulationSize 1000 -Seed 0 -MaxParameters 73306 -Summary -WarningVariable drawn -WarningAction SilentlyContinue
        $null = Invoke-CanopySearch NatsTopology -Budget 15700 -PopulationSize 1000 -Seed 0 -MaxParameters 73306 -Summary -WarningVariable mutated -WarningAction SilentlyContinue

        $drawn.Message | Should -BeLike 'Seed 0 accepted * of 15,000 candidates, fewer than -PopulationSize 1000,*'
        $mutated.Message | Where-Object { $_ -like '*population never filled*' } | Should -BeNullOrEmpty
    }

    It 'does not warn about the population when it fills or the budget is at most its size' {
        $null = Invoke-CanopySearch NatsTopology -Budget 30 -PopulationSize 10 -Seed 0 -WarningVariable warnings
        $null = Invoke-CanopySearch NatsTopology -Budget 30 -Seed 0 -WarningVariable +warnings
        $null = Invoke-CanopySearch NatsTopology -Budget 10 -PopulationSize 10 -Seed 0 -MaxParameters 73306 -WarningVariable +warnings -ErrorAction SilentlyContinue

        $warnings | Should -BeNullOrEmpty
    }

    It 'rejects an MLP space of one network in plain words' {
        $failure = { Invoke-CanopySearch Mlp -DepthRange 1, 1 -WidthRange 16, 16 -ErrorAction Stop } | Should -Throw -ErrorId 'SearchOptionsInvalid,*' -PassThru

        $failure.Exception.Message | Should -BeLike '*(1 hidden layer of 16 units)*'
        $failure.Exception.Message | Should -Not -BeLike "*(Parameter '*"
        $failure.TargetObject.DepthRange | Should -Be @(1, 1)
        $failure.TargetObject.WidthRange | Should -Be @(16, 16)
    }

    It 'names the dataset as -Dataset spells it' {
        { Invoke-CanopySearch NatsTopology -MaxParameters 1000 -Dataset ImageNet16-120 -ErrorAction Stop } | Should -Throw '*parameters on ImageNet16-120.*'
    }

    It 'runs a repeated seed once and warns' {
        $summaries = Invoke-CanopySearch NatsTopology -Budget 5 -Seed 4, 4, 5 -Summary -WarningVariable warnings -WarningAction SilentlyContinue

        $summaries.Seed | Should -Be @(4, 5)
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '-Seed repeats 4; the same seed gives the same run, so each seed runs once.'
    }

    It 'rejects MLP parameters for other spaces' {
        { Invoke-CanopySearch NatsTopology -DepthRange 1, 2 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterNotApplicable,*'
    }

    It 'rejects -DartsNetwork for other spaces' {
        $failure = { Invoke-CanopySearch Mlp -DartsNetwork Evaluation -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterNotApplicable,*' -PassThru

        $failure.Exception.Message | Should -Be '-DartsNetwork applies to -SearchSpace Darts only, not to Mlp.'
    }

    It 'stops early when downstream takes enough' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $first = @(Invoke-CanopySearch Darts -Budget 100000 | Select-Object -First 5)

        $first.Count | Should -Be 5
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
    }

    It 'stops at once on Ctrl+C and keeps the records written' {
        # PowerShell.Stop() calls StopProcessing, as Ctrl+C does in a console.
        $shell = [powershell]::Create()
        $null = $shell.AddScript('param($manifest) Import-Module $manifest; Invoke-CanopySearch Darts -Budget 10000000').AddArgument($env:CANOPY_MODULE_MANIFEST)
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($output.Count -lt 100 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $stopSeconds = $watch.Elapsed.TotalSeconds
        $completed = $handle.IsCompleted
        $shell.Dispose()

        $completed | Should -BeTrue
        $stopSeconds | Should -BeLessThan 10
        $output.Count | Should -BeGreaterOrEqual 100
        $output.Count | Should -BeLessThan 10000000
        $output[0].Step | Should -Be 1
    }

    It 'feeds Export-CanopyPlot -Kind Trajectory' {
        $path = Join-Path $TestDrive 'search.svg'

        $file = Invoke-CanopySearch NatsTopology -Budget 40 -PopulationSize 10 -SampleSize 3 -Seed 1, 2, 3 | Export-CanopyPlot -Kind Trajectory -Path $path

        $file.FullName | Should -Be $path
        Get-Content -Raw $path | Should -BeLike '*RegularizedEvolution (3 seeds)*'
    }

    It 'finds NATS-Bench accuracies of the best architectures' {
        if (-not (Test-Path $NatsFile)) {
            Set-ItResult -Skipped -Because "the benchmark data file $NatsFile is absent (set CANOPY_DATA to the data folder)"
            return
        }

        Import-CanopyBenchmark -Path $NatsFile -Name nats-tss -Database $Database -Force | Out-Null
        $records = @(Invoke-CanopySearch NatsTopology -Budget 100 -Seed 0 -Benchmark nats-tss -Target CIFAR10TestAccuracy200Epochs -Database $Database -WarningVariable warnings)
        $last = $records[-1]
        $stored = Get-CanopyBenchmark -Name nats-tss -Architecture $last.BestArchitecture -Database $Database

        $warnings | Should -BeNullOrEmpty
        $records.BestTarget | Should -Not -Contain $null
        $last.BestTarget | Should -Be $stored.CIFAR10TestAccuracy200Epochs
    }

    It 'finds the seed-0 cell that docs/search.md quotes, with its three accuracies' {
        if (-not (Test-Path $NatsFile)) {
            Set-ItResult -Skipped -Because "the benchmark data file $NatsFile is absent (set CANOPY_DATA to the data folder)"
            return
        }

        Import-CanopyBenchmark -Path $NatsFile -Name nats-tss -Database $Database -Force | Out-Null
        $found = Invoke-CanopySearch NatsTopology -Seed 0 -Summary -Benchmark nats-tss -Target CIFAR10TestAccuracy200Epochs -Database $Database
        $stored = Get-CanopyBenchmark -Name nats-tss -Architecture $found.Architecture -Database $Database

        $found.Architecture | Should -Be '|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
        [Math]::Round($found.Target, 3) | Should -Be 93.715
        [Math]::Round($stored.CIFAR100TestAccuracy200Epochs, 2) | Should -Be 71.21
        [Math]::Round($stored.ImageNetTestAccuracy200Epochs, 2) | Should -Be 44.98
    }
}

BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    $script:First = '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|'
    $script:Best = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|'
    $script:ResNet = '|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|'
    $script:Genotype = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"
    $script:Database = Join-Path $TestDrive 'cache.db'
    $script:NatsFile = "$env:CANOPY_TEST_DATA/nats-tss/nats_bench.csv"

    $path = Join-Path $TestDrive 'sweep.csv'
    Set-Content -Path $path -Encoding utf8NoBOM -Value @"
acc,ArchitectureString,epochs,note,params
93.5,$Best,200,,1.2e6
10,$First,12,text,
70.25,$ResNet,200,"a, b",0.5
"@
    Import-CanopyBenchmark -Path $path -Database $Database | Out-Null
    $darts = Join-Path $TestDrive 'darts.json'
    Set-Content -Path $darts -Encoding utf8NoBOM -Value (ConvertTo-Json -InputObject @([pscustomobject]@{ genotype = $Genotype; val_acc = 97.1 }))
    Import-CanopyBenchmark -Path $darts -Database $Database | Out-Null

    # More rows than two read-ahead batches, cycling through three cells, with index and acc = index + 0.5.
    $script:CycleRows = 2600
    $cells = $First, $Best, $ResNet
    $cycle = [Text.StringBuilder]::new("ArchitectureString,index,acc`n")
    for ($i = 0; $i -lt $CycleRows; $i++) { [void]$cycle.Append("$($cells[$i % 3]),$i,$i.5`n") }
    $cyclePath = Join-Path $TestDrive 'cycle.csv'
    Set-Content -Path $cyclePath -Encoding utf8NoBOM -NoNewline -Value $cycle.ToString()
    Import-CanopyBenchmark -Path $cyclePath -Database $Database | Out-Null
}

Describe 'Get-CanopyBenchmark' {
    It 'lists the stored benchmarks' {
        $benchmarks = Get-CanopyBenchmark -Database $Database

        $benchmarks.Name | Should -Be @('cycle', 'darts', 'sweep')
        $sweep = $benchmarks[2]
        $sweep.Rows | Should -Be 3
        $sweep.Columns | Should -Be @('acc', 'ArchitectureString', 'epochs', 'note', 'params')
        $sweep.SearchSpaces | Should -BeExactly @('NatsTopology')
        $benchmarks[1].SearchSpaces | Should -BeExactly @('Darts')
        ($sweep | ConvertTo-Json -Compress) | Should -BeLike '*"SearchSpaces":`["NatsTopology"`]*'
        $sweep.Source | Should -Be (Join-Path $TestDrive 'sweep.csv')
        $sweep.ImportedAt | Should -BeOfType [DateTimeOffset]
    }

    It 'names a damaged cache file and says how to rebuild it' {
        $damaged = Join-Path $TestDrive 'damaged.db'
        Copy-Item $Database $damaged
        $bytes = [IO.File]::ReadAllBytes($damaged)

        # Page 1 holds the schema, so the damage lies in the rows of the benchmarks.
        for ($i = 4096; $i -lt $bytes.Length; $i++) { $bytes[$i] = 0x5A }
        [IO.File]::WriteAllBytes($damaged, $bytes)

        { Get-CanopyBenchmark -Name cycle -Database $damaged -ErrorAction Stop } | Should -Throw -ErrorId 'CacheUnavailable,*'
        $failure = $Error[0]
        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure.TargetObject | Should -Be $damaged
        $failure.Exception.Message | Should -BeLike "The cache file $damaged is damaged (SQLite Error *). Delete it, with any -wal and -shm files beside it, and import the benchmarks again, or restore a copy."

        # The search's lookups and an import into the same file stop the same way.
        { Invoke-CanopySearch NatsTopology -Budget 5 -Seed 0 -Benchmark cycle -Target acc -Database $damaged -ErrorAction Stop } | Should -Throw -ErrorId 'CacheUnavailable,*'
        $Error[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $Error[0].Exception.Message | Should -BeLike "The cache file $damaged is damaged*"
        { Import-CanopyBenchmark -Path (Join-Path $TestDrive 'sweep.csv') -Name again -Database $damaged -ErrorAction Stop } | Should -Throw -ErrorId 'CacheUnavailable,*'
        $Error[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $Error[0].Exception.Message | Should -BeLike "The cache file $damaged is damaged*"
    }

    It 'streams records with the original columns and typed values' {
        $records = @(Get-CanopyBenchmark -Name sweep -Database $Database)

        $records.Count | Should -Be 3
        $records[0].PSObject.Properties.Name | Should -Be @('acc', 'ArchitectureString', 'epochs', 'note', 'params', 'SearchSpace')
        $records[0].acc | Should -BeOfType [double]
        $records[1].acc | Should -BeOfType [long]
        $records[0].epochs | Should -BeOfType [long]
        $records[0].note | Should -BeNullOrEmpty
        $records[1].note | Should -BeExactly 'text'
        $records[2].note | Should -BeExactly 'a, b'
        $records[0].params | Should -Be 1.2e6
        $records[1].params | Should -Be $null
        $records[0].ArchitectureString | Should -Be ([Canopy.Architectures.ArchitectureParser]::Parse($Best, $null).Canonical)
        $records[0].SearchSpace | Should -BeOfType [string]
        $records[0].SearchSpace | Should -BeExactly 'NatsTopology'
        ($records[0] | ConvertTo-Json -Compress) | Should -BeLike '*"SearchSpace":"NatsTopology"*'
    }

    It 'filters by architecture in any accepted encoding' {
        $rangeForm = $Genotype -replace 'normal_concat=\[2, 3, 4, 5\]', 'normal_concat=range(2, 6)'

        $nats = @(Get-CanopyBenchmark -Name sweep -Architecture $ResNet, $First -Database $Database)
        $darts = @(Get-CanopyBenchmark -Name darts -Architecture $rangeForm -Database $Database)

        $nats.acc | Should -Be @(10, 70.25)
        $darts.val_acc | Should -Be 97.1
    }

    It 'finds a genotype whatever the order of a node''s pairs' {
        # Node 4 of the normal cell as DARTS V2 writes it, and the two pairs swapped.
        $swapped = $Genotype.Replace("('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0)", "('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0)")

        $record = Get-CanopyBenchmark -Name darts -Architecture $swapped -Database $Database

        $swapped | Should -Not -Be $Genotype
        $record.val_acc | Should -Be 97.1
        $record.genotype | Should -BeLike "*('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0)*"
    }

    It 'says in verbose output that an architecture is absent' {
        $absent = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|'

        $output = Get-CanopyBenchmark -Name sweep -Architecture $absent, $Best -Database $Database -Verbose -ErrorVariable problems 4>&1
        $records = @($output | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] })
        $verbose = @($output | Where-Object { $_ -is [Management.Automation.VerboseRecord] })
        $none = Get-CanopyBenchmark -Name sweep -Architecture $absent -Database $Database

        $records.acc | Should -Be 93.5
        $verbose[-1].Message | Should -BeExactly "The architecture '$absent' is not in the benchmark 'sweep'."
        @($verbose | Where-Object Message -Like '*is not in the benchmark*').Count | Should -Be 1
        $problems | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
    }

    It 'reports an invalid architecture and still returns the valid ones' {
        $records = @(Get-CanopyBenchmark -Name sweep -Architecture 'nonsense', $Best -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue)

        $records.acc | Should -Be 93.5
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be 'nonsense'
        $problems[0].Exception | Should -BeOfType [System.FormatException]
    }

    It 'names the search space of an architecture the benchmark cannot hold' {
        $records = @(Get-CanopyBenchmark -Name sweep -Architecture '8:16:24:32:64', $Best -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue)

        $records.acc | Should -Be 93.5
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureSearchSpaceMismatch,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be '8:16:24:32:64'
        $problems[0].Exception.Message | Should -Be "The architecture '8:16:24:32:64' is a NatsSize architecture, but the benchmark 'sweep' contains NatsTopology architectures only."
    }

    It 'reads piped benchmarks from the cache they came from' {
        $env:CANOPY_DATABASE = Join-Path $TestDrive 'other-default.db'
        try {
            $listed = Get-CanopyBenchmark -Database $Database | Where-Object Name -EQ 'sweep' | Get-CanopyBenchmark
            $summary = Import-CanopyBenchmark -Path (Join-Path $TestDrive 'sweep.csv') -Name copy -Database $Database -Force
            $imported = $summary | Get-CanopyBenchmark
        }
        finally {
            Remove-Item Env:CANOPY_DATABASE
        }

        $listed.acc | Should -Be @(93.5, 10, 70.25)
        $imported.acc | Should -Be @(93.5, 10, 70.25)
        Test-Path (Join-Path $TestDrive 'other-default.db') | Should -BeFalse
    }

    It 'names the cache file it reads in verbose output' {
        $missing = Join-Path $TestDrive 'absent.db'

        $listing = Get-CanopyBenchmark -Database $Database -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $empty = Get-CanopyBenchmark -Database $missing -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $reading = Get-CanopyBenchmark -Name sweep -Database $Database -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }

        $listing.Message | Should -Be "Listing the benchmarks in $Database."
        $empty.Message | Should -Be "The cache file $missing does not exist yet, so it contains no benchmarks."
        $reading.Message | Should -Be "Reading 3 rows of 'sweep' from $Database."
    }

    It 'reports an unknown benchmark' {
        Get-CanopyBenchmark -Name nothing -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].Exception.Message | Should -BeLike "*'nothing'*"
    }

    It 'lists nothing from a cache file that does not exist' {
        $absent = Join-Path $TestDrive 'absent.db'

        Get-CanopyBenchmark -Database $absent | Should -BeNullOrEmpty
        Test-Path $absent | Should -BeFalse
    }

    It 'rejects a cache written by a newer release' {
        $newer = Join-Path $TestDrive 'newer.db'
        Copy-Item $Database $newer
        $connection = [Microsoft.Data.Sqlite.SqliteConnection]::new("Data Source=$newer;Pooling=False")
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = 'PRAGMA user_version = 99;'
        $command.ExecuteNonQuery() | Out-Null
        $connection.Dispose()

        $failure = { Get-CanopyBenchmark -Database $newer -ErrorAction Stop } | Should -Throw -ErrorId 'CacheFormatInvalid,*' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'OpenError'
        { Get-CanopyBenchmark -Database $newer -ErrorAction Stop } | Should -Throw '*schema version 99*'
    }

    It 'reports a folder given as -Database' {
        $folder = Join-Path $TestDrive 'cache-folder'
        New-Item -ItemType Directory -Path $folder | Out-Null

        $listProblem = try { Get-CanopyBenchmark -Database $folder -ErrorAction Stop; $null } catch { $_ }
        $readProblem = try { Get-CanopyBenchmark -Name sweep -Database $folder -ErrorAction Stop; $null } catch { $_ }

        $listProblem.FullyQualifiedErrorId | Should -BeLike 'CacheUnavailable,*'
        $listProblem.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $listProblem.TargetObject | Should -Be $folder
        $listProblem.Exception.Message | Should -BeLike "The cache path $folder is a folder.*"
        $readProblem.FullyQualifiedErrorId | Should -BeLike 'CacheUnavailable,*'
    }

    It 'reports a file in the -Database path' {
        $blocker = Join-Path $TestDrive 'plain-file'
        Set-Content -Path $blocker -Value 'not a folder'
        $database = Join-Path $blocker 'benchmarks.db'

        $listProblem = try { Get-CanopyBenchmark -Database $database -ErrorAction Stop; $null } catch { $_ }
        $readProblem = try { Get-CanopyBenchmark -Name sweep -Database $database -ErrorAction Stop; $null } catch { $_ }

        $listProblem.FullyQualifiedErrorId | Should -BeLike 'CacheUnavailable,*'
        $listProblem.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $listProblem.TargetObject | Should -Be $database
        $listProblem.Exception.Message | Should -Be "The cache path $database cannot be used, because $blocker is a file, not a folder. Choose another -Database."
        $readProblem.FullyQualifiedErrorId | Should -BeLike 'CacheUnavailable,*'
    }

    It 'rejects a cache path on another provider' {
        $before = @(Get-ChildItem -LiteralPath ([Environment]::CurrentDirectory) -Name)

        $given = try { Get-CanopyBenchmark -Database Env:/CanopyCache -ErrorAction Stop; $null } catch { $_ }
        $env:CANOPY_DATABASE = 'Variable:/CanopyCache'
        try {
            $fromVariable = try { Get-CanopyBenchmark -ErrorAction Stop; $null } catch { $_ }
        }
        finally {
            Remove-Item Env:/CANOPY_DATABASE
        }

        $given.FullyQualifiedErrorId | Should -Be 'CachePathInvalid,Canopy.Commands.GetCanopyBenchmarkCommand'
        $given.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $given.TargetObject | Should -Be 'Env:/CanopyCache'
        $given.Exception.Message | Should -Be "-Database 'Env:/CanopyCache' is a path on the Environment provider, but the cache is a file. Give a file system path such as ./benchmarks.db."
        $fromVariable.Exception.Message | Should -BeLike "CANOPY_DATABASE 'Variable:/CanopyCache' is a path on the Variable provider*"
        @(Get-ChildItem -LiteralPath ([Environment]::CurrentDirectory) -Name) | Should -Be $before
    }

    It 'completes -Architecture from the named benchmark' {
        $canonical = @($Best, $First, $ResNet | ForEach-Object { [Canopy.Architectures.ArchitectureParser]::Parse($_, $null).Canonical })
        $line = "Get-CanopyBenchmark -Database '$Database' -Name sweep -Architecture "
        $all = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $line = "Get-CanopyBenchmark -Database '$Database' -Name sweep -Architecture '|nor_conv_3x3~0|+|nor"
        $prefixed = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $all.CompletionText | Should -Be @($canonical | ForEach-Object { "'$_'" })
        $prefixed.CompletionText | Should -Be @("'$($canonical[0])'")
    }

    It 'completes only benchmarks of the -SearchSpace on the line' {
        $line = "Invoke-CanopySearch NatsTopology -Database '$Database' -Benchmark "
        $nats = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $line = "Invoke-CanopySearch -SearchSpace Darts -Database '$Database' -Benchmark "
        $darts = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $line = "Invoke-CanopySearch -Database '$Database' -Benchmark "
        $any = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        # Earlier tests may add NatsTopology benchmarks to the cache, but darts is its only DARTS benchmark.
        $nats.CompletionText | Should -Contain 'cycle'
        $nats.CompletionText | Should -Contain 'sweep'
        $nats.CompletionText | Should -Not -Contain 'darts'
        $darts.CompletionText | Should -Be @('darts')
        $any.CompletionText | Should -Contain 'darts'
        $any.CompletionText | Should -Contain 'sweep'
    }

    It 'streams a benchmark of several batches in file order' {
        $records = @(Get-CanopyBenchmark -Name cycle -Database $Database)

        $records.Count | Should -Be $CycleRows
        ($records.index -join ',') | Should -Be ((0..($CycleRows - 1)) -join ',')
        $records[2].acc | Should -BeOfType [double]
        $records[2].acc | Should -Be 2.5
        $records[2].ArchitectureString | Should -Be ([Canopy.Architectures.ArchitectureParser]::Parse($ResNet, $null).Canonical)
        $records[-1].SearchSpace | Should -BeExactly 'NatsTopology'
    }

    It 'closes the cache when the pipeline takes only the first records' {
        $first = @(Get-CanopyBenchmark -Name cycle -Database $Database | Select-Object -First 3)

        $first.index | Should -Be @(0, 1, 2)
        Test-Path "$Database-wal" | Should -BeFalse -Because 'the last connection to close removes the WAL file'
        (Get-CanopyBenchmark -Name cycle -Database $Database | Measure-Object).Count | Should -Be $CycleRows
    }

    It 'stops a read when the pipeline is stopped' {
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$env:CANOPY_MODULE_MANIFEST'; Get-CanopyBenchmark -Name cycle -Database '$Database' | ForEach-Object { Start-Sleep -Milliseconds 5 }")
        $running = $shell.BeginInvoke()
        Start-Sleep -Milliseconds 500
        $completedBeforeStop = $running.IsCompleted
        $shell.Stop()
        $state = $shell.InvocationStateInfo.State
        $shell.Dispose()

        $completedBeforeStop | Should -BeFalse -Because 'the read must still run when it is stopped'
        $state | Should -Be 'Stopped'
        Test-Path "$Database-wal" | Should -BeFalse -Because 'the stopped read closed its connection'
    }

    It 'reads nats_bench.csv back with the values Import-Csv reads' {
        if (-not (Test-Path $NatsFile)) {
            Set-ItResult -Skipped -Because "the benchmark data file $NatsFile is absent (set CANOPY_DATA to the data folder)"
            return
        }

        Import-CanopyBenchmark -Path $NatsFile -Name nats-tss -Database $Database -Force | Out-Null
        $expected = Import-Csv $NatsFile
        $stored = @(Get-CanopyBenchmark -Name nats-tss -Database $Database)
        $best = Get-CanopyBenchmark -Name nats-tss -Architecture $Best -Database $Database

        $stored.Count | Should -Be $expected.Count
        $stored[0].PSObject.Properties.Name | Should -Be @($expected[0].PSObject.Properties.Name + 'SearchSpace')
        $differences = for ($i = 0; $i -lt $expected.Count; $i += 97) {
            if ($stored[$i].ImageNetTestAccuracy200Epochs -ne [double]$expected[$i].ImageNetTestAccuracy200Epochs) { $i }
        }
        $differences | Should -BeNullOrEmpty
        $best.CIFAR10TestAccuracy200Epochs | Should -Be 94.37333333333333
    }
}

BeforeAll {
    # Tests of file modes need a user that they bind: not root, or root run through setpriv.
    $script:FileModesApply = -not $IsWindows -and ((id -u) -ne '0' -or [bool](Get-Command setpriv -ErrorAction Ignore))
    $script:FileModesSkipReason = 'file modes do not bind this process: it runs on Windows, or as root without setpriv to drop the override'
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    $script:First = '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|'
    $script:Best = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|'
    $script:ResNet = '|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|'

    # Three rows in sweep.csv, one in single.csv.
    $script:SweepFile = Join-Path $TestDrive 'sweep.csv'
    Set-Content -Path $SweepFile -Encoding utf8NoBOM -Value "arch,acc`n$Best,93.5`n$First,10`n$ResNet,70.25"
    $script:SingleFile = Join-Path $TestDrive 'single.csv'
    Set-Content -Path $SingleFile -Encoding utf8NoBOM -Value "arch,acc`n$ResNet,70.25"

    . (Join-Path $PSScriptRoot 'FileModes.ps1')
}

Describe 'Remove-CanopyBenchmark' {
    BeforeEach {
        $script:Database = Join-Path $TestDrive "cache-$([guid]::NewGuid().ToString('N')).db"
        Import-CanopyBenchmark -Path $SweepFile -Name sweep -Database $Database | Out-Null
        Import-CanopyBenchmark -Path $SingleFile -Name single -Database $Database | Out-Null
        Import-CanopyBenchmark -Path $SweepFile -Name other -Database $Database | Out-Null
    }

    It 'removes a benchmark and keeps the others' {
        $output = Remove-CanopyBenchmark -Name sweep -Database $Database -Confirm:$false

        $output | Should -BeNullOrEmpty
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single')
        (Get-CanopyBenchmark -Name other -Database $Database).acc | Should -Be @(93.5, 10, 70.25)
        Get-CanopyBenchmark -Name sweep -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkNotFound,*'
        Test-Path "$Database-wal" | Should -BeFalse -Because 'the last connection to close removes the WAL file'
    }

    It 'removes several names in one call' {
        Remove-CanopyBenchmark sweep, single -Database $Database -Confirm:$false

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other')
    }

    It 'compares names ignoring case' {
        Remove-CanopyBenchmark -Name SWEEP -Database $Database -Confirm:$false -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single')
    }

    It 'takes a name with wildcard characters literally' {
        Remove-CanopyBenchmark -Name 's*' -Database $Database -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkNotFound,*'
        $problems[0].Exception.Message | Should -Be "The cache $Database contains no benchmark named 's*'. Benchmark names are taken literally, without wildcards; filter the list with Where-Object Name -like instead. Run Get-CanopyBenchmark without -Name to list the stored benchmarks."
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single', 'sweep')
    }

    It 'changes nothing with -WhatIf' {
        $before = (Get-FileHash $Database).Hash

        $output = Remove-CanopyBenchmark -Name sweep, single -Database $Database -WhatIf

        $output | Should -BeNullOrEmpty
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single', 'sweep')
        (Get-FileHash $Database).Hash | Should -Be $before
    }

    It 'names the benchmark, its rows and the file in the confirmation' {
        $verbose = Remove-CanopyBenchmark -Name sweep, single -Database $Database -Confirm:$false -Verbose 4>&1

        $verbose.Message | Should -Be @(
            "Performing the operation `"Remove the benchmark and its 3 rows`" on target `"benchmark 'sweep' in $Database`"."
            "Removed the benchmark 'sweep' and its 3 rows from $Database."
            "Performing the operation `"Remove the benchmark and its 1 row`" on target `"benchmark 'single' in $Database`"."
            "Removed the benchmark 'single' and its 1 row from $Database."
        )
    }

    It 'asks for confirmation by default' {
        # A runspace without a user interface cannot answer the prompt, so the removal fails and changes nothing.
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$env:CANOPY_MODULE_MANIFEST'; Remove-CanopyBenchmark -Name sweep -Database '$Database'")
        $null = $shell.Invoke()
        $problems = @($shell.Streams.Error)
        $shell.Dispose()

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'HostFunctionNotImplemented,*'
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single', 'sweep')
        (Get-Command Remove-CanopyBenchmark).ImplementingType.GetCustomAttributes([Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'removes without a prompt when $ConfirmPreference is None' {
        $ConfirmPreference = 'None'

        Remove-CanopyBenchmark -Name sweep -Database $Database

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single')
    }

    It 'removes benchmarks piped from Get-CanopyBenchmark from their cache' {
        $env:CANOPY_DATABASE = Join-Path $TestDrive 'other-default.db'
        try {
            Get-CanopyBenchmark -Database $Database | Where-Object Name -Like 's*' | Remove-CanopyBenchmark -Confirm:$false
        }
        finally {
            Remove-Item Env:CANOPY_DATABASE
        }

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other')
        Test-Path (Join-Path $TestDrive 'other-default.db') | Should -BeFalse
    }

    It 'removes piped names and import summaries' {
        'sweep', 'single' | Remove-CanopyBenchmark -Database $Database -Confirm:$false
        Import-CanopyBenchmark -Path $SingleFile -Name summary -Database $Database | Remove-CanopyBenchmark -Confirm:$false

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other')
    }

    It 'reports an unknown name and removes the others' {
        Remove-CanopyBenchmark -Name sweep, missing, single -Database $Database -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'BenchmarkNotFound,Canopy.Commands.RemoveCanopyBenchmarkCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'missing'
        $problems[0].Exception | Should -BeOfType [Canopy.Storage.BenchmarkNotFoundException]
        $problems[0].Exception.Message | Should -Be "The cache $Database contains no benchmark named 'missing'. Run Get-CanopyBenchmark without -Name to list the stored benchmarks."
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other')
    }

    It 'stops once on piped benchmark rows' {
        $rows = @(Get-CanopyBenchmark -Name sweep -Database $Database)

        { $rows | Remove-CanopyBenchmark -Database $Database -Confirm:$false } |
            Should -Throw -ErrorId 'BenchmarkNameInvalid,*' -ExpectedMessage '*is not a benchmark. Pipe benchmark names, or the list that Get-CanopyBenchmark writes without -Name*'

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single', 'sweep')
    }

    It 'never takes the Name column of piped rows for a benchmark name' {
        # The row's Name column names the benchmark 'single', which must survive.
        $named = Join-Path $TestDrive 'named.csv'
        Set-Content -Path $named -Encoding utf8NoBOM -Value "arch,Name,acc`n$Best,single,93.5"
        Import-CanopyBenchmark -Path $named -Name named-cells -Database $Database | Out-Null
        $rows = @(Get-CanopyBenchmark -Name named-cells -Database $Database)

        $failure = { $rows | Remove-CanopyBenchmark -Database $Database -Confirm:$false } | Should -Throw -ErrorId 'BenchmarkNameInvalid,*' -PassThru

        $failure.TargetObject.Name | Should -Be 'single'
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('named-cells', 'other', 'single', 'sweep')
    }

    It 'never reads rows shaped like a partial benchmark list as benchmarks' {
        # Rows with Name and ArchitectureColumn columns look like a list that lost some properties.
        $registry = Join-Path $TestDrive 'registry.csv'
        Set-Content -Path $registry -Encoding utf8NoBOM -Value "arch,Name,ArchitectureColumn,acc`n$Best,single,arch,94.37"
        Import-CanopyBenchmark -Path $registry -Name registry -Database $Database | Out-Null
        $narrowed = Get-CanopyBenchmark -Database $Database | Where-Object Name -EQ 'sweep' | Select-Object Name, ArchitectureColumn

        { Get-CanopyBenchmark -Name registry -Database $Database | Remove-CanopyBenchmark -Confirm:$false } | Should -Throw -ErrorId 'BenchmarkNameInvalid,*'
        { $narrowed | Remove-CanopyBenchmark -Confirm:$false } | Should -Throw -ErrorId 'BenchmarkNameInvalid,*'

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'registry', 'single', 'sweep')
    }

    It 'rejects benchmark objects given to -Name and lists given to -InputObject' {
        $listed = @(Get-CanopyBenchmark -Database $Database | Where-Object Name -Like 's*')

        { Remove-CanopyBenchmark $listed[0] -Confirm:$false } | Should -Throw -ExpectedMessage '*-Name takes benchmark names, not benchmark objects. Pipe the objects instead*'
        { Remove-CanopyBenchmark -InputObject $listed -Confirm:$false } | Should -Throw -ErrorId 'BenchmarkNameInvalid,*' -ExpectedMessage '-InputObject received a list of 2 objects*'

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single', 'sweep')
    }

    It 'removes a benchmark list read back from Export-Csv and Export-Clixml' {
        $csv = Join-Path $TestDrive 'list.csv'
        $xml = Join-Path $TestDrive 'list.xml'
        Get-CanopyBenchmark -Database $Database | Where-Object Name -EQ 'sweep' | Export-Csv -Path $csv
        Get-CanopyBenchmark -Database $Database | Where-Object Name -EQ 'single' | Export-Clixml -Path $xml

        Import-Csv -Path $csv | Remove-CanopyBenchmark -Confirm:$false
        Import-Clixml -Path $xml | Remove-CanopyBenchmark -Confirm:$false

        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other')
    }

    It 'removes piped benchmarks from -Database when it is given' {
        $copy = Join-Path $TestDrive "copy-$([guid]::NewGuid().ToString('N')).db"
        Import-CanopyBenchmark -Path $SingleFile -Name single -Database $copy | Out-Null

        Get-CanopyBenchmark -Database $Database | Where-Object Name -EQ 'single' | Remove-CanopyBenchmark -Database $copy -Confirm:$false

        Get-CanopyBenchmark -Database $copy | Should -BeNullOrEmpty
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single', 'sweep')
    }

    It 'reports each name for a missing cache file and creates none' {
        $missing = Join-Path $TestDrive 'absent/cache.db'

        Remove-CanopyBenchmark -Name sweep, single -Database $missing -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
        Remove-CanopyBenchmark -Name sweep -Database $missing -WhatIf -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 2
        $problems.FullyQualifiedErrorId | Should -Be (@('BenchmarkNotFound,Canopy.Commands.RemoveCanopyBenchmarkCommand') * 2)
        $problems.TargetObject | Should -Be @('sweep', 'single')
        $problems[0].Exception.Message | Should -BeLike "The cache file $missing does not exist*"
        Test-Path (Join-Path $TestDrive 'absent') | Should -BeFalse
    }

    It 'imports again after removal as a first import' {
        Get-CanopyBenchmark -Name sweep -Architecture $Best -Database $Database | Out-Null
        Remove-CanopyBenchmark -Name sweep -Database $Database -Confirm:$false

        $summary = Import-CanopyBenchmark -Path $SingleFile -Name sweep -Database $Database -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        $summary.Replaced | Should -BeFalse
        $summary.RowsStored | Should -Be 1
        (Get-CanopyBenchmark -Name sweep -Database $Database).acc | Should -Be 70.25
        (Get-CanopyBenchmark -Name sweep -Architecture $ResNet -Database $Database).acc | Should -Be 70.25
    }

    It 'completes -Name from the cache that -Database names' {
        $line = "Remove-CanopyBenchmark -Database '$Database' -Name s"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $completions.CompletionText | Should -Be @('single', 'sweep')
    }

    It 'leaves out names already in the list: <Line>' -ForEach @(
        @{ Line = '-Name single, '; Expected = @('other', 'sweep') }
        @{ Line = '-Name:single,'; Expected = @('other', 'sweep') }
        @{ Line = '-Na sweep, s'; Expected = @('single') }
        @{ Line = 'sweep, '; Expected = @('other', 'single') }
        @{ Line = '-Name s'; Expected = @('single', 'sweep') }
    ) {
        $command = "Remove-CanopyBenchmark -Database '$Database' $Line"

        $completions = (TabExpansion2 -inputScript $command -cursorColumn $command.Length).CompletionMatches

        $completions.CompletionText | Should -Be $Expected
    }

    It 'names a damaged cache file and says how to rebuild it' {
        # More rows than fit on the first pages, so that the damage lies in the rows of the benchmark.
        $rows = [Text.StringBuilder]::new("arch,index`n")
        foreach ($i in 0..2599) { [void]$rows.Append("$First,$i`n") }
        $large = Join-Path $TestDrive 'large.csv'
        Set-Content -Path $large -Encoding utf8NoBOM -NoNewline -Value $rows.ToString()
        Import-CanopyBenchmark -Path $large -Name large -Database $Database | Out-Null
        $bytes = [IO.File]::ReadAllBytes($Database)
        for ($i = 4096; $i -lt $bytes.Length; $i++) { $bytes[$i] = 0x5A }
        [IO.File]::WriteAllBytes($Database, $bytes)

        $problem = try { Remove-CanopyBenchmark -Name large, sweep -Database $Database -Confirm:$false -ErrorAction Stop; $null } catch { $_ }

        $problem.FullyQualifiedErrorId | Should -Be 'CacheUnavailable,Canopy.Commands.RemoveCanopyBenchmarkCommand'
        $problem.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $problem.TargetObject | Should -Be $Database
        $problem.Exception.Message | Should -BeLike "The cache file $Database is damaged (SQLite Error *). Delete it, with any -wal and -shm files beside it, and import the benchmarks again, or restore a copy."
    }

    It 'keeps the cache whole when the removal fails' {
        $rows = [Text.StringBuilder]::new("arch,index`n")
        foreach ($i in 0..2599) { [void]$rows.Append("$First,$i`n") }
        $large = Join-Path $TestDrive 'large.csv'
        Set-Content -Path $large -Encoding utf8NoBOM -NoNewline -Value $rows.ToString()
        $database = Join-Path $TestDrive "large-$([guid]::NewGuid().ToString('N')).db"
        Import-CanopyBenchmark -Path $large -Name large -Database $database | Out-Null
        Import-CanopyBenchmark -Path $SingleFile -Name single -Database $database | Out-Null

        # Damage the pages between the root page of large's rows and that of single's, which only DROP TABLE reads.
        $connection = [Microsoft.Data.Sqlite.SqliteConnection]::new("Data Source=$database;Pooling=False")
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = "SELECT rootpage FROM sqlite_master WHERE name IN ('benchmark_1', 'benchmark_2') ORDER BY name; PRAGMA page_size;"
        $reader = $command.ExecuteReader()
        $roots = @(while ($reader.Read()) { $reader.GetInt64(0) })
        $null = $reader.NextResult(); $null = $reader.Read(); $pageSize = $reader.GetInt64(0)
        $reader.Dispose(); $connection.Dispose()
        $bytes = [IO.File]::ReadAllBytes($database)
        for ($i = $roots[0] * $pageSize; $i -lt ($roots[1] - 1) * $pageSize; $i++) { $bytes[$i] = 0x5A }
        [IO.File]::WriteAllBytes($database, $bytes)

        $problem = try { Remove-CanopyBenchmark -Name large -Database $database -Confirm:$false -ErrorAction Stop; $null } catch { $_ }

        $roots[1] - $roots[0] | Should -BeGreaterThan 2 -Because 'the rows of large fill several pages'
        $problem.FullyQualifiedErrorId | Should -Be 'CacheUnavailable,Canopy.Commands.RemoveCanopyBenchmarkCommand'
        $problem.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $problem.Exception.Message | Should -BeLike "The cache file $database is damaged*"
        (Get-CanopyBenchmark -Database $database).Name | Should -Be @('large', 'single')
        (Get-CanopyBenchmark -Name single -Database $database).acc | Should -Be 70.25
    }

    It 'reports a folder given as -Database' {
        $folder = Join-Path $TestDrive 'cache-folder'
        New-Item -ItemType Directory -Path $folder -Force | Out-Null

        $problem = try { Remove-CanopyBenchmark -Name sweep -Database $folder -Confirm:$false -ErrorAction Stop; $null } catch { $_ }

        $problem.FullyQualifiedErrorId | Should -BeLike 'CacheUnavailable,*'
        $problem.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $problem.TargetObject | Should -Be $folder
        Get-ChildItem $folder | Should -BeNullOrEmpty
    }

    It 'reports a read-only cache file and leaves the cache unchanged' {
        if (-not $FileModesApply) {
            Set-ItResult -Skipped -Because $FileModesSkipReason
            return
        }

        chmod 444 $Database

        $problem = Invoke-BoundByFileModes "try { Remove-CanopyBenchmark -Name sweep -Database '$Database' -Confirm:`$false -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.CategoryInfo.Category.ToString(); `$_.Exception.Message }"
        chmod 644 $Database

        $problem[0] | Should -Be 'CacheUnavailable,Canopy.Commands.RemoveCanopyBenchmarkCommand'
        $problem[1] | Should -Be 'ResourceUnavailable'
        $problem[2] | Should -Be "The cache file $Database is read-only, so no benchmark can be removed from it. Make the file writable, or choose another -Database."
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('other', 'single', 'sweep')
        Test-Path "$Database-wal" | Should -BeFalse
    }
}

Describe 'Remove-CanopyBenchmark while another connection writes' {
    BeforeEach {
        $script:Database = Join-Path $TestDrive "locked-$([guid]::NewGuid().ToString('N')).db"
        Import-CanopyBenchmark -Path $SweepFile -Name sweep -Database $Database | Out-Null

        # A write transaction on another connection holds the lock, as another process's import would.
        $script:Holder = [Microsoft.Data.Sqlite.SqliteConnection]::new("Data Source=$Database;Pooling=False")
        $Holder.Open()
        $begin = $Holder.CreateCommand()
        $begin.CommandText = 'BEGIN IMMEDIATE;'
        $null = $begin.ExecuteNonQuery()

        $script:Shell = [powershell]::Create()
        $null = $Shell.AddScript({
            param($Manifest, $Database)
            Import-Module $Manifest
            Remove-CanopyBenchmark -Name sweep -Database $Database -Confirm:$false -Verbose
        }).AddArgument($env:CANOPY_MODULE_MANIFEST).AddArgument($Database)
    }

    AfterEach {
        $Shell.Dispose()
        $Holder.Dispose()
    }

    It 'says that it waits, and removes nothing when stopped' {
        $running = $Shell.BeginInvoke()
        $waited = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not ($Shell.Streams.Verbose.Message -like 'Another process is writing*') -and $waited.Elapsed.TotalSeconds -lt 20) { Start-Sleep -Milliseconds 50 }
        $stopping = [System.Diagnostics.Stopwatch]::StartNew()
        $Shell.Stop()
        $stopping.Stop()

        # Without the stop, the removal would wait out the 30 s and fail with CacheBusy.
        $stopping.Elapsed.TotalSeconds | Should -BeLessThan 15
        $Shell.Streams.Error | Should -BeNullOrEmpty
        $Shell.Streams.Verbose.Message | Should -Contain "Another process is writing $Database. Waiting up to 30 s for it to finish; press Ctrl+C to stop."
        $running.IsCompleted | Should -BeTrue
        $Shell.InvocationStateInfo.State | Should -Be 'Stopped'
        $Holder.Dispose()
        (Get-CanopyBenchmark -Name sweep -Database $Database).acc | Should -Be @(93.5, 10, 70.25)
    }

    It 'removes the benchmark once the lock is released' {
        $running = $Shell.BeginInvoke()
        $waited = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not ($Shell.Streams.Verbose.Message -like 'Another process is writing*') -and $waited.Elapsed.TotalSeconds -lt 20) { Start-Sleep -Milliseconds 50 }
        $Holder.Dispose()
        $Shell.EndInvoke($running)

        $Shell.Streams.Verbose.Message | Should -Contain "Removed the benchmark 'sweep' and its 3 rows from $Database."
        @($Shell.Streams.Verbose.Message -like "Took the write lock of $Database after waiting * s.").Count | Should -Be 1
        $Shell.Streams.Error | Should -BeNullOrEmpty
        Get-CanopyBenchmark -Database $Database | Should -BeNullOrEmpty
        @($Shell.Streams.Progress | Where-Object Activity -EQ 'Waiting for the benchmark cache').RecordType | Should -Be @('Processing', 'Completed')
    }

    It 'stops with CacheBusy after waiting 30 s' {
        $verbose = [System.Collections.Generic.List[object]]::new()
        $problem = try { Remove-CanopyBenchmark -Name sweep -Database $Database -Confirm:$false -ErrorAction Stop -Verbose 4>&1 | ForEach-Object { $verbose.Add($_) }; $null } catch { $_ }
        $waitLine = @($verbose | Where-Object { $_.Message -like 'Stopped waiting*' })

        $problem.FullyQualifiedErrorId | Should -Be 'CacheBusy,Canopy.Commands.RemoveCanopyBenchmarkCommand'
        $problem.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $problem.TargetObject | Should -Be $Database
        $problem.Exception.Message | Should -Be "Another connection held the write lock of the cache $Database for 30 s, so nothing was changed. Run the command again when the other import or removal has finished, or choose another -Database."
        $waitLine.Count | Should -Be 1
        $waitLine[0].Message | Should -Match "^Stopped waiting for the write lock of .* after 30\.\d s\.$"
        $Holder.Dispose()
        (Get-CanopyBenchmark -Name sweep -Database $Database).acc | Should -Be @(93.5, 10, 70.25)
    }
}

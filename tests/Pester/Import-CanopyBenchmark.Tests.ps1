BeforeAll {
    # Tests of file modes need a user that they bind: not root, or root run through setpriv.
    $script:FileModesApply = -not $IsWindows -and ((id -u) -ne '0' -or [bool](Get-Command setpriv -ErrorAction Ignore))
    $script:FileModesSkipReason = 'file modes do not bind this process: it runs on Windows, or as root without setpriv to drop the override'
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    $script:First = '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|'
    $script:Best = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|'
    $script:NatsFile = "$env:CANOPY_TEST_DATA/nats-tss/nats_bench.csv"

    function New-BenchmarkFile([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Text -NoNewline -Encoding utf8NoBOM
        return $path
    }

    function New-GzipBenchmarkFile([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        $bytes = [Text.Encoding]::UTF8.GetBytes($Text)
        $file = [IO.File]::Create($path)
        $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Fastest)
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose(); $file.Dispose()
        return $path
    }

    # Returns a 20-row benchmark file with the columns arch, acc, params and seed.
    function Get-WholeBenchmarkText {
        $text = [Text.StringBuilder]::new("arch,acc,params,seed`n")
        foreach ($i in 1..20) { [void]$text.Append("$First,$i,$($i * 10),$i`n") }
        return $text.ToString()
    }

    # Stores the benchmark sweep in $Database, makes the file read-only, and returns the path of another file to import.
    function New-ReadOnlyCache {
        Import-CanopyBenchmark -Path (New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n") -Database $Database | Out-Null
        chmod 444 $Database
        return New-BenchmarkFile 'more.csv' "arch,acc`n$Best,2`n"
    }

    . (Join-Path $PSScriptRoot 'FileModes.ps1')
}

Describe 'Import-CanopyBenchmark' {
    BeforeEach {
        $script:Database = Join-Path $TestDrive "cache-$([guid]::NewGuid().ToString('N')).db"
    }

    It 'stores a CSV file and returns one summary' {
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc,params`n$First,85.5,0.8`n$Best,94.37,1.29`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database

        $summary.Name | Should -Be 'sweep'
        $summary.RowsStored | Should -Be 2
        $summary.RowsRejected | Should -Be 0
        $summary.Rejections.Count | Should -Be 0
        $summary.Database | Should -Be $Database
        $summary.Elapsed | Should -BeOfType [timespan]
        $summary.Format | Should -Be 'CSV'
        $summary.ArchitectureColumn | Should -Be 'arch'
    }

    It 'warns once about columns of decimal commas from Excel' {
        $path = New-BenchmarkFile 'excel.csv' "arch;acc;loss;note`n$First;`"93,5`";`"0,25`";ok`n$Best;94;;`"1,5`"`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -WarningVariable warnings -WarningAction SilentlyContinue
        $stored = @(Get-CanopyBenchmark -Name excel -Database $Database)

        $summary.RowsStored | Should -Be 2
        $stored[0].acc | Should -Be '93,5'
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*excel.csv: The columns 'acc' (for example '93,5'), 'loss' (for example '0,25') contain values that look like numbers written with a comma, so they are stored as text.*"
        "$($warnings[0])" | Should -Not -BeLike "*'note'*"
    }

    It 'reads decimal commas as numbers with -DecimalComma' {
        $path = New-BenchmarkFile 'excel-numbers.csv' "arch;acc;loss`n$First;`"93,5`";`"0,25`"`n$Best;94;`n"

        Import-CanopyBenchmark -Path $path -Database $Database -WarningVariable first -WarningAction SilentlyContinue | Out-Null
        $summary = Import-CanopyBenchmark -Path $path -Database $Database -DecimalComma -Force -WarningVariable second
        $stored = @(Get-CanopyBenchmark -Name excel-numbers -Database $Database)

        "$($first[0])" | Should -BeLike '*If the commas are decimal separators, as in a spreadsheet saved under de-DE, import the file again with -DecimalComma -Force.'
        $second | Should -BeNullOrEmpty
        $summary.Warnings | Should -BeNullOrEmpty
        $stored[0].acc | Should -BeOfType [double]
        $stored[0].acc | Should -Be 93.5
        $stored[0].loss | Should -Be 0.25
        $stored[1].acc | Should -Be 94
    }

    It 'names the rows it replaces in the singular' {
        $one = New-BenchmarkFile 'one.csv' "arch,acc`n$First,1`n"
        Import-CanopyBenchmark -Path $one -Database $Database | Out-Null

        $lines = @(Import-CanopyBenchmark -Path $one -Database $Database -Force -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $lines | Should -Contain "Performing the operation ""Replace its 1 row with $one"" on target ""benchmark 'one' in $Database""."
        $lines | Where-Object { $_ -like 'Read CSV*' } | Should -BeLike "*: stored 1 row and rejected 0 in *"
    }

    It 'keeps the cache as it was when a warning stops the import' {
        $old = New-BenchmarkFile 'kept.csv' "arch,acc`n$First,1`n"
        $commas = New-BenchmarkFile 'commas.csv' "arch;acc`n$First;`"93,5`"`n$Best;`"94,1`"`n"
        Import-CanopyBenchmark -Path $old -Name bench -Database $Database | Out-Null

        { Import-CanopyBenchmark -Path $commas -Name bench -Database $Database -Force -WarningAction Stop } | Should -Throw
        { Import-CanopyBenchmark -Path $commas -Database $Database -WarningAction Stop } | Should -Throw
        $names = @((Get-CanopyBenchmark -Database $Database).Name)
        $kept = @(Get-CanopyBenchmark -Name bench -Database $Database)

        $names | Should -Be @('bench')
        $kept.Count | Should -Be 1
        $kept[0].acc | Should -Be 1
    }

    It 'rejects an existing name without -Force and replaces it with -Force' {
        $old = New-BenchmarkFile 'old.csv' "arch,acc`n$First,1`n"
        $new = New-BenchmarkFile 'new.csv' "arch,acc`n$Best,2`n$First,3`n"
        Import-CanopyBenchmark -Path $old -Name bench -Database $Database | Out-Null

        $refused = Import-CanopyBenchmark -Path $new -Name bench -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue
        $rowsAfterRefusal = (Get-CanopyBenchmark -Database $Database).Rows
        $replaced = Import-CanopyBenchmark -Path $new -Name bench -Database $Database -Force

        $refused | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkExists,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $problems[0].Exception.Message | Should -BeLike '*-Force*'
        $rowsAfterRefusal | Should -Be 1
        $replaced.Replaced | Should -BeTrue
        (Get-CanopyBenchmark -Database $Database).Rows | Should -Be 2
    }

    It 'writes nothing under -WhatIf' {
        $path = New-BenchmarkFile 'whatif.csv' "arch,acc`n$First,1`n"

        $result = Import-CanopyBenchmark -Path $path -Database $Database -WhatIf

        $result | Should -BeNullOrEmpty
        Test-Path $Database | Should -BeFalse
    }

    It 'reports bad rows with their line numbers and stores the rest' {
        $path = New-BenchmarkFile 'mixed.csv' "arch,acc`n$First,1`n,2`nnot-a-cell,3`n$Best,4`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary.RowsStored | Should -Be 2
        $summary.RowsRejected | Should -Be 2
        $summary.Rejections.LineNumber | Should -Be @(3, 4)
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkRowInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception.Message | Should -BeLike '*mixed.csv, line 3:*empty*'
        $problems[0].TargetObject.acc | Should -Be 2
        $problems[1].Exception.Message | Should -BeLike "*line 4:*'not-a-cell' is invalid*"
        $problems[1].Exception.Message | Should -Not -BeLike '*.. The row*'
        $problems[1].Exception.Message | Should -BeLike '*. The row was not stored.'
    }

    It 'warns about a header column without a name' {
        $path = New-BenchmarkFile 'unnamed.csv' "arch,,acc`n$First,x,1`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -WarningVariable warnings -WarningAction SilentlyContinue
        $record = Get-CanopyBenchmark -Name unnamed -Database $Database

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Be "${path}: Column 2 of the header has no name, so it is stored as 'H1', the name Import-Csv gives it."
        $summary.Warnings | Should -Be @("Column 2 of the header has no name, so it is stored as 'H1', the name Import-Csv gives it.")
        $record.H1 | Should -BeExactly 'x'
    }

    It 'warns once about nested JSON values and keeps JSON types' {
        $path = New-BenchmarkFile 'typed.json' "[{`"arch`": `"$First`", `"acc`": `"93.5`", `"ok`": true, `"curve`": [1, 2]}, {`"arch`": `"$Best`", `"acc`": 94.1, `"ok`": false, `"curve`": [3]}]"

        Import-CanopyBenchmark -Path $path -Database $Database -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $records = @(Get-CanopyBenchmark -Name typed -Database $Database)

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "*column 'curve' are JSON objects or arrays, so they are stored as their JSON text.*"
        $records[0].acc | Should -BeOfType [string]
        $records[0].acc | Should -BeExactly '93.5'
        $records[1].acc | Should -BeOfType [double]
        $records[0].ok | Should -BeOfType [long]
        $records[0].ok | Should -Be 1
        $records[1].ok | Should -Be 0
        $records[0].curve | Should -BeExactly '[1, 2]'
    }

    It 'gives no warning for a flat file with named columns' {
        $path = New-BenchmarkFile 'flat.csv' "arch,acc`n$First,1`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -WarningVariable warnings

        $warnings.Count | Should -Be 0
        $summary.Warnings.Count | Should -Be 0
    }

    It 'names the columns when no architecture column is found' {
        $path = New-BenchmarkFile 'noarch.csv' "name,acc`nx,1`n"

        Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureColumnNotFound,*'
        $problems[0].Exception.Message | Should -BeLike "*'name', 'acc'*-ArchitectureProperty*"
    }

    It 'explains that an index column is no architecture column' {
        $path = New-BenchmarkFile 'indexed.csv' "index,acc`n9930,93.1`n12,90`n"

        Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureColumnNotFound,*'
        $problems[0].Exception.Message | Should -BeLike "*The column 'index' contains benchmark indices. A benchmark index is not an architecture.*api.arch(index)*Get-CanopyArchitecture -SearchSpace NatsSize | Where-Object BenchmarkIndex -eq <index>*"
    }

    It 'explains a number in the architecture column once per row' {
        $path = New-BenchmarkFile 'numbers.csv' "arch,acc`n$First,1`n9930,2`n12,3`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary.RowsStored | Should -Be 1
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkRowInvalid,*'
        $problems[0].Exception.Message | Should -BeLike "*line 3:*'9930' is a whole number, not an architecture. A benchmark index is not an architecture.*"
        $problems[1].Exception.Message | Should -BeLike "*line 4:*'12' is a whole number*"
    }

    It 'takes the architecture column from -ArchitectureProperty' {
        $path = New-BenchmarkFile 'cells.csv' "id,cell,acc`n1,$First,1`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -ArchitectureProperty cell

        $summary.ArchitectureColumn | Should -Be 'cell'
        $summary.RowsStored | Should -Be 1
    }

    It 'builds MLP strings from LayerWidths and InputDimension' {
        $path = New-BenchmarkFile 'mlp_sweep.csv' "LayerWidths,InputDimension,Val Acc (%)`n`"64,128,64`",784,91.5`n64-128-64,,88`n`"64,x`",784,10`n`"16,16`",0,11`n`"32,32`",784,80.25`n16,784,70`n"

        $summary = Import-CanopyBenchmark -Path $path -Name mlp -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue
        $records = @(Get-CanopyBenchmark -Name mlp -Database $Database)

        $summary.ArchitectureColumn | Should -Be 'LayerWidths'
        $summary.RowsStored | Should -Be 4
        $records.LayerWidths | Should -Be @('mlp:784:64-128-64', 'mlp:3072:64-128-64', 'mlp:784:32-32', 'mlp:784:16')
        $records[1].InputDimension | Should -BeNullOrEmpty
        $records[0].SearchSpace | Should -Be 'Mlp'
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkRowInvalid,*'
        $problems[0].Exception.Message | Should -BeLike "*mlp_sweep.csv, line 4: the widths '64,x' in column 'LayerWidths' are invalid: The layer width 'x' is not a whole number. The row was not stored."
        $problems[1].FullyQualifiedErrorId | Should -BeLike 'BenchmarkRowInvalid,*'
        $problems[1].Exception.Message | Should -BeLike "*line 5: InputDimension '0' is invalid; it must be a whole number from 1 to 1099511627776. The row was not stored."
    }

    It 'reads a named widths column with -SearchSpace Mlp and -InputDimension' {
        $path = New-BenchmarkFile 'own_sweep.csv' "run,hidden,input_dim,acc`n1,32-512-256,784,0.9`n2,`"[512, 64]`",784,0.91`n3,`"(512,)`",784,0.88`n"

        $summary = Import-CanopyBenchmark -Path $path -Name own -Database $Database -ArchitectureProperty hidden -SearchSpace Mlp -InputDimension 784 -WarningVariable warnings
        $records = @(Get-CanopyBenchmark -Name own -Database $Database)

        $summary.RowsStored | Should -Be 3
        $records.hidden | Should -Be @('mlp:784:32-512-256', 'mlp:784:512-64', 'mlp:784:512')
        $warnings.Count | Should -Be 0
    }

    It 'warns that -InputDimension does not apply to a column of architecture strings' {
        $path = New-BenchmarkFile 'cells.csv' "arch,acc`n$First,1`n"

        $summary = Import-CanopyBenchmark -Path $path -Name cells -Database $Database -InputDimension 784 -WarningVariable warnings -WarningAction SilentlyContinue

        $summary.RowsStored | Should -Be 1
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*-InputDimension 784 applies to a column of MLP widths, and the column 'arch' holds architecture strings, so it was not used.*"
    }

    It 'warns about MLP rows stored with the default input dimension' {
        $path = New-BenchmarkFile 'own_sweep.csv' "run,hidden,input_dim,acc`n1,32-512-256,784,0.9`n2,64,,0.5`n"

        Import-CanopyBenchmark -Path $path -Name own -Database $Database -ArchitectureProperty hidden -SearchSpace Mlp -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $records = @(Get-CanopyBenchmark -Name own -Database $Database)

        $records.hidden | Should -Be @('mlp:3072:32-512-256', 'mlp:3072:64')
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*2 MLP rows had no InputDimension value, so the default of 3072 inputs*The column 'input_dim' was not read as the input dimension. Give -InputDimension*"
    }

    It 'gives MLP rows the scores Get-TropicalScore gives the file' {
        $path = New-BenchmarkFile 'mlp_sweep.csv' "LayerWidths,InputDimension,Val Acc (%)`n`"64,128,64`",784,91.5`n64-128-64,,88`n`"32,32`",784,80.25`n16,784,70`n"
        Import-CanopyBenchmark -Path $path -Name mlp -Database $Database | Out-Null

        $fromFile = @(Import-Csv -LiteralPath $path | Get-TropicalScore)
        $fromCache = @(Get-CanopyBenchmark -Name mlp -Database $Database | Get-TropicalScore)
        $found = @(Get-CanopyBenchmark -Name mlp -Architecture 'mlp:3072:64-128-64', 'mlp:784:16' -Database $Database)
        $correlation = Get-CanopyBenchmark -Name mlp -Database $Database | Get-TropicalScore | Measure-ProxyCorrelation 'Val Acc (%)' -Proxy ParameterCount

        $fromCache.TropicalScore | Should -Be $fromFile.TropicalScore
        $fromCache.ParameterCount | Should -Be $fromFile.ParameterCount
        $fromCache[1].ParameterCount | Should -Be 213248
        $found.'Val Acc (%)' | Should -Be @(88, 70)
        $correlation.Count | Should -Be 4
        $correlation.Spearman | Should -Be 0.8
    }

    It 'supplies MLP targets to Invoke-CanopySearch' {
        $path = New-BenchmarkFile 'tiny.csv' "Widths,InputDimension,acc`n`"16 16`",784,75`n16,784,70`n"
        Import-CanopyBenchmark -Path $path -Name tiny -Database $Database -ArchitectureProperty Widths -SearchSpace Mlp | Out-Null

        $result = Invoke-CanopySearch -SearchSpace Mlp -Benchmark tiny -Target acc -Database $Database -InputDimension 784 -DepthRange 1, 2 -WidthRange 16, 16 -Budget 10 -Seed 1 -Summary

        $result.Architecture | Should -Be 'mlp:784:16-16'
        $result.Target | Should -Be 75
    }

    It 'names the record of a rejected row in compact JSON' {
        $path = New-BenchmarkFile 'compact.json' "[{`"arch`": `"$Best`", `"acc`": 1},{`"arch`": `"bogus`", `"acc`": 2},{`"arch`": `"$First`", `"acc`": 3}]"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary.RowsStored | Should -Be 2
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike "*compact.json, line 1 (record 2): the architecture 'bogus' is invalid*"
    }

    It 'reads gzip-compressed CSV and JSON arrays' {
        $gzipPath = Join-Path $TestDrive 'packed.csv.gz'
        $bytes = [Text.Encoding]::UTF8.GetBytes("arch;acc`n$First;1,5`n")
        $file = [IO.File]::Create($gzipPath)
        $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Fastest)
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose(); $file.Dispose()
        $jsonPath = New-BenchmarkFile 'records.json' "[{`"arch_str`": `"$Best`", `"acc`": 94.37}]"

        $summaries = Import-CanopyBenchmark -Path $gzipPath, $jsonPath -Database $Database

        $summaries.Name | Should -Be @('packed', 'records')
        $summaries.Format | Should -Be @('CSV (gzip)', 'JSON')
        (Get-CanopyBenchmark -Name packed -Database $Database).acc | Should -Be '1,5'
        (Get-CanopyBenchmark -Name records -Database $Database).acc | Should -Be 94.37
    }

    It 'takes files from Get-ChildItem' {
        $folder = Join-Path $TestDrive 'many'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -Path (Join-Path $folder 'a.csv') -Value "arch,acc`n$First,1"
        Set-Content -Path (Join-Path $folder 'b.csv') -Value "arch,acc`n$Best,2"

        $summaries = Get-ChildItem $folder -Filter *.csv | Import-CanopyBenchmark -Database $Database

        $summaries.Name | Should -Be @('a', 'b')
    }

    It 'reports a missing file and a -Name that would cover several files' {
        Import-CanopyBenchmark -Path (Join-Path $TestDrive 'absent.csv') -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileNotFound,*'
        $a = New-BenchmarkFile 'x1.csv' "arch`n$First`n"
        $b = New-BenchmarkFile 'x2.csv' "arch`n$Best`n"
        { Import-CanopyBenchmark -Path $a, $b -Name both -Database $Database -ErrorAction Stop } | Should -Throw -ErrorId 'BenchmarkNameAmbiguous,*'
    }

    It 'takes piped files whose names contain brackets' {
        $path = New-BenchmarkFile 'br[1].csv' "arch,acc`n$First,1`n"

        $summary = Get-ChildItem -LiteralPath $path | Import-CanopyBenchmark -Database $Database -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        $summary.Name | Should -Be 'br[1]'
        $summary.Source | Should -Be $path
        (Import-CanopyBenchmark -LiteralPath $path -Name literal -Database $Database).RowsStored | Should -Be 1
    }

    It 'reports a -Path pattern that matches no file' {
        $path = New-BenchmarkFile 'br[1].csv' "arch,acc`n$First,1`n"

        Import-CanopyBenchmark -Path $path, (Join-Path $TestDrive 'nomatch*.csv') -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be $path
        $problems[0].Exception.Message | Should -Be "No file matches the path '$path'. To take '[' and ']' as part of a file name, use -LiteralPath."
        $problems[1].Exception.Message | Should -Be "No file matches the path '$(Join-Path $TestDrive 'nomatch*.csv')'."
    }

    It 'resolves wildcards and relative paths against the location' {
        $folder = Join-Path $TestDrive 'wildcards'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -Path (Join-Path $folder 'one.csv') -Value "arch,acc`n$First,1"
        Set-Content -Path (Join-Path $folder 'two.csv') -Value "arch,acc`n$Best,2"

        Push-Location $folder
        try {
            $summaries = Import-CanopyBenchmark -Path '*.csv' -Database $Database
            $literal = Import-CanopyBenchmark -LiteralPath 'one.csv' -Name again -Database $Database
        }
        finally {
            Pop-Location
        }

        $summaries.Source | Should -Be @((Join-Path $folder 'one.csv'), (Join-Path $folder 'two.csv'))
        $literal.Source | Should -Be (Join-Path $folder 'one.csv')
    }

    It 'reads file system paths only' {
        Import-CanopyBenchmark -Path Env:/PATH -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkPathInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].Exception.Message | Should -Be "The path 'Env:/PATH' is on the Environment provider, but Import-CanopyBenchmark reads file system paths only. Give the path of a CSV or JSON file."
        Test-Path $Database | Should -BeFalse
    }

    It 'reports a folder given as -Path' {
        $folder = Join-Path $TestDrive 'not-a-file'
        New-Item -ItemType Directory -Path $folder | Out-Null

        Import-CanopyBenchmark -Path $folder -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkPathInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $folder
        $problems[0].Exception.Message | Should -Be "$folder is a folder. Give the path of a CSV or JSON file."
        Test-Path $Database | Should -BeFalse
    }

    It 'explains that piped records are not files' {
        $path = New-BenchmarkFile 'records.csv' "arch,acc`n$First,1`n$Best,2`n$First,3`n"

        $problem = { Import-Csv $path | Import-CanopyBenchmark -Database $Database -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'BenchmarkPathInvalid,*' -PassThru

        $problem.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problem.Exception.Message | Should -BeLike 'Import-CanopyBenchmark reads benchmark files, but it received the record @{arch=*acc=1} in place of a path. Save the records to a file with Export-Csv, then import that file.'
        Test-Path $Database | Should -BeFalse
    }

    It 'rejects a blank -Name' {
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n"

        { Import-CanopyBenchmark -Path $path -Name '   ' -Database $Database -ErrorAction Stop } | Should -Throw -ErrorId 'BenchmarkNameInvalid,*'
        { Import-CanopyBenchmark -Path $path -Name '' -Database $Database } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        Test-Path $Database | Should -BeFalse
    }

    It 'rejects a -Name with outer spaces' {
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n"

        { Import-CanopyBenchmark -Path $path -Name '  spaced ' -Database $Database -ErrorAction Stop } |
            Should -Throw -ErrorId 'BenchmarkNameInvalid,*' -ExpectedMessage "*starts or ends with white space*such as 'spaced'*"
        Test-Path $Database | Should -BeFalse
    }

    It 'rejects a -Name with a Unicode line separator' {
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n"

        { Import-CanopyBenchmark -Path $path -Name "two$([char]0x2028)lines" -Database $Database -ErrorAction Stop } |
            Should -Throw -ErrorId 'BenchmarkNameInvalid,*' -ExpectedMessage '-Name contains the line separator character U+2028 at position 4.*'
    }

    # Format characters (Unicode category Cf) are invisible. Positions count UTF-16 code units, so the emoji takes two.
    It 'rejects a -Name that <Problem>' -ForEach @(
        @{ Name = "two`nlines"; Problem = 'contains the control character U+000A at position 4'; Advice = 'Give a benchmark name without line breaks, tabs or other control characters.' }
        @{ Name = "tab`there"; Problem = 'contains the control character U+0009 at position 4'; Advice = 'Give a benchmark name without line breaks, tabs or other control characters.' }
        @{ Name = "del$([char]0x7F)"; Problem = 'contains the control character U+007F at position 4'; Advice = 'Give a benchmark name without line breaks, tabs or other control characters.' }
        @{ Name = "nel$([char]0x85)x"; Problem = 'contains the control character U+0085 at position 4'; Advice = 'Give a benchmark name without line breaks, tabs or other control characters.' }
        @{ Name = 'nats' + [char]0x200B + 'bench'; Problem = 'contains the invisible format character U+200B at position 5'; Advice = "Give the name without format characters, such as 'natsbench'." }
        @{ Name = 'ab' + [char]0x200D; Problem = 'contains the invisible format character U+200D at position 3'; Advice = "Give the name without format characters, such as 'ab'." }
        @{ Name = 'a ' + [char]0x200C + 'b'; Problem = 'contains the invisible format character U+200C at position 3'; Advice = "Give the name without format characters, such as 'a b'." }
        @{ Name = 'nats' + [char]0x200C + 'bench'; Problem = 'contains the invisible format character U+200C at position 5'; Advice = "Give the name without format characters, such as 'natsbench'." }
        @{ Name = [char]0xFEFF + 'sweep'; Problem = 'contains the invisible format character U+FEFF at position 1'; Advice = "Give the name without format characters, such as 'sweep'." }
        @{ Name = 'sweep' + [char]0x2060; Problem = 'contains the invisible format character U+2060 at position 6'; Advice = "Give the name without format characters, such as 'sweep'." }
        @{ Name = 'soft' + [char]0xAD + 'hyphen'; Problem = 'contains the invisible format character U+00AD at position 5'; Advice = "Give the name without format characters, such as 'softhyphen'." }
        @{ Name = 'tag' + [char]::ConvertFromUtf32(0xE0001); Problem = 'contains the invisible format character U+E0001 at position 4'; Advice = "Give the name without format characters, such as 'tag'." }
        @{ Name = 'x' + [char]::ConvertFromUtf32(0x1F3F4) + [char]::ConvertFromUtf32(0xE0061); Problem = 'contains the invisible format character U+E0061 at position 4'; Advice = "Give the name without format characters, such as 'x$([char]::ConvertFromUtf32(0x1F3F4))'." }
        @{ Name = 'x' + [char]::ConvertFromUtf32(0x1F3F4) + (-join (0xE0067, 0xE0062, 0xE0065, 0xE006E, 0xE0067 | ForEach-Object { [char]::ConvertFromUtf32($_) })); Problem = 'contains 5 invisible format characters, the first U+E0067 at position 4'; Advice = "Give the name without format characters, such as 'x$([char]::ConvertFromUtf32(0x1F3F4))'." }
        @{ Name = [char]::ConvertFromUtf32(0x1F600) + [char]0x200B + 'x'; Problem = 'contains the invisible format character U+200B at position 3'; Advice = "Give the name without format characters, such as '$([char]::ConvertFromUtf32(0x1F600))x'." }
        @{ Name = ' sweep' + [char]0x200B; Problem = 'contains the invisible format character U+200B at position 7'; Advice = "Give the name without format characters, such as 'sweep'." }
        @{ Name = "a`tb" + [char]0x200B; Problem = 'contains the invisible format character U+200B at position 4'; Advice = 'Give a benchmark name without control or format characters.' }
        @{ Name = [string][char]0x200B; Problem = 'is blank apart from the invisible format character U+200B at position 1'; Advice = 'Give a benchmark name, or leave out -Name to name the benchmark after its file.' }
        @{ Name = ' ' + [char]0x2060 + ' '; Problem = 'is blank apart from the invisible format character U+2060 at position 2'; Advice = 'Give a benchmark name, or leave out -Name to name the benchmark after its file.' }
        @{ Name = [string][char]0x3000 + [char]0xFEFF + [char]0x200B; Problem = 'is blank apart from 2 invisible format characters, the first U+FEFF at position 2'; Advice = 'Give a benchmark name, or leave out -Name to name the benchmark after its file.' }
    ) {
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n"

        $failure = { Import-CanopyBenchmark -Path $path -Name $Name -Database $Database -ErrorAction Stop } |
            Should -Throw -ErrorId 'BenchmarkNameInvalid,*' -PassThru

        $failure.Exception.Message | Should -Be "-Name $Problem. $Advice"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be $Name
        Test-Path $Database | Should -BeFalse
    }

    # Joiners inside joining scripts and emoji sequences, flag tags and the Arabic number sign are drawn.
    It 'accepts the visible format characters of <Label>' -ForEach @(
        @{ Label = 'a Persian word'; Name = 'نتایج' + [char]0x200C + 'ها' }
        @{ Label = 'an emoji sequence'; Name = 'team-' + [char]::ConvertFromUtf32(0x1F468) + [char]0x200D + [char]::ConvertFromUtf32(0x1F4BB) }
        @{ Label = 'an Arabic number sign'; Name = [char]0x0600 + '2024' }
        @{ Label = 'a Devanagari conjunct'; Name = 'क' + [char]0x094D + [char]0x200D + 'ष' }
        @{ Label = 'the flag of England'; Name = 'uk-' + [char]::ConvertFromUtf32(0x1F3F4) + (-join (0xE0067, 0xE0062, 0xE0065, 0xE006E, 0xE0067, 0xE007F | ForEach-Object { [char]::ConvertFromUtf32($_) })) }
    ) {
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n"

        $summary = Import-CanopyBenchmark -Path $path -Name $Name -Database $Database

        $summary.Name | Should -Be $Name
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @($Name)
    }

    It 'rejects a file name with a format character' -ForEach @(
        @{ FileName = [char]0x200B + 'sweep.csv'; Problem = 'contains the invisible format character U+200B at position 1' }
        @{ FileName = [char]0xFEFF + '.csv'; Problem = 'is blank apart from the invisible format character U+FEFF at position 1' }
    ) {
        $path = New-BenchmarkFile $FileName "arch,acc`n$First,1`n"
        $other = New-BenchmarkFile 'visible.csv' "arch,acc`n$First,1`n"

        $summaries = Import-CanopyBenchmark -LiteralPath $path, $other -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkNameInvalid,*'
        $problems[0].Exception.Message | Should -Be "The benchmark name taken from the file name of $path $Problem. Give a name without format characters with -Name."
        $problems[0].TargetObject | Should -Be $path
        @($summaries).Name | Should -Be @('visible')
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('visible')
    }

    It 'rejects a file name with a control character' {
        $path = New-BenchmarkFile "two`nlines.csv" "arch,acc`n$First,1`n"
        $shown = Join-Path $TestDrive "two$([char]0xFFFD)lines.csv"

        Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkNameInvalid,*'
        $problems[0].Exception.Message | Should -Be "The benchmark name taken from the file name of $shown contains the control character U+000A at position 4. Give a name without control characters with -Name."
        $problems[0].TargetObject | Should -Be $path
        Get-CanopyBenchmark -Database $Database -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'uses CANOPY_DATABASE when -Database is not given' {
        $path = New-BenchmarkFile 'fromenv.csv' "arch,acc`n$First,1`n"
        $saved = $env:CANOPY_DATABASE
        try {
            $env:CANOPY_DATABASE = $Database
            $summary = Import-CanopyBenchmark -Path $path
        }
        finally {
            $env:CANOPY_DATABASE = $saved
        }

        $summary.Database | Should -Be $Database
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be 'fromenv'
    }

    It 'resolves a relative CANOPY_DATABASE against the current location' {
        $path = New-BenchmarkFile 'relative.csv' "arch,acc`n$First,1`n"
        $folder = Join-Path $TestDrive 'relative'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $saved = $env:CANOPY_DATABASE
        Push-Location $folder
        try {
            $env:CANOPY_DATABASE = 'relative.db'
            $summary = Import-CanopyBenchmark -Path $path
            $listed = @(Get-CanopyBenchmark)
        }
        finally {
            Pop-Location
            $env:CANOPY_DATABASE = $saved
        }

        $summary.Database | Should -Be (Join-Path $folder 'relative.db')
        $listed.Name | Should -Be 'relative'
    }

    It 'completes -ArchitectureProperty with the default column names, not file names' {
        $line = 'Import-CanopyBenchmark -Path x.csv -ArchitectureProperty '
        $completions = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText

        $completions | Should -Be @('ArchitectureString', 'arch_str', 'arch', 'Architecture', 'genotype', 'arch_repr', 'LayerWidths', 'Widths')
    }

    It 'completes -ArchitectureProperty with the columns of the file on the line' {
        $path = New-BenchmarkFile 'own columns.csv' "run,naslib arch,arch,acc`n1,$First,$First,0.9`n"
        $folder = Split-Path $path

        Push-Location $folder
        try {
            $line = "Import-CanopyBenchmark -LiteralPath './own columns.csv' -ArchitectureProperty "
            $all = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
            $line = "Import-CanopyBenchmark './own col*.csv' -ArchitectureProperty na"
            $prefixed = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
        }
        finally {
            Pop-Location
        }

        $all | Should -Be @('run', "'naslib arch'", 'arch', 'acc', 'ArchitectureString', 'arch_str', 'Architecture', 'genotype', 'arch_repr', 'LayerWidths', 'Widths')
        $prefixed | Should -Be @("'naslib arch'")
    }

    It 'rejects a device or a named pipe at once' -Skip:$IsWindows {
        $folder = Join-Path $TestDrive 'special-import'
        New-Item -ItemType Directory -Path $folder | Out-Null
        New-Item -ItemType SymbolicLink -Path (Join-Path $folder 'zero.csv') -Target '/dev/zero' | Out-Null
        & mkfifo (Join-Path $folder 'pipe.csv')

        foreach ($name in 'zero.csv', 'pipe.csv') {
            Import-CanopyBenchmark -LiteralPath (Join-Path $folder $name) -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems.Count | Should -Be 1 -Because "$name cannot be read to its end"
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileInvalid,*'
            $problems[0].Exception.Message | Should -BeLike '*empty or not a regular file, such as a device or a named pipe*'
        }
    }

    It 'completes -ArchitectureProperty with default names for a device or a named pipe' -Skip:$IsWindows {
        $folder = Join-Path $TestDrive 'special'
        New-Item -ItemType Directory -Path $folder | Out-Null
        New-Item -ItemType SymbolicLink -Path (Join-Path $folder 'zero.csv') -Target '/dev/zero' | Out-Null
        & mkfifo (Join-Path $folder 'pipe.csv')

        $defaults = @('ArchitectureString', 'arch_str', 'arch', 'Architecture', 'genotype', 'arch_repr', 'LayerWidths', 'Widths')
        foreach ($name in 'zero.csv', 'pipe.csv') {
            $line = "Import-CanopyBenchmark -LiteralPath '$(Join-Path $folder $name)' -ArchitectureProperty "
            $completions = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText

            $completions | Should -Be $defaults -Because "$name has no header to read"
        }
    }

    It 'completes benchmark names from the cache' {
        $path = New-BenchmarkFile 'nats_small.csv' "arch,acc`n$First,1`n"
        Import-CanopyBenchmark -Path $path -Database $Database | Out-Null
        Import-CanopyBenchmark -Path $path -Name 'with space' -Database $Database | Out-Null

        $line = "Import-CanopyBenchmark -Database '$Database' -Path x -Name nat"
        $natsMatches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $line = "Get-CanopyBenchmark -Database '$Database' -Name wi"
        $spaceMatches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $natsMatches.CompletionText | Should -Be @('nats_small')
        $spaceMatches.CompletionText | Should -Be @("'with space'")
    }

    It 'keeps the old benchmark when an import is stopped' {
        $old = New-BenchmarkFile 'old.csv' "arch,acc`n$First,1`n"
        Import-CanopyBenchmark -Path $old -Name bench -Database $Database | Out-Null
        $block = [Text.StringBuilder]::new()
        foreach ($i in 1..10000) { [void]$block.Append("$Best,$i.5`n") }
        $large = Join-Path $TestDrive 'large.csv'
        $writer = [IO.StreamWriter]::new($large)
        $writer.Write("arch,acc`n")
        foreach ($i in 1..40) { $writer.Write($block.ToString()) }
        $writer.Dispose()

        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$env:CANOPY_MODULE_MANIFEST'; Import-CanopyBenchmark -Path '$large' -Name bench -Database '$Database' -Force")
        $running = $shell.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        # The log file comes and goes while connections open and close, so a failed look counts as not yet.
        $walGrown = { $wal = Get-Item "$Database-wal" -ErrorAction SilentlyContinue; $null -ne $wal -and $wal.Length -gt 1MB }
        while (-not $running.IsCompleted -and [DateTime]::UtcNow -lt $deadline -and -not (& $walGrown)) {
            Start-Sleep -Milliseconds 20
        }
        $completedBeforeStop = $running.IsCompleted
        $shell.Stop()
        $shell.Dispose()

        $completedBeforeStop | Should -BeFalse -Because 'the import must still run when it is stopped'
        $records = @(Get-CanopyBenchmark -Name bench -Database $Database)
        $records.Count | Should -Be 1
        $records[0].acc | Should -Be 1
    }

    It 'rejects a gzip file whose data ends early and keeps the old benchmark' {
        $old = New-BenchmarkFile 'old.csv' "arch,acc`n$First,1`n"
        Import-CanopyBenchmark -Path $old -Name bench -Database $Database | Out-Null
        $text = [Text.StringBuilder]::new("arch,acc`n")
        foreach ($i in 1..3000) { [void]$text.Append("$Best,$i.5`n") }
        $bytes = [Text.Encoding]::UTF8.GetBytes($text.ToString())
        $packed = [IO.MemoryStream]::new()
        $gzip = [IO.Compression.GZipStream]::new($packed, [IO.Compression.CompressionLevel]::Optimal, $true)
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose()
        $whole = $packed.ToArray()
        $half = Join-Path $TestDrive 'half.csv.gz'
        [IO.File]::WriteAllBytes($half, $whole[0..($whole.Length / 2)])

        $summary = Import-CanopyBenchmark -Path $half -Name bench -Database $Database -Force -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be $half
        $problems[0].Exception.Message | Should -BeLike "$half, line *: The gzip-compressed data ends early, so the file is truncated.*"
        $records = @(Get-CanopyBenchmark -Name bench -Database $Database)
        $records.Count | Should -Be 1
        $records[0].acc | Should -Be 1
    }

    It 'rejects a file whose last row is cut off and keeps the old benchmark (<File>)' -TestCases @(
        @{ File = 'cut.csv'; Ending = ''; Gzip = $false }
        @{ File = 'cut-newline.csv'; Ending = "`n"; Gzip = $false }
        @{ File = 'cut.csv.gz'; Ending = ''; Gzip = $true }
    ) {
        $whole = Get-WholeBenchmarkText
        Import-CanopyBenchmark -Path (New-BenchmarkFile 'whole.csv' $whole) -Name keep -Database $Database | Out-Null
        $cut = $whole.Substring(0, $whole.Length - 8) + $Ending
        $path = if ($Gzip) { New-GzipBenchmarkFile $File $cut } else { New-BenchmarkFile $File $cut }

        $summary = Import-CanopyBenchmark -Path $path -Name keep -Force -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be $path
        $problems[0].Exception.Message | Should -Be ("$path, line 21: The last record has 2 of the header's 4 fields, so the file looks truncated in the middle of a row. " +
            'Nothing was stored, so the cache, including any benchmark stored earlier under this name, is unchanged. Complete the last row or remove it, then import the file again.')
        $records = @(Get-CanopyBenchmark -Name keep -Database $Database)
        $records.Count | Should -Be 20
        $records[19].acc | Should -Be 20
        $records[19].seed | Should -Be 20
    }

    It 'rejects a file that ends inside a quoted field' {
        $path = New-BenchmarkFile 'open.csv' "arch,acc,note`n$First,1,ok`n$Best,2,`"seed 3"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileInvalid,*'
        $problems[0].Exception.Message | Should -BeLike "$path, line 3: The quoted field '`"seed 3' in the last record is not closed before the end of the file, so the file looks truncated. Nothing was stored,*"
        Get-CanopyBenchmark -Database $Database | Should -BeNullOrEmpty
    }

    It 'stops at a cut-off file under -ErrorAction Stop and imports the next file otherwise' {
        $whole = Get-WholeBenchmarkText
        $wholePath = New-BenchmarkFile 'whole.csv' $whole
        $cutPath = New-BenchmarkFile 'cut.csv' $whole.Substring(0, $whole.Length - 8)

        $stopped = { Import-CanopyBenchmark -Path $cutPath, $wholePath -Database $Database -ErrorAction Stop }
        $stopped | Should -Throw -ErrorId 'BenchmarkFileInvalid,*'
        $afterStop = @(Get-CanopyBenchmark -Database $Database)
        $summaries = @(Import-CanopyBenchmark -Path $cutPath, $wholePath -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue)

        $afterStop | Should -BeNullOrEmpty
        $summaries.Name | Should -Be @('whole')
        $summaries[0].RowsStored | Should -Be 20
        $problems.Count | Should -Be 1
        $problems[0].TargetObject | Should -Be $cutPath
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('whole')
    }

    It 'reads no file under -WhatIf, so a cut-off file raises no error' {
        $whole = Get-WholeBenchmarkText
        Import-CanopyBenchmark -Path (New-BenchmarkFile 'whole.csv' $whole) -Name keep -Database $Database | Out-Null
        $cutPath = New-BenchmarkFile 'cut.csv' $whole.Substring(0, $whole.Length - 8)

        $result = Import-CanopyBenchmark -Path $cutPath -Name keep -Force -Database $Database -WhatIf -ErrorVariable problems

        $result | Should -BeNullOrEmpty
        $problems.Count | Should -Be 0
        @(Get-CanopyBenchmark -Name keep -Database $Database).Count | Should -Be 20
    }

    It 'creates no benchmark from a file without records' {
        $old = New-BenchmarkFile 'old.csv' "arch,acc`n$First,1`n"
        Import-CanopyBenchmark -Path $old -Name bench -Database $Database | Out-Null
        $header = New-BenchmarkFile 'header.csv' "arch,acc`n"

        $new = Import-CanopyBenchmark -Path $header -Database $Database -ErrorVariable newProblems -ErrorAction SilentlyContinue
        $replaced = Import-CanopyBenchmark -Path $header -Name bench -Database $Database -Force -ErrorVariable forceProblems -ErrorAction SilentlyContinue

        $new | Should -BeNullOrEmpty
        $replaced | Should -BeNullOrEmpty
        $newProblems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkEmpty,*'
        $newProblems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $newProblems[0].TargetObject | Should -Be $header
        $newProblems[0].Exception.Message | Should -Be "$header has a header but no records, so nothing was imported and the cache is unchanged."
        $forceProblems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkEmpty,*'
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('bench')
        (Get-CanopyBenchmark -Name bench -Database $Database).acc | Should -Be 1
    }

    It 'reports one error when every row is rejected' {
        $path = New-BenchmarkFile 'allbad.csv' "arch,acc`nnot-a-cell,1`n,2`n"

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkEmpty,*'
        $problems[0].Exception.Message | Should -BeLike "All 2 records of $path were rejected, so nothing was imported*The first was line 2: the architecture 'not-a-cell' is invalid*"
        Get-CanopyBenchmark -Database $Database | Should -BeNullOrEmpty
    }

    It 'stops with one error when the first 1,000 rows are rejected' {
        $text = [Text.StringBuilder]::new("arch,acc`n")
        foreach ($i in 1..1200) { [void]$text.Append("$First,$i`n") }
        $path = New-BenchmarkFile 'nats.csv' $text.ToString()

        $summary = Import-CanopyBenchmark -Path $path -SearchSpace Darts -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $summary | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkEmpty,*'
        $problems[0].Exception.Message | Should -BeLike "The first 1,000 records of $path were all rejected, so the import stopped*line 2: the architecture*-SearchSpace*"
        Get-CanopyBenchmark -Database $Database | Should -BeNullOrEmpty
    }

    It 'reports a folder given as -Database' {
        $folder = Join-Path $TestDrive 'cache-folder'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n"

        $problem = try { Import-CanopyBenchmark -Path $path -Database $folder -ErrorAction Stop; $null } catch { $_ }

        $problem.FullyQualifiedErrorId | Should -BeLike 'CacheUnavailable,*'
        $problem.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $problem.TargetObject | Should -Be $folder
        $problem.Exception.Message | Should -BeLike "The cache path $folder is a folder.*-Database*"
        Get-ChildItem $folder | Should -BeNullOrEmpty
    }

    It 'reports a read-only cache file and leaves the cache unchanged' {
        if (-not $FileModesApply) {
            Set-ItResult -Skipped -Because $FileModesSkipReason
            return
        }

        $more = New-ReadOnlyCache

        $problem = Invoke-BoundByFileModes "try { Import-CanopyBenchmark -Path '$more' -Database '$Database' -ErrorAction Stop | Out-Null } catch { `$_.FullyQualifiedErrorId; `$_.CategoryInfo.Category.ToString(); `$_.TargetObject; `$_.Exception.Message }"

        $problem[0] | Should -Be 'CacheUnavailable,Canopy.Commands.ImportCanopyBenchmarkCommand'
        $problem[1] | Should -Be 'ResourceUnavailable'
        $problem[2] | Should -Be $Database
        $problem[3] | Should -Be "The cache file $Database is read-only, so the import cannot write it. Make the file writable, or choose another -Database."
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be 'sweep'
        Test-Path "$Database-wal" | Should -BeFalse
        Test-Path "$Database-shm" | Should -BeFalse
    }

    It 'reads a read-only cache without side files that block imports' {
        if (-not $FileModesApply) {
            Set-ItResult -Skipped -Because $FileModesSkipReason
            return
        }

        $more = New-ReadOnlyCache

        $read = Invoke-BoundByFileModes "(Get-CanopyBenchmark -Database '$Database').Name; (Get-CanopyBenchmark -Name sweep -Database '$Database').acc"
        $sideFiles = Get-ChildItem "$Database-*"
        chmod 644 $Database
        $imported = Invoke-BoundByFileModes "(Import-CanopyBenchmark -Path '$more' -Database '$Database').RowsStored"

        $read | Should -Be @('sweep', '1')
        $sideFiles | Should -BeNullOrEmpty
        $imported | Should -Be '1'
    }

    It 'reports a file in the cache path' {
        $blocker = New-BenchmarkFile 'plain-file' 'not a folder'
        $database = Join-Path $blocker 'benchmarks.db'
        $path = New-BenchmarkFile 'sweep.csv' "arch,acc`n$First,1`n"

        $problem = try { Import-CanopyBenchmark -Path $path -Database $database -ErrorAction Stop; $null } catch { $_ }

        $problem.FullyQualifiedErrorId | Should -BeLike 'CacheUnavailable,*'
        $problem.TargetObject | Should -Be $database
        $problem.Exception.Message | Should -Be "The cache path $database cannot be used, because $blocker is a file, not a folder. Choose another -Database."
    }

    It 'completes nothing, and records no error, for a folder as -Database' {
        $folder = Join-Path $TestDrive 'completion-folder'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $errorsBefore = $Error.Count

        $line = "Get-CanopyBenchmark -Database '$folder' -Name "
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $completions | Should -BeNullOrEmpty
        $Error.Count | Should -Be $errorsBefore
    }

    It 'imports nats_bench.csv with the values Import-Csv reads' {
        if (-not (Test-Path $NatsFile)) {
            Set-ItResult -Skipped -Because "the benchmark data file $NatsFile is absent (set CANOPY_DATA to the data folder)"
            return
        }

        $summary = Import-CanopyBenchmark -Path $NatsFile -Name nats-tss -Database $Database
        $stored = @(Get-CanopyBenchmark -Name nats-tss -Database $Database)
        $expected = Import-Csv $NatsFile

        $summary.RowsStored | Should -Be 15625
        $summary.RowsRejected | Should -Be 0
        $stored.Count | Should -Be 15625
        $columns = 'CIFAR10TestAccuracy200Epochs', 'CIFAR100TestAccuracy200Epochs', 'ImageNetTestAccuracy200Epochs'
        $mismatches = 0
        for ($i = 0; $i -lt $expected.Count; $i++) {
            foreach ($column in $columns) {
                if ($stored[$i].$column -isnot [double] -or $stored[$i].$column -ne [double]$expected[$i].$column) { $mismatches++ }
            }
            if ($stored[$i].UniqueString -ne $expected[$i].UniqueString) { $mismatches++ }
        }
        $mismatches | Should -Be 0
        $stored[9930].CIFAR100TestAccuracy200Epochs | Should -Be 73.51333326009114
        $stored[9930].SearchSpace | Should -BeExactly 'NatsTopology'
    }
}

Describe 'Import-CanopyBenchmark while another connection writes' {
    BeforeAll {
        # A cache with one benchmark, whose write lock a write transaction on another connection holds, as another
        # process's import would.
        function New-LockedCache {
            $database = Join-Path $TestDrive "locked-$([guid]::NewGuid().ToString('N')).db"
            Import-CanopyBenchmark -Path (New-BenchmarkFile 'first.csv' "arch,acc`n$First,1`n") -Name first -Database $database | Out-Null
            $holder = [Microsoft.Data.Sqlite.SqliteConnection]::new("Data Source=$database;Pooling=False")
            $holder.Open()
            $begin = $holder.CreateCommand()
            $begin.CommandText = 'BEGIN IMMEDIATE;'
            $null = $begin.ExecuteNonQuery()
            return @{ Database = $database; Holder = $holder }
        }

        # Runs the script in another runspace until it says that it waits, then releases the lock and returns its output.
        function Invoke-AfterWait([hashtable] $Cache, [powershell] $Shell) {
            $running = $Shell.BeginInvoke()
            $waited = [System.Diagnostics.Stopwatch]::StartNew()
            while (-not ($Shell.Streams.Verbose.Message -like 'Another process is writing*') -and $waited.Elapsed.TotalSeconds -lt 20) { Start-Sleep -Milliseconds 50 }
            $Cache.Holder.Dispose()
            return $Shell.EndInvoke($running)
        }
    }

    It 'waits for the write lock, says so, then imports' {
        $cache = New-LockedCache
        $database = $cache.Database
        $second = New-BenchmarkFile 'second.csv' "arch,acc`n$Best,2`n"
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Manifest, $Database, $Path)
            Import-Module $Manifest
            Import-CanopyBenchmark -Path $Path -Name second -Database $Database -Verbose
        }).AddArgument($env:CANOPY_MODULE_MANIFEST).AddArgument($database).AddArgument($second)

        $summary = Invoke-AfterWait -Cache $cache -Shell $shell

        $shell.Streams.Verbose.Message | Should -Contain "Another process is writing $database. Waiting up to 30 s for it to finish; press Ctrl+C to stop."
        @($shell.Streams.Verbose.Message -like "Took the write lock of $database after waiting * s.").Count | Should -Be 1
        @($shell.Streams.Verbose.Message -like 'Stopped waiting*').Count | Should -Be 0
        $shell.Streams.Error | Should -BeNullOrEmpty
        $summary.RowsStored | Should -Be 1
        (Get-CanopyBenchmark -Database $database).Name | Should -Be @('first', 'second')

        # The wait's progress record ends when the lock is taken, before the import's own progress.
        $activities = @($shell.Streams.Progress | ForEach-Object { "$($_.Activity): $($_.RecordType)" })
        $activities[0..1] | Should -Be @('Waiting for the benchmark cache: Processing', 'Waiting for the benchmark cache: Completed')
        $activities[2..($activities.Count - 1)] | Should -Not -BeLike 'Waiting*'
        $shell.Dispose()
    }

    It 'says it took the write lock when the import then stops on a bad row' {
        $cache = New-LockedCache
        $database = $cache.Database
        $bad = New-BenchmarkFile 'bad-first-row.csv' "arch,acc`nnot-an-architecture,2`n$Best,3`n"
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Manifest, $Database, $Path)
            Import-Module $Manifest
            try { Import-CanopyBenchmark -Path $Path -Name bad -Database $Database -Verbose -ErrorAction Stop } catch { 'stopped' }
        }).AddArgument($env:CANOPY_MODULE_MANIFEST).AddArgument($database).AddArgument($bad)

        $output = Invoke-AfterWait -Cache $cache -Shell $shell

        $output | Should -Be 'stopped'
        @($shell.Streams.Verbose.Message -like "Took the write lock of $database after waiting * s.").Count | Should -Be 1
        @($shell.Streams.Verbose.Message -like 'Stopped waiting*').Count | Should -Be 0
        (Get-CanopyBenchmark -Database $database).Name | Should -Be @('first')
        $shell.Dispose()
    }
}

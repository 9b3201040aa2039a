# Files from Windows tools and Python: text encodings, the #TYPE line of Export-Csv, and NaN in JSON.
BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    $script:First = '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|'

    function New-EncodedFile([string] $Name, [string] $Text, [Text.Encoding] $Encoding) {
        $path = Join-Path $TestDrive $Name
        [IO.File]::WriteAllText($path, $Text, $Encoding)
        return $path
    }
}

Describe 'Import-CanopyBenchmark -Encoding' {
    BeforeEach {
        $script:Database = Join-Path $TestDrive "cache-$([guid]::NewGuid().ToString('N')).db"
        $script:German = New-EncodedFile 'german.csv' "ArchitectureString;Größe`n$First;groß`n" ([Text.Encoding]::GetEncoding(1252))
    }

    It 'rejects a Windows-1252 file without -Encoding and stores nothing' {
        Import-CanopyBenchmark -Path $German -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileInvalid,*'
        $problems[0].Exception.Message | Should -BeLike "$German, line 1: *not valid UTF-8*-Encoding latin1 or -Encoding 1252*"
        $problems[0].TargetObject | Should -Be $German
        Get-CanopyBenchmark -Database $Database | Should -BeNullOrEmpty
    }

    It 'reads the file with -Encoding <Encoding>' -TestCases @(
        @{ Encoding = 1252 }
        @{ Encoding = 'latin1' }
        @{ Encoding = 'windows-1252' }
        @{ Encoding = [Text.Encoding]::GetEncoding(1252) }
    ) {
        param($Encoding)

        Import-CanopyBenchmark -Path $German -Database $Database -Encoding $Encoding | Out-Null
        $record = Get-CanopyBenchmark -Name german -Database $Database

        $record.'Größe' | Should -BeExactly 'groß'
        (Get-CanopyBenchmark -Database $Database).Columns | Should -Be @('ArchitectureString', 'Größe')
    }

    It 'keeps reading UTF-16 files by their byte-order mark' {
        $path = New-EncodedFile 'wide.csv' "ArchitectureString,Größe`n$First,süß`n" ([Text.UnicodeEncoding]::new($false, $true))

        Import-CanopyBenchmark -Path $path -Database $Database | Out-Null

        (Get-CanopyBenchmark -Name wide -Database $Database).'Größe' | Should -BeExactly 'süß'
    }

    It 'rejects an unknown encoding before reading any file' {
        { Import-CanopyBenchmark -Path $German -Database $Database -Encoding klingon -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,Canopy.Commands.ImportCanopyBenchmarkCommand' -ExpectedMessage "*'klingon' is not an encoding name*"
        Test-Path $Database | Should -BeFalse
    }

    It 'completes encoding names' {
        $line = 'Import-CanopyBenchmark -Path x.csv -Encoding utf8'
        $completions = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText

        $completions | Should -Be @('utf8', 'utf8BOM', 'utf8NoBOM')
    }

    It 'completes code-page names once a letter is typed' {
        $typed = 'Import-CanopyBenchmark -Path x.csv -Encoding windows-125'
        $empty = 'Import-CanopyBenchmark -Path x.csv -Encoding '

        $windows = (TabExpansion2 $typed $typed.Length).CompletionMatches.CompletionText
        $all = (TabExpansion2 $empty $empty.Length).CompletionMatches.CompletionText

        $windows | Should -Contain 'windows-1252'
        $windows | Should -Contain 'windows-1250'
        $all.Count | Should -Be 11
        $all | Should -Not -Contain 'windows-1252'
    }
}

Describe 'Import-CanopyBenchmark of Export-Csv files' {
    BeforeEach {
        $script:Database = Join-Path $TestDrive "cache-$([guid]::NewGuid().ToString('N')).db"
    }

    It 'skips the #TYPE line of Windows PowerShell 5.1 (<Name>)' -TestCases @(
        @{ Name = 'utf8'; Encoding = [Text.UTF8Encoding]::new($true) }
        @{ Name = 'unicode'; Encoding = [Text.UnicodeEncoding]::new($false, $true) }
    ) {
        param($Name, $Encoding)
        $text = "#TYPE System.Management.Automation.PSCustomObject`r`n`"ArchitectureString`",`"acc`"`r`n`"$First`",`"91.5`"`r`n`"bad`",`"2`"`r`n"
        $path = New-EncodedFile "exported-$Name.csv" $text $Encoding

        $summary = Import-CanopyBenchmark -Path $path -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue
        $record = Get-CanopyBenchmark -Name "exported-$Name" -Database $Database

        $summary.ArchitectureColumn | Should -Be 'ArchitectureString'
        $summary.RowsStored | Should -Be 1
        $record.acc | Should -Be 91.5
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike "$path, line 4: *"
    }
}

Describe 'Import-CanopyBenchmark of Python JSON' {
    It 'names NaN and how to avoid it' {
        $database = Join-Path $TestDrive 'python.db'
        $path = New-EncodedFile 'python.json' "[{`"arch`": `"$First`", `"acc`": NaN}]" ([Text.UTF8Encoding]::new($false))

        Import-CanopyBenchmark -Path $path -Database $database -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkFileInvalid,*'
        $problems[0].Exception.Message | Should -BeLike "$path, line 1: *contains the value NaN*Write null*allow_nan=False*"
        Get-CanopyBenchmark -Database $database | Should -BeNullOrEmpty
    }
}

# Benchmark names are compared ignoring the case of every letter, not only of ASCII letters.
BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    $script:First = '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|'
    $script:File = Join-Path $TestDrive 'cells.csv'
    Set-Content -LiteralPath $File -Value "arch,acc`n$First,91.5`n" -NoNewline -Encoding utf8NoBOM
}

Describe 'Benchmark names with non-ASCII letters' {
    BeforeEach {
        $script:Database = Join-Path $TestDrive "cache-$([guid]::NewGuid().ToString('N')).db"
        Import-CanopyBenchmark -Path $File -Name 'résultats' -Database $Database | Out-Null
    }

    It 'finds a benchmark by a name in other case' {
        $record = Get-CanopyBenchmark -Name 'RÉSULTATS' -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 0
        $record.acc | Should -Be 91.5
    }

    It 'rejects an import under a name in other case' {
        Import-CanopyBenchmark -Path $File -Name 'RÉSULTATS' -Database $Database -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BenchmarkExists,*'
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('résultats')
    }

    It 'replaces it with -Force and keeps one benchmark' {
        $summary = Import-CanopyBenchmark -Path $File -Name 'RÉSULTATS' -Database $Database -Force

        $summary.Replaced | Should -BeTrue
        (Get-CanopyBenchmark -Database $Database).Name | Should -Be @('RÉSULTATS')
    }

    It 'completes a name from a prefix in other case' {
        $line = "Get-CanopyBenchmark -Database '$Database' -Name RÉ"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $completions.CompletionText | Should -Be @('résultats')
    }

    It 'completes the columns of a benchmark named in other case' {
        $line = "Invoke-CanopySearch -Benchmark 'RÉSULTATS' -Database '$Database' -Target a"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $completions.CompletionText | Should -Be @('acc')
    }
}

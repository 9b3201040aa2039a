BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force
}

Describe 'Get-TropicalScore for layer widths' {
    It 'counts seven regions for three units in the plane' {
        $score = Get-TropicalScore -LayerWidths 3 -InputDimension 2

        $score.RegionCount | Should -Be 7
        $score.TropicalScore | Should -BeExactly ([Math]::Log10(7))
        $score.IsExactMaximum | Should -BeTrue
    }

    It 'gives 2^n regions when n units see at least n dimensions' {
        $score = Get-TropicalScore -LayerWidths 10 -InputDimension 12

        $score.RegionCount | Should -Be 1024
    }

    It 'runs the quick start with the default input dimension' {
        $score = Get-TropicalScore -LayerWidths 64, 128, 64

        $score.Architecture | Should -Be '3072 -> 64-128-64'
        $score.TropicalScore | Should -BeGreaterThan 0
        [double]::IsFinite($score.TropicalScore) | Should -BeTrue
        $score.ParameterCount | Should -Be ((3072 + 1) * 64 + (64 + 1) * 128 + (128 + 1) * 64)
    }

    It 'orders the modes: lower <= Generic <= Serra <= bottleneck <= tropical' {
        $modes = 'LowerBound', 'Generic', 'SerraBound', 'BottleneckBound', 'TropicalBound'
        $scores = foreach ($mode in $modes) { (Get-TropicalScore -LayerWidths 8, 3, 12 -InputDimension 4 -Mode $mode).TropicalScore }

        for ($i = 1; $i -lt $scores.Count; $i++) {
            $scores[$i] | Should -BeGreaterOrEqual ($scores[$i - 1] - 1e-9)
        }
    }

    It 'binds records from Import-Csv by property name' {
        $csv = @"
LayerWidths,InputDimension
3,2
"64,128,64",3072
4-4,1
"@ | ConvertFrom-Csv

        $scores = $csv | Get-TropicalScore

        $scores.Count | Should -Be 3
        $scores[0].RegionCount | Should -Be 7
        $scores[2].RegionCount | Should -Be 25
    }

    It 'reports a bad record and still scores the others' {
        $records = @(
            [pscustomobject]@{ LayerWidths = '3'; InputDimension = 2 }
            [pscustomobject]@{ LayerWidths = '3,0'; InputDimension = 2 }
            [pscustomobject]@{ LayerWidths = '1.5'; InputDimension = 2 }
            [pscustomobject]@{ Name = 'no widths' }
            [pscustomobject]@{ LayerWidths = '2'; InputDimension = -4 }
            [pscustomobject]@{ LayerWidths = '2'; InputDimension = 1 }
        )

        $scores = $records | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $scores.RegionCount | Should -Be @(7, 3)
        $problems.Count | Should -Be 4
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'LayerWidthsInvalid,*'
        $problems[0].TargetObject.LayerWidths | Should -Be '3,0'
        $problems[1].Exception.Message | Should -BeLike "*'1.5' is not a whole number*"
        $problems[2].FullyQualifiedErrorId | Should -BeLike 'LayerWidthsMissing,*'
        $problems[3].FullyQualifiedErrorId | Should -BeLike 'InputDimensionInvalid,*'
    }

    It 'rejects an input dimension below one at binding' {
        { Get-TropicalScore -LayerWidths 3 -InputDimension 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'keeps absurd sizes finite' {
        $wide = Get-TropicalScore -LayerWidths 1000000000 -InputDimension 3072
        $deep = Get-TropicalScore -LayerWidths (@(64) * 100000)

        [double]::IsFinite($wide.TropicalScore) | Should -BeTrue
        [double]::IsFinite($deep.TropicalScore) | Should -BeTrue
        $deep.RegionCount | Should -BeNullOrEmpty
    }
}

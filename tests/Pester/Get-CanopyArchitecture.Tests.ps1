BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force
}

Describe 'Get-CanopyArchitecture' {
    It 'enumerates all 15,625 NATS-Bench topology cells once' {
        $cells = Get-CanopyArchitecture -SearchSpace NatsTopology

        $cells.Count | Should -Be 15625
        ($cells.Architecture | Sort-Object -Unique).Count | Should -Be 15625
        $cells[0].Architecture | Should -BeExactly '|none~0|+|none~0|none~1|+|none~0|none~1|none~2|'
        ($cells.ParameterCount | Measure-Object -Minimum -Maximum).Maximum | Should -Be 1531546
        ($cells.ParameterCount | Measure-Object -Minimum -Maximum).Minimum | Should -Be 73306
    }

    It 'enumerates the size space in NATS-Bench index order' {
        $architectures = Get-CanopyArchitecture NatsSize -Count 13

        $architectures.Count | Should -Be 13
        $architectures[0].Architecture | Should -Be '8:8:8:8:8'
        $architectures[12].Architecture | Should -Be '8:8:8:16:40'
        $architectures[12].BenchmarkIndex | Should -Be 12
        $architectures[12].ParameterCount | Should -Be 67378
    }

    It 'writes SearchSpace and DartsNetwork names to JSON and CSV' {
        $csv = Join-Path $TestDrive 'architectures.csv'
        $records = @(Get-CanopyArchitecture Darts -Seed 1 -Count 1 -DartsNetwork Evaluation) + @(Get-CanopyArchitecture NatsSize -Count 1)
        $records | Select-Object SearchSpace, Architecture | Export-Csv -Path $csv -NoTypeInformation

        $json = $records | ConvertTo-Json -WarningAction SilentlyContinue | ConvertFrom-Json
        $darts = $records[0] | ConvertTo-Json -WarningAction SilentlyContinue | ConvertFrom-Json

        $json.SearchSpace | Should -BeExactly @('Darts', 'NatsSize')
        $json[0].DartsNetwork | Should -BeExactly 'Evaluation'
        $darts.Normal[0].Operation | Should -BeExactly $records[0].Definition.Normal.Edges[0].ToString().Split("'")[1]
        $darts.Normal.Operation | Should -BeIn @('none', 'max_pool_3x3', 'avg_pool_3x3', 'skip_connect', 'sep_conv_3x3', 'sep_conv_5x5', 'dil_conv_3x3', 'dil_conv_5x5')
        (Import-Csv $csv).SearchSpace | Should -BeExactly @('Darts', 'NatsSize')
    }

    It 'streams, so the first records come without building the space' {
        $first = Get-CanopyArchitecture NatsSize | Select-Object -First 2

        $first.Architecture | Should -Be @('8:8:8:8:8', '8:8:8:8:16')
    }

    It 'shuffles a NATS space reproducibly with a seed' {
        $shuffled = Get-CanopyArchitecture NatsTopology -Seed 7 -Count 5
        $again = Get-CanopyArchitecture NatsTopology -Seed 7 -Count 5

        $shuffled[0].Architecture | Should -BeExactly '|nor_conv_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|skip_connect~2|'
        $again.Architecture | Should -Be $shuffled.Architecture
    }

    It 'samples 100 DARTS genotypes by default, the same for the same seed' {
        $samples = Get-CanopyArchitecture Darts
        $again = Get-CanopyArchitecture Darts -Count 3 -Seed 0
        $other = Get-CanopyArchitecture Darts -Count 3 -Seed 1

        $samples.Count | Should -Be 100
        $again.Architecture | Should -Be $samples[0..2].Architecture
        $other[0].Architecture | Should -Not -Be $samples[0].Architecture
        $samples[0].Architecture | Should -BeExactly "Genotype(normal=[('avg_pool_3x3', 0), ('avg_pool_3x3', 1), ('dil_conv_3x3', 0), ('avg_pool_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 3), ('max_pool_3x3', 0), ('skip_connect', 4)], normal_concat=[2, 3, 4, 5], reduce=[('avg_pool_3x3', 0), ('sep_conv_3x3', 1), ('dil_conv_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 1), ('skip_connect', 2), ('skip_connect', 0), ('sep_conv_3x3', 1)], reduce_concat=[2, 3, 4, 5])"
        $samples[0].Network | Should -Be 'NAS-Bench-301: 8 cells, C = 32'
    }

    It 'counts samples in the chosen DARTS network and dataset' {
        $nb301 = Get-CanopyArchitecture Darts -Count 1
        $evaluation = Get-CanopyArchitecture Darts -Count 1 -DartsNetwork Evaluation -Dataset cifar100

        $evaluation.Architecture | Should -Be $nb301.Architecture
        $evaluation.Network | Should -Be 'DARTS evaluation: 20 cells, C = 36'
        $evaluation.Dataset | Should -BeExactly 'cifar100'
        $evaluation.ParameterCount | Should -BeGreaterThan $nb301.ParameterCount
    }

    It 'samples MLPs within the given ranges' {
        $samples = Get-CanopyArchitecture Mlp -Count 200 -Seed 3 -InputDimension 784 -DepthRange 2, 4 -WidthRange 5, 9

        $samples.Count | Should -Be 200
        $samples | ForEach-Object {
            $_.InputDimension | Should -Be 784
            $_.LayerWidths.Count | Should -BeIn 2, 3, 4
            $_.LayerWidths | ForEach-Object { $_ | Should -BeIn (5..9) }
        }
        (Get-CanopyArchitecture Mlp -Count 1 -Seed 42).Architecture | Should -Be 'mlp:3072:313-586'
    }

    It 'feeds New-CanopyArchitecture' {
        $records = Get-CanopyArchitecture Darts -Count 2 | New-CanopyArchitecture -DartsNetwork Evaluation

        $records.Count | Should -Be 2
        $records[0].Network | Should -Be 'DARTS evaluation: 20 cells, C = 36'
    }

    It 'rejects MLP parameters for other spaces' {
        { Get-CanopyArchitecture NatsSize -DepthRange 1, 2 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterNotApplicable,*'
    }

    It 'rejects -DartsNetwork for other spaces' {
        $failure = { Get-CanopyArchitecture Mlp -DartsNetwork Evaluation -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterNotApplicable,*' -PassThru

        $failure.Exception.Message | Should -Be '-DartsNetwork applies to -SearchSpace Darts only, not to Mlp.'
    }

    It 'rejects an inverted range' {
        { Get-CanopyArchitecture Mlp -WidthRange 9, 5 -ErrorAction Stop } | Should -Throw -ErrorId 'RangeInvalid,*'
    }

    It 'rejects a count below one' {
        { Get-CanopyArchitecture Darts -Count 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

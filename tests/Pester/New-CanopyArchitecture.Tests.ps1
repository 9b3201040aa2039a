BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    $script:Cell9930 = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
    $script:DartsV2 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"
    $script:QuickStartOperations = @(
        'sep_conv_3x3', 'sep_conv_3x3'
        'sep_conv_3x3', 'sep_conv_3x3', 'none'
        'skip_connect', 'sep_conv_3x3', 'none', 'none'
        'skip_connect', 'none', 'dil_conv_3x3', 'none', 'none'
    )
}

Describe 'New-CanopyArchitecture' {
    It 'takes -Architecture as Get-TropicalScore does' {
        $created = New-CanopyArchitecture -Architecture '8:16:24:32:64'

        $created.SearchSpace | Should -Be 'NatsSize'
        $created.ParameterCount | Should -Be (Get-TropicalScore -Architecture '8:16:24:32:64').ParameterCount
    }

    It 'counts NATS-Bench index 9930 exactly' {
        $architecture = New-CanopyArchitecture $Cell9930

        $architecture.SearchSpace | Should -Be 'NatsTopology'
        $architecture.Architecture | Should -BeExactly $Cell9930
        $architecture.ParameterCount | Should -Be 1288506
        $architecture.Flops | Should -Be 184730250
        $architecture.Operations | Should -Be @('nor_conv_3x3', 'nor_conv_3x3', 'nor_conv_3x3', 'skip_connect', 'nor_conv_3x3', 'nor_conv_3x3')
    }

    It 'reads hashtables as records' {
        $built = @(@{ ArchitectureString = $Cell9930 }, @{ LayerWidths = '64,32'; InputDimension = 784 }) | New-CanopyArchitecture

        $built[0].ParameterCount | Should -Be 1288506
        # 784 · 64 + 64 + 64 · 32 + 32 = 52,320 weights and biases.
        $built[1].Architecture | Should -Be 'mlp:784:64-32'
        $built[1].ParameterCount | Should -Be 52320
    }

    It 'names a hashtable without an architecture as the failed record' {
        $failure = { @{ foo = 1 } | New-CanopyArchitecture -ErrorAction Stop } | Should -Throw -ErrorId 'ArchitectureMissing,*' -PassThru

        $failure.TargetObject | Should -BeOfType ([hashtable])
    }

    It 'builds the same cell from its six operations' {
        $architecture = New-CanopyArchitecture -SearchSpace NatsTopology -Operations nor_conv_3x3, nor_conv_3x3, NOR_CONV_3X3, skip_connect, nor_conv_3x3, nor_conv_3x3

        $architecture.Architecture | Should -BeExactly $Cell9930
        $architecture.Definition | Should -BeOfType ([Canopy.Architectures.NatsTopologyCell])
    }

    It 'reads operation and width lists given as one comma-separated text' {
        $pythonList = "['" + ($QuickStartOperations -join "', '") + "']"

        $darts = New-CanopyArchitecture -Widths 32, 32, 32, 32, 32 -NormalOperations $pythonList
        $nats = New-CanopyArchitecture -Operations 'nor_conv_3x3, nor_conv_3x3, nor_conv_3x3, skip_connect, nor_conv_3x3, nor_conv_3x3'
        $size = New-CanopyArchitecture -Channels '8,8,8,16,40'

        $darts.Architecture | Should -BeExactly (New-CanopyArchitecture -Widths 32, 32, 32, 32, 32 -NormalOperations $QuickStartOperations).Architecture
        $nats.Architecture | Should -BeExactly $Cell9930
        $size.ParameterCount | Should -Be 67378
        { New-CanopyArchitecture -NormalOperations 'sep_conv_3x3,none' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'counts the networks of the other datasets' {
        (New-CanopyArchitecture $Cell9930 -Dataset ImageNet16-120).Flops | Should -Be 46190200
        (New-CanopyArchitecture $Cell9930 -Dataset cifar100).ParameterCount | Should -Be 1294356
    }

    It 'builds a NATS-Bench size architecture from channels' {
        $architecture = New-CanopyArchitecture -Channels 8, 8, 8, 16, 40

        $architecture.Architecture | Should -BeExactly '8:8:8:16:40'
        $architecture.BenchmarkIndex | Should -Be 12
        $architecture.ParameterCount | Should -Be 67378
        $architecture.Flops | Should -Be 7991706
    }

    It 'runs the quick start with five widths and 14 cell operations' {
        $architecture = New-CanopyArchitecture -Widths 32, 32, 32, 32, 32 -NormalOperations $QuickStartOperations

        $architecture.SearchSpace | Should -Be 'Darts'
        $architecture.CellWidths | Should -Be @(32, 32, 32, 32, 32)
        $architecture.Architecture.StartsWith("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0)") | Should -BeTrue
        $architecture.Architecture.EndsWith('; widths=[32, 32, 32, 32, 32]') | Should -BeTrue
        $architecture.Reduce.Count | Should -Be 8
        $architecture.Network | Should -Be 'DARTS network: 5 cells, C = 32, 32, 32, 32, 32'

        $reparsed = New-CanopyArchitecture $architecture.Architecture
        $reparsed.ParameterCount | Should -Be $architecture.ParameterCount
        $reparsed.Flops | Should -Be $architecture.Flops
    }

    It 'names no DartsNetwork for a genotype with widths' {
        $architecture = New-CanopyArchitecture -Widths 32, 32, 32, 32, 32 -NormalOperations $QuickStartOperations
        $score = $architecture | Get-TropicalScore
        $benchmark = New-CanopyArchitecture -Genotype $DartsV2 -DartsNetwork Evaluation

        $architecture.DartsNetwork | Should -BeNullOrEmpty
        $score.DartsNetwork | Should -BeNullOrEmpty
        $score.ParameterCount | Should -Be $architecture.ParameterCount
        $benchmark.DartsNetwork | Should -BeExactly 'Evaluation'
    }

    It 'rejects -DartsNetwork together with -Widths' {
        $failure = { New-CanopyArchitecture -Widths 32, 32, 32, 32, 32 -NormalOperations $QuickStartOperations -DartsNetwork Evaluation -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterNotApplicable,*' -PassThru

        $failure.Exception.Message | Should -Be '-DartsNetwork applies to genotypes without -Widths only, because -Widths defines the network. Leave out -DartsNetwork, or leave out -Widths to count the genotype in the Evaluation network.'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be 'DartsNetwork'
    }

    It 'rejects -DartsNetwork with the parameters of <Space>' -ForEach @(
        @{ Space = 'NatsTopology'; Kind = 'a NATS-Bench topology cell'; Build = { New-CanopyArchitecture -Operations (,'nor_conv_3x3' * 6) -DartsNetwork Evaluation -ErrorAction Stop } }
        @{ Space = 'NatsSize'; Kind = 'a NATS-Bench size architecture'; Build = { New-CanopyArchitecture -Channels 8, 16, 24, 32, 64 -DartsNetwork Evaluation -ErrorAction Stop } }
        @{ Space = 'Mlp'; Kind = 'an MLP'; Build = { New-CanopyArchitecture -LayerWidths 64, 64 -DartsNetwork Evaluation -ErrorAction Stop } }
    ) {
        $failure = $Build | Should -Throw -ErrorId 'ParameterNotApplicable,*' -PassThru

        $failure.Exception.Message | Should -Be "-DartsNetwork applies to DARTS genotypes only, and the parameters given build $Kind. Leave out -DartsNetwork."
        $failure.TargetObject | Should -Be 'DartsNetwork'
    }

    It 'keeps the DARTS network of piped records' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|'
        $path = Join-Path $TestDrive 'networks.csv'
        @(New-CanopyArchitecture $cell; New-CanopyArchitecture -Genotype $DartsV2 -DartsNetwork Evaluation) | Export-Csv -Path $path

        $fromCsv = Import-Csv -Path $path | New-CanopyArchitecture
        $fromObject = New-CanopyArchitecture -Genotype $DartsV2 -DartsNetwork Evaluation | New-CanopyArchitecture
        $overridden = New-CanopyArchitecture -Genotype $DartsV2 -DartsNetwork Evaluation | New-CanopyArchitecture -DartsNetwork NasBench301

        # The DARTS V2 genotype has 3,349,342 parameters in the evaluation network and 919,722 in NAS-Bench-301's.
        $fromCsv[1].DartsNetwork | Should -BeExactly 'Evaluation'
        $fromCsv[1].ParameterCount | Should -Be 3349342
        $fromObject.ParameterCount | Should -Be 3349342
        $overridden.ParameterCount | Should -Be 919722
    }

    It 'keeps the DARTS network of piped hashtables and warns of unknown ones' {
        $records = @(
            @{ Architecture = $DartsV2; DartsNetwork = 'Evaluation' }
            @{ Architecture = $DartsV2; Network = 'DARTS evaluation: 20 cells, C = 36' }
            @{ Architecture = $DartsV2; DartsNetwork = 'Foo' }
        )

        $built = $records | New-CanopyArchitecture -WarningVariable warnings -WarningAction SilentlyContinue

        $built.ParameterCount | Should -Be 3349342, 3349342, 919722
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '1 DARTS record names no DARTS network in the DartsNetwork property, so it was counted in NasBench301. The networks are NasBench301 and Evaluation.'
    }

    It 'warns that -DartsNetwork leaves other search spaces unchanged' {
        $built = New-CanopyArchitecture -ArchitectureString '8:16:24:32:64', 'mlp:3072:64', $DartsV2 -DartsNetwork Evaluation -WarningVariable warnings -WarningAction SilentlyContinue

        $built.Count | Should -Be 3
        $built[2].ParameterCount | Should -Be 3349342
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '-DartsNetwork Evaluation sets the network of DARTS genotypes only, so it did not apply to 2 architectures of other search spaces.'
    }

    It 'warns that -DartsNetwork leaves genotypes with widths unchanged' {
        $withWidths = $DartsV2 + '; widths=[32, 32, 32]'
        $plain = New-CanopyArchitecture -Genotype $withWidths -WarningVariable none

        $built = New-CanopyArchitecture -Genotype $withWidths, $DartsV2 -DartsNetwork Evaluation -WarningVariable warnings -WarningAction SilentlyContinue

        $none | Should -BeNullOrEmpty
        $built[0].ParameterCount | Should -Be $plain.ParameterCount
        $built[0].DartsNetwork | Should -BeNullOrEmpty
        $built[1].ParameterCount | Should -Be 3349342
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '-DartsNetwork Evaluation sets the network of DARTS genotypes without cell widths, so it did not change the counts of 1 genotype, whose cell widths define its own network.'
    }

    It 'keeps nodes with other than two inputs as 14 edges' {
        $operations = $QuickStartOperations.Clone()
        $operations[13] = 'avg_pool_3x3'

        $architecture = New-CanopyArchitecture -Widths 32, 32, 32, 32, 32 -NormalOperations $operations -ReduceOperations $QuickStartOperations

        $architecture.Normal.Count | Should -Be 14
        $architecture.Reduce.Count | Should -Be 8
        $architecture.Normal[13].ToString() | Should -Be "('avg_pool_3x3', 4)"
        (New-CanopyArchitecture $architecture.Architecture).Architecture | Should -BeExactly $architecture.Architecture
    }

    It 'counts DARTS V2 in both DARTS networks' {
        (New-CanopyArchitecture -Genotype $DartsV2 -DartsNetwork Evaluation).ParameterCount | Should -Be 3349342
        (New-CanopyArchitecture -Genotype $DartsV2).ParameterCount | Should -Be 919722
    }

    It 'builds an MLP that Get-TropicalScore can read' {
        $architecture = New-CanopyArchitecture -LayerWidths 64, 128, 64

        $architecture.Architecture | Should -BeExactly 'mlp:3072:64-128-64'
        $architecture.ParameterCount | Should -Be ((3072 + 1) * 64 + (64 + 1) * 128 + (128 + 1) * 64)
        $architecture.LayerWidths | Should -Be @(64, 128, 64)
        $architecture.InputDimension | Should -Be 3072
        $architecture.Dataset | Should -BeNullOrEmpty -Because 'an MLP has no dataset network, as in its score object'
        (Get-TropicalScore -LayerWidths 64, 128, 64).Dataset | Should -BeNullOrEmpty
    }

    It 'completes <Parameter>' -ForEach @(
        @{ Parameter = '-ArchitectureProperty'; Line = 'New-CanopyArchitecture -ArchitectureProperty arch_'; Expected = @('arch_str', 'arch_repr') }
        @{ Parameter = '-Channels'; Line = 'New-CanopyArchitecture -Channels '; Expected = @('8', '16', '24', '32', '40', '48', '56', '64') }
        @{ Parameter = '-Channels after a comma'; Line = 'New-CanopyArchitecture -Channels 8,1'; Expected = @('16') }
        @{ Parameter = '-Operations'; Line = 'New-CanopyArchitecture -Operations nor_'; Expected = @('nor_conv_1x1', 'nor_conv_3x3') }
        @{ Parameter = '-NormalOperations'; Line = 'New-CanopyArchitecture -NormalOperations none,dil'; Expected = @('dil_conv_3x3', 'dil_conv_5x5') }
        @{ Parameter = '-ReduceOperations'; Line = 'New-CanopyArchitecture -ReduceOperations S'; Expected = @('skip_connect', 'sep_conv_3x3', 'sep_conv_5x5') }
    ) {
        $completions = (TabExpansion2 $Line $Line.Length).CompletionMatches.CompletionText

        $completions | Should -Be $Expected
    }

    It 'writes verbose lines for the first 20 architectures only' {
        $cells = Get-CanopyArchitecture -SearchSpace NatsSize -Count 22 | ForEach-Object Architecture

        $lines = @($cells | New-CanopyArchitecture -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        @($lines | Where-Object { $_ -like 'NatsSize *' }).Count | Should -Be 20
        $lines[-2] | Should -BeLike 'Later records get no verbose line each*'
        $lines[-1] | Should -BeLike 'Built 22 *'
    }

    It 'reads a string of widths with -SearchSpace Mlp' {
        $mlp = New-CanopyArchitecture '64-64' -SearchSpace Mlp -InputDimension 10

        $mlp.Architecture | Should -Be 'mlp:10:64-64'
        $mlp.ParameterCount | Should -Be (11 * 64 + 65 * 64)
    }

    It 'warns when -InputDimension meets cells or MLPs with their own input dimension' {
        $records = @(
            [pscustomobject]@{ arch = '8:8:8:8:8' }
            [pscustomobject]@{ LayerWidths = '64'; InputDimension = 10 }
        )

        $built = @($records | New-CanopyArchitecture -InputDimension 784 -WarningVariable warnings -WarningAction SilentlyContinue)

        $built.Architecture | Should -Be @('8:8:8:8:8', 'mlp:10:64')
        $warnings.Count | Should -Be 2
        "$($warnings[0])" | Should -BeLike '-InputDimension 784 sets the input of fully connected networks, so it did not change the counts of 1 cell-based architecture*'
        "$($warnings[1])" | Should -BeLike '-InputDimension 784 applies to MLPs without an input dimension of their own*1 MLP*'
    }

    It 'gives piped MLP records -InputDimension, or the default with a warning' {
        $records = @(
            [pscustomobject]@{ hidden = '64-128-64'; input_dim = 784 }
            [pscustomobject]@{ hidden = '32'; input_dim = 784 }
        )

        $given = @($records | New-CanopyArchitecture -SearchSpace Mlp -ArchitectureProperty hidden -InputDimension 784 -WarningVariable givenWarnings)
        $defaulted = @($records | New-CanopyArchitecture -SearchSpace Mlp -ArchitectureProperty hidden -WarningVariable warnings -WarningAction SilentlyContinue)

        $given.Architecture | Should -Be @('mlp:784:64-128-64', 'mlp:784:32')
        $given[1].ParameterCount | Should -Be (785 * 32)
        $givenWarnings.Count | Should -Be 0
        $defaulted.Architecture | Should -Be @('mlp:3072:64-128-64', 'mlp:3072:32')
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "2 MLPs had no InputDimension value, so the default of 3072 inputs*The property 'input_dim' was not read*"
    }

    It 'ends its verbose lines with a count of built and failed' {
        $lines = @($Cell9930, 'mlp:4:3', 'bad' | New-CanopyArchitecture -Verbose -ErrorAction SilentlyContinue 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $lines.Count | Should -Be 3
        $lines[0] | Should -BeLike 'NatsTopology |nor_conv_3x3~0|*: 1,288,506 parameters and 184,730,250 FLOPs in *'
        $lines[-1] | Should -BeExactly 'Built 2 architectures; 1 failed.'
    }

    It 'reads widths in brackets as a Python list prints them' {
        $architecture = New-CanopyArchitecture -LayerWidths '[64, 128, 64]' -InputDimension 784
        $tuple = New-CanopyArchitecture -LayerWidths '(64, 128, 64)' -InputDimension 784

        $architecture.Architecture | Should -BeExactly 'mlp:784:64-128-64'
        $tuple.Architecture | Should -BeExactly 'mlp:784:64-128-64'
    }

    It 'binds records from Import-Csv and reports bad ones' {
        $records = @"
arch_str,accuracy
$Cell9930,94.36
|nor_conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|,10.0
"|none~0|+|none~0|none~1|+|none~0|none~1|",10.0
"(4, 3, 3, 0, 0, 0)",85.86
"@ | ConvertFrom-Csv

        $architectures = $records | New-CanopyArchitecture -ErrorVariable problems -ErrorAction SilentlyContinue

        $architectures.Count | Should -Be 2
        $architectures[0].ParameterCount | Should -Be 1288506
        $architectures[1].Architecture | Should -BeExactly '|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|'
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception | Should -BeOfType [System.FormatException]
        $problems[0].TargetObject.accuracy | Should -Be '10.0'
        $problems[0].Exception.Message | Should -BeLike "Record 2: Unknown operation 'nor_conv_5x5'*valid operations are none, skip_connect*"
        $problems[1].Exception.Message | Should -BeLike 'Record 3: Node 3 has 2 edges in *; it takes exactly 3 edges, one from each of nodes 0 to 2.'
    }

    It 'reports records without an architecture' {
        $inputs = @(
            [pscustomobject]@{ Name = 'no architecture' }
            [pscustomobject]@{ LayerWidths = '3,4'; InputDimension = 2 }
            [pscustomobject]@{ LayerWidths = '3'; InputDimension = 'two' }
        )

        $architectures = $inputs | New-CanopyArchitecture -ErrorVariable problems -ErrorAction SilentlyContinue

        $architectures.Architecture | Should -Be 'mlp:2:3-4'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureMissing,*'
        $problems[0].Exception.Message | Should -BeLike 'Record 1 has no architecture*'
        $problems[1].FullyQualifiedErrorId | Should -BeLike 'InputDimensionInvalid,*'
    }

    It 'takes its own records and architecture objects back' {
        $original = New-CanopyArchitecture $Cell9930

        $again = $original, $original.Definition | New-CanopyArchitecture -Dataset ImageNet16-120

        $again.Count | Should -Be 2
        $again.Flops | Should -Be @(46190200, 46190200)
    }

    It 'names an architecture given by parameters without a record number' {
        $null = New-CanopyArchitecture -LayerWidths 1000000000000, 1000000000000 -InputDimension 3 -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings.Message | Should -Be '1 architecture has a parameter or FLOP count beyond Int64, so ParameterCount and Flops are left empty (mlp:3:1000000000000-1000000000000). The architecture is still written.'
    }

    It 'says counted when a Dataset turns up after 64 records without one' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
        $plain = 1..191 | ForEach-Object { [pscustomobject]@{ arch = $cell } }
        $late = 1..2 | ForEach-Object { [pscustomobject]@{ arch = $cell; Dataset = 'cifar100' } }
        $records = @($plain) + @($late) | New-CanopyArchitecture -WarningVariable warnings -WarningAction SilentlyContinue

        $records[191].Dataset | Should -Be 'cifar100'
        $warnings.Message | Should -Be ('Record 192 has a Dataset property, but the first 64 records had none, so before it only every 64th record was checked for one. ' +
            'Up to 63 records just before it may name a dataset that was not used, and those were counted on the cifar10 network. ' +
            'Give records of one pipeline the same properties, or run each dataset with its own -Dataset.')
    }

    It 'warns once about counts beyond Int64' {
        $huge = [pscustomobject]@{ LayerWidths = '1000000000000,1000000000000' }
        $records = $huge, $huge | New-CanopyArchitecture -InputDimension 3 -WarningVariable warnings -WarningAction SilentlyContinue

        $records.Count | Should -Be 2
        $records[0].ParameterCount | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '2 architectures have a parameter or FLOP count beyond Int64, so ParameterCount and Flops are left empty (the first is record 1: mlp:3:1000000000000-1000000000000). The architecture is still written.'
    }

    It 'counts a record on its Dataset when only a later record has one' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
        $records = '[{"arch":"' + $cell + '"},{"arch":"' + $cell + '","Dataset":"cifar100"}]' | ConvertFrom-Json | New-CanopyArchitecture

        $records[0].Dataset | Should -Be 'cifar10'
        $records[1].Dataset | Should -Be 'cifar100'
        $records[1].ParameterCount | Should -Be 1294356
    }

    It 'counts a piped record on the dataset its Dataset names' {
        $csv = Join-Path $TestDrive 'imagenet-architecture.csv'
        New-CanopyArchitecture $Cell9930 -Dataset ImageNet16-120 | Export-Csv -Path $csv -NoTypeInformation

        $again = Import-Csv $csv | New-CanopyArchitecture
        $other = [pscustomobject]@{ arch = $Cell9930; Dataset = 'svhn' } | New-CanopyArchitecture -WarningVariable warnings -WarningAction SilentlyContinue

        $again.Dataset | Should -Be 'ImageNet16-120'
        $again.Flops | Should -Be 46190200
        $other.Dataset | Should -Be 'cifar10'
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "1 record has a Dataset that Canopy does not model ('svhn'), so it was counted on the cifar10 network.*"
    }

    It 'checks the search space when one is given' {
        $architectures = '8:16:24:32:64', $Cell9930 | New-CanopyArchitecture -SearchSpace NatsSize -ErrorVariable problems -ErrorAction SilentlyContinue

        $architectures.Architecture | Should -Be '8:16:24:32:64'
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike "Record 2: '|nor_conv_3x3~0|*' is not a NATS-Bench size channel list*"
    }

    It 'reports invalid parts without stopping' {
        New-CanopyArchitecture -Channels 8, 16, 24, 32, 65 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].Exception.Message | Should -BeLike '*Width 65, entry 5 of 5, is outside the NATS-Bench size space*'
        $problems[0].Exception | Should -BeOfType [System.FormatException]
        $problems[0].TargetObject | Should -Be @(8, 16, 24, 32, 65)
    }

    It 'rejects a search space that contradicts the parts' {
        { New-CanopyArchitecture -SearchSpace NatsSize -Channels 8, 8, 8, 8, 8 } | Should -Not -Throw
        { New-CanopyArchitecture -SearchSpace Darts -Channels 8, 8, 8, 8, 8 -ErrorAction Stop } | Should -Throw -ErrorId 'SearchSpaceMismatch,*'
        { New-CanopyArchitecture -SearchSpace Darts -Operations nor_conv_3x3, none, none, none, none, none -ErrorAction Stop } |
            Should -Throw -ErrorId 'SearchSpaceMismatch,*' -ExpectedMessage '-SearchSpace Darts contradicts the parameters given, which build a NATS-Bench topology cell. A DARTS genotype is built from -NormalOperations, with -ReduceOperations and -Widths optional; omit -SearchSpace or pass NatsTopology.'
        { New-CanopyArchitecture -SearchSpace Mlp -Channels 8, 8, 8, 8, 8 -ErrorAction Stop } |
            Should -Throw -ErrorId 'SearchSpaceMismatch,*' -ExpectedMessage '-SearchSpace Mlp contradicts the parameters given, which build a NATS-Bench size architecture. An MLP is built from -LayerWidths; omit -SearchSpace or pass NatsSize.'
        { New-CanopyArchitecture -SearchSpace NatsTopology -Channels 8, 8, 8, 8, 8 -ErrorAction Stop } |
            Should -Throw -ErrorId 'SearchSpaceMismatch,*' -ExpectedMessage '-SearchSpace NatsTopology contradicts the parameters given, which build a NATS-Bench size architecture. A NATS-Bench topology cell is built from -Operations; omit -SearchSpace or pass NatsSize.'
        { New-CanopyArchitecture -SearchSpace NatsSize -Operations nor_conv_3x3, none, none, none, none, none -ErrorAction Stop } |
            Should -Throw -ErrorId 'SearchSpaceMismatch,*' -ExpectedMessage '-SearchSpace NatsSize contradicts the parameters given, which build a NATS-Bench topology cell. A NATS-Bench size architecture is built from -Channels; omit -SearchSpace or pass NatsTopology.'
    }

    It 'validates operation lists at binding' {
        { New-CanopyArchitecture -Operations none, none -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { New-CanopyArchitecture -Operations none, none, none, none, none, conv -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'names every unknown operation with its edge' {
        $operations = @('sep_conv_3x3') * 14
        $operations[1] = 'sep_conv_7x7'
        $operations[8] = 'identity'

        $problem = try { New-CanopyArchitecture -NormalOperations ($operations -join ', ') -ErrorAction Stop; $null } catch { $_ }
        $mixedCase = New-CanopyArchitecture -NormalOperations (@('Sep_Conv_3x3') * 14) -ReduceOperations (@('NONE') * 13 + 'skip_connect')

        $problem.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $problem.Exception.Message | Should -BeLike "*Invalid operations: 'sep_conv_7x7' on edge 2 (node 1 to node 2) and 'identity' on edge 9 (node 3 to node 4); valid operations are none, max_pool_3x3, avg_pool_3x3, skip_connect, sep_conv_3x3, sep_conv_5x5, dil_conv_3x3, dil_conv_5x5.*"
        $mixedCase.SearchSpace | Should -Be 'Darts'
    }

    It 'names an empty operation and the nodes of a NATS-Bench edge' {
        $problem = try { New-CanopyArchitecture -Operations 'none, none, none, , none, conv' -ErrorAction Stop; $null } catch { $_ }

        # The six edges are (0→1), (0→2), (1→2), (0→3), (1→3) and (2→3).
        $problem.Exception.Message | Should -BeLike "*Invalid operations: an empty entry on edge 4 (node 0 to node 3) and 'conv' on edge 6 (node 2 to node 3); valid operations are none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3.*"
    }

    It 'converts the NASLib DARTS records' {
        $file = "$env:CANOPY_TEST_DATA/darts-other-tasks/nb301_9x_zc13.csv"
        if (-not (Test-Path $file)) {
            Set-ItResult -Skipped -Because "the benchmark data file $file is absent (set CANOPY_DATA to the data folder)"
            return
        }

        $records = Import-Csv $file | Select-Object -First 20
        $architectures = $records | New-CanopyArchitecture -ArchitectureProperty naslib_arch
        $genotypes = $records | New-CanopyArchitecture -ArchitectureProperty arch_repr

        $architectures.Count | Should -Be 20
        for ($i = 0; $i -lt 20; $i++) {
            $architectures[$i].Architecture | Should -BeExactly $genotypes[$i].Architecture
        }
    }
}

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

        $score.Architecture | Should -Be 'mlp:3072:64-128-64'
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
        $scores[0].TropicalScore | Should -BeExactly ([Math]::Log10(7))
        $scores[2].TropicalScore | Should -BeExactly ([Math]::Log10(25))
        $scores[0].SearchSpace | Should -Be 'Mlp'
        $scores[1].LayerWidths | Should -Be '64,128,64'
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

        $scores.TropicalScore | Should -Be @([Math]::Log10(7), [Math]::Log10(3))
        $problems.Count | Should -Be 4
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].Exception.Message | Should -BeLike 'Record 2: invalid LayerWidths*'
        $problems[0].TargetObject.LayerWidths | Should -Be '3,0'
        $problems[1].Exception.Message | Should -BeLike "*'1.5' is not a whole number*"
        $problems[2].FullyQualifiedErrorId | Should -BeLike 'ArchitectureMissing,*'
        $problems[3].FullyQualifiedErrorId | Should -BeLike 'InputDimensionInvalid,*'
    }

    It 'reads LayerWidths as widths, brackets or an MLP string' {
        $records = @(
            [pscustomobject]@{ LayerWidths = '[3, 3]'; InputDimension = 2 }
            [pscustomobject]@{ LayerWidths = 'mlp:2:3-3'; InputDimension = 'ignored' }
            [pscustomobject]@{ Widths = '3'; InputDimension = '' }
        )

        $scores = @($records | Get-TropicalScore)
        $named = [pscustomobject]@{ arch = 'mlp:5:5'; LayerWidths = '3'; InputDimension = 2 } | Get-TropicalScore -ArchitectureProperty LayerWidths

        $scores.SearchSpace | Should -Be @('Mlp', 'Mlp', 'Mlp')
        $scores[0].TropicalScore | Should -Be $scores[1].TropicalScore
        $scores[0].ParameterCount | Should -Be 21
        $scores[2].ParameterCount | Should -Be (3072 * 3 + 3)
        $named.TropicalScore | Should -Be ([Math]::Log10(7))
    }

    It 'reads Widths when the architecture column of a mixed sweep is empty' {
        $sweep = "run,arch,Widths,InputDimension`nr1,mlp:2:3,,`nr2,,3,2`nr3,  ,""3, 3"",2`nr4,,,`n" | ConvertFrom-Csv

        $scores = @($sweep | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue)

        $scores.run | Should -Be @('r1', 'r2', 'r3')
        $scores[1].TropicalScore | Should -Be ([Math]::Log10(7))
        $scores[1].ParameterCount | Should -Be 9
        $scores[2].ParameterCount | Should -Be 21
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike 'Record 4: The architecture string is empty*'
    }

    It 'reads Widths when the architecture column is DBNull' {
        # A DataTable row from a database query holds DBNull for SQL NULL, as a CSV row holds an empty string.
        $table = [System.Data.DataTable]::new()
        'arch', 'Widths', 'InputDimension' | ForEach-Object { $null = $table.Columns.Add($_) }
        $null = $table.Rows.Add([DBNull]::Value, '3', '2')

        $score = $table.Rows[0] | Get-TropicalScore

        $score.TropicalScore | Should -Be ([Math]::Log10(7))
        $score.ParameterCount | Should -Be 9
    }

    It 'reads only the named property when it is empty' {
        $record = [pscustomobject]@{ arch = ''; Widths = '3'; InputDimension = 2 }

        $score = $record | Get-TropicalScore -ArchitectureProperty arch -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike 'Record 1: The architecture string is empty*'
    }

    It 'reads a JSON list as Import-CanopyBenchmark reads it' {
        $records = '[{"hidden":[3,3],"InputDimension":2},{"hidden":[8,16,24,32,64]},{"arch":[4,3,3,1,1,2]},{"Widths":[3,3],"InputDimension":2}]' | ConvertFrom-Json

        $mlp = $records[0] | Get-TropicalScore -ArchitectureProperty hidden -SearchSpace Mlp
        $size = $records[1] | Get-TropicalScore -ArchitectureProperty hidden -SearchSpace NatsSize
        $cell = $records[2] | Get-TropicalScore
        $widths = $records[3] | Get-TropicalScore

        $mlp.ParameterCount | Should -Be 21
        $size.SearchSpace | Should -Be 'NatsSize'
        $size.TropicalScore | Should -Be (Get-TropicalScore -Architecture '8:16:24:32:64').TropicalScore
        $cell.SearchSpace | Should -Be 'NatsTopology'
        $cell.TropicalScore | Should -Be (Get-TropicalScore -Architecture '(4, 3, 3, 1, 1, 2)').TropicalScore
        $widths.ParameterCount | Should -Be 21
    }

    It 'tells a list given to -InputObject to be piped' {
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ arch = '8:16:24:32:64' } }

        $score = Get-TropicalScore -InputObject $records -ErrorVariable problems -ErrorAction SilentlyContinue
        $piped = @($records | Get-TropicalScore)

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureMissing,*'
        $problems[0].Exception.Message | Should -Be 'Record 1 is a list of 3 objects, but -InputObject takes one object. Pipe the list to the command instead, so that each object is read on its own.'
        $piped.Count | Should -Be 3
    }

    It 'gives no input-dimension warning for a rejected list' {
        $score = '{"Widths":[8,16,24,32,64]}' | ConvertFrom-Json |
            Get-TropicalScore -SearchSpace NatsTopology -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike '*is a Mlp architecture, not NatsTopology*'
        $warnings | Should -BeNullOrEmpty
    }

    It 'rejects a list of one architecture string as the import does' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'

        $score = "{""arch"":[""$cell""]}" | ConvertFrom-Json | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -BeLike "Record 1: the property 'arch' contains the list ?""|nor_conv_3x3~0|+*""?, which is no architecture: *"
    }

    It 'reads a Newtonsoft JSON value as its text' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
        $value = [Newtonsoft.Json.Linq.JObject]::Parse("{""arch"":""$cell""}")['arch']

        $score = [pscustomobject]@{ arch = $value } | Get-TropicalScore

        $score.ParameterCount | Should -Be 1288506
    }

    It 'names a list that is no architecture' -ForEach @(
        @{ Json = '{"arch":["nor_conv_3x3","none"]}'; Expected = "Record 1: the property 'arch' contains the list ?""nor_conv_3x3"", ""none""?, which is no architecture: *list of 2 NATS-Bench operations*" }
        @{ Json = '{"arch":[[64,128]]}'; Expected = "Record 1: the property 'arch' contains the list ??64, 128??, which is no architecture: The NASLib compact form*" }
        @{ Json = '{"arch":[]}'; Expected = "Record 1: the property 'arch' contains an empty list, not an architecture." }
        @{ Json = '{"arch":[64,1e20]}'; Expected = '*which is no architecture: *For the hidden widths of an MLP, name the property LayerWidths or Widths, or give -SearchSpace Mlp.' }
        @{ Json = '{"arch":[{"a":1}]}'; Expected = "Record 1: the property 'arch' contains a list of 1 value, and one of them is an object, not an architecture." }
        @{ Json = '{"arch":{"a":1}}'; Expected = "Record 1: the property 'arch' contains an object with properties of its own, not an architecture string." }
    ) {
        $score = $Json | ConvertFrom-Json | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].Exception.Message | Should -BeLike $Expected
    }

    It 'reads a named widths column with -SearchSpace Mlp' {
        $records = @(
            [pscustomobject]@{ run = 1; hidden = '4-3'; InputDimension = 2 }
            [pscustomobject]@{ run = 2; hidden = '(3,)'; InputDimension = 2 }
            [pscustomobject]@{ run = 3; hidden = 'mlp:2:4-3'; InputDimension = 'ignored' }
            [pscustomobject]@{ run = 4; hidden = '4x3'; InputDimension = 2 }
        )

        $scores = @($records | Get-TropicalScore -ArchitectureProperty hidden -SearchSpace Mlp -ErrorVariable problems -ErrorAction SilentlyContinue)

        # Serra et al.'s Theorem 1 for widths 4, 3 on 2 inputs: (1 + 4 + 6) * (1 + 3 + 3) = 77; Zaslavsky for 3 on 2: 7.
        $scores.run | Should -Be @(1, 2, 3)
        $scores[0].TropicalScore | Should -Be ([Math]::Log10(77))
        $scores[1].TropicalScore | Should -Be ([Math]::Log10(7))
        $scores[2].TropicalScore | Should -Be ([Math]::Log10(77))
        $scores[0].ParameterCount | Should -Be (3 * 4 + 5 * 3)
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike "Record 4: invalid hidden: The layer width '4x3' is not a whole number."
    }

    It 'reads a string of widths with -SearchSpace Mlp' {
        $defaulted = Get-TropicalScore -Architecture '4-3' -SearchSpace Mlp -WarningVariable warnings -WarningAction SilentlyContinue
        $given = '4-3' | Get-TropicalScore -SearchSpace Mlp -InputDimension 2 -WarningVariable givenWarnings

        $defaulted.Architecture | Should -Be 'mlp:3072:4-3'
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '1 MLP had no InputDimension value, so the default of 3072 inputs*'
        $given.Architecture | Should -Be 'mlp:2:4-3'
        $given.TropicalScore | Should -Be ([Math]::Log10(77))
        $givenWarnings.Count | Should -Be 0
    }

    It 'names the search space of a cell string read with -SearchSpace Mlp' {
        '|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|' | Get-TropicalScore -SearchSpace Mlp -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].Exception.Message | Should -BeLike '*it is a NatsTopology architecture, not a list of MLP widths, so -SearchSpace Mlp does not apply to it.'
    }

    It 'warns about MLP records that got the default input dimension' {
        $records = @(
            [pscustomobject]@{ LayerWidths = '32'; input_dim = 784 }
            [pscustomobject]@{ LayerWidths = '16'; input_dim = 784 }
        )

        # Scoring adds properties to the records themselves, so the first count is read before the second scoring.
        $defaultedCount = @($records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue)[0].ParameterCount
        $givenCount = @($records | Get-TropicalScore -InputDimension 784 -WarningVariable givenWarnings -WarningAction SilentlyContinue)[0].ParameterCount

        $defaultedCount | Should -Be (3072 * 32 + 32)
        $givenCount | Should -Be (784 * 32 + 32)
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "2 MLPs had no InputDimension value, so the default of 3072 inputs*The property 'input_dim' was not read as the input dimension. Give -InputDimension*"
        $givenWarnings.Count | Should -Be 0
    }

    It 'reports a record with a throwing script property as having no architecture' {
        $record = [pscustomobject]@{ run = 1 } | Add-Member -MemberType ScriptProperty -Name bad -Value { throw 'no value' } -PassThru
        $records = $record, [pscustomobject]@{ arch = '8:8:8:8:8' }

        $scores = @($records | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue)

        $scores.arch | Should -Be @('8:8:8:8:8')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureMissing,*'
    }

    It 'scores the other records when <Name> of one is a script property that throws' -ForEach @(
        @{ Name = 'ArchitectureString'; Errors = 1 }
        @{ Name = 'Flops'; Errors = 0 }
        @{ Name = 'SearchSpace'; Errors = 0 }
    ) {
        $cell = '|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|'
        $record = [pscustomobject]@{ Acc = 80 }
        if ($Name -ne 'ArchitectureString') {
            $record | Add-Member -MemberType NoteProperty -Name ArchitectureString -Value $cell
        }
        $record | Add-Member -MemberType ScriptProperty -Name $Name -Value { throw 'no value' }
        $records = [pscustomobject]@{ ArchitectureString = $cell }, $record, [pscustomobject]@{ ArchitectureString = '8:8:8:8:8' }

        $scores = @($records | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $scores.Count | Should -Be (3 - $Errors)
        $scores[-1].ArchitectureString | Should -Be '8:8:8:8:8'
        $problems.Count | Should -Be $Errors
    }

    It 'names a property of another name that contains an architecture' {
        $record = [pscustomobject]@{ hidden = 'mlp:784:64-128-64'; input_dim = 784; acc = 91.5 }

        $record | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue
        $read = $record | Get-TropicalScore -ArchitectureProperty hidden

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureMissing,*'
        $problems[0].Exception.Message | Should -BeLike "*Its property 'hidden' contains 'mlp:784:64-128-64'; give -ArchitectureProperty hidden to read it."
        $read.ParameterCount | Should -Be (785 * 64 + 65 * 128 + 129 * 64)
    }

    It 'does not name a read InputDimension column as unread' {
        $records = @(
            [pscustomobject]@{ hidden = '64,64'; InputDimension = 784 }
            [pscustomobject]@{ hidden = '32'; InputDimension = '' }
        )

        $records | Get-TropicalScore -SearchSpace Mlp -ArchitectureProperty hidden -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '1 MLP had no InputDimension value, so the default of 3072 inputs*'
        "$($warnings[0])" | Should -Not -BeLike '*was not read*'
    }

    It 'points a list of widths without brackets to the MLP form' {
        '32-512-256' | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].Exception.Message | Should -BeLike "*is not a recognised architecture*written as mlp:<input dimension>:32-512-256*-SearchSpace Mlp reads them*"
    }

    It 'counts a null in the pipeline as a record' {
        $scores = @('8:8:8:8:8', $null, 'bad', '8:8:8:8:16') | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $scores.Architecture | Should -Be @('8:8:8:8:8', '8:8:8:8:16')
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureMissing,*'
        $problems[0].Exception.Message | Should -Be 'Record 2 is empty, so there is no architecture to read.'
        $problems[1].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[1].Exception.Message | Should -BeLike 'Record 3:*'
    }

    It 'reports an invalid size without .NET parameter names' {
        Get-TropicalScore -Architecture 'mlp:0:64' -ErrorVariable problems -ErrorAction SilentlyContinue
        New-CanopyArchitecture -Channels 8, 16, 24, 32, 72 -ErrorVariable created -ErrorAction SilentlyContinue

        $problems[0].Exception.Message | Should -BeLike "Record 1: Invalid MLP string 'mlp:0:64': The input dimension must be between 1 and *."
        $problems[0].Exception.Message | Should -Not -Match "Parameter '|Actual value|`n"
        $created[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $created[0].Exception.Message | Should -Not -Match "Parameter '"
    }

    It 'reads -LayerWidths in Python list and tuple form' {
        $list = Get-TropicalScore -LayerWidths '[64, 128, 64]'
        $tuple = Get-TropicalScore -LayerWidths '(64, 128, 64)'
        $sizeList = Get-TropicalScore '[32, 24, 48, 64, 16]' -WarningVariable warnings -WarningAction SilentlyContinue
        $sizeWidths = Get-TropicalScore -LayerWidths '[32, 24, 48, 64, 16]' -InputDimension 2 -WarningVariable none -WarningAction SilentlyContinue

        $list.Architecture | Should -BeExactly 'mlp:3072:64-128-64'
        $tuple.Architecture | Should -BeExactly 'mlp:3072:64-128-64'
        $list.TropicalScore | Should -Be (Get-TropicalScore -LayerWidths 64, 128, 64).TropicalScore
        $sizeList.SearchSpace | Should -Be 'NatsSize'
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '*was read as an architecture*give them without brackets: -LayerWidths 32,24,48,64,16.'
        $sizeWidths.Architecture | Should -BeExactly 'mlp:2:32-24-48-64-16'
        @($none).Count | Should -Be 0
    }

    It 'describes a list read as an architecture as such in verbose output' {
        $lines = @(Get-TropicalScore '[16, 16, 16, 16, 16]' -Verbose -WarningAction SilentlyContinue 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $lines[0] | Should -Not -BeLike '*one fully connected network*'
        $lines[0] | Should -BeLike '*cell-based architectures on the cifar10 network*'
    }

    It 'points a piped list of widths to the MLP form' {
        '[64, 128, 64]' | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -Match ([regex]::Escape("'64' in '[64, 128, 64]' is no NASLib operation index"))
        $problems[0].Exception.Message | Should -Match ([regex]::Escape('are written as mlp:<input dimension>:64-128-64, such as mlp:3072:64-128-64'))
    }

    It 'reports a bad -LayerWidths value with its own id' {
        $score = Get-TropicalScore -LayerWidths 64, -3 -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'LayerWidthsInvalid,*'
        $problems[0].Exception.Message | Should -BeLike '*-3*'
    }

    It 'rejects an input dimension below one at binding' {
        { Get-TropicalScore -LayerWidths 3 -InputDimension 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'names a network too deep for SerraBound in a short message' {
        Get-TropicalScore -LayerWidths (@(4096) * 7400) -Mode SerraBound -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'RegionCountTooLarge,*'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].Exception.Message | Should -BeLike 'Record 1 (mlp:3072:4096-4096-*...): The bound of Serra et al. for 3072 -> 4096-4096-4096-...-4096 (7,400 hidden layers) needs more than 15,000,000 dimension-budget updates*'
        $problems[0].Exception.Message.Length | Should -BeLessThan 300
    }

    It 'keeps absurd sizes finite' {
        $wide = Get-TropicalScore -LayerWidths 1000000000 -InputDimension 3072
        $deep = Get-TropicalScore -LayerWidths (@(64) * 100000)

        [double]::IsFinite($wide.TropicalScore) | Should -BeTrue
        [double]::IsFinite($deep.TropicalScore) | Should -BeTrue
        $deep.RegionCount | Should -BeNullOrEmpty
    }
}

Describe 'Get-TropicalScore for architectures' {
    BeforeAll {
        $cell9930 = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
        $dataFolder = $env:CANOPY_TEST_DATA
    }

    It 'scores a NAS-Bench-201 string with the benchmark network costs' {
        $score = Get-TropicalScore -Architecture $cell9930

        $score.SearchSpace | Should -Be 'NatsTopology'
        $score.ParameterCount | Should -Be 1288506
        $score.Flops | Should -Be 184730250
        $score.TropicalScore | Should -BeGreaterThan 0
    }

    It 'keeps the dataset of an architecture object unless -Dataset is given' {
        $object = New-CanopyArchitecture -Cell $cell9930 -Dataset ImageNet16-120
        $imageNet = Get-TropicalScore -Architecture $cell9930 -Dataset ImageNet16-120
        $cifar = Get-TropicalScore -Architecture $cell9930

        $piped = $object | Get-TropicalScore
        $overridden = $object | Get-TropicalScore -Dataset cifar10
        $passedBack = Get-TropicalScore -Architecture $object.Architecture -Dataset $object.Dataset

        $piped.TropicalScore | Should -Be $imageNet.TropicalScore
        $piped.ParameterCount | Should -Be $object.ParameterCount
        $piped.TropicalScore | Should -Not -Be $cifar.TropicalScore
        $overridden.TropicalScore | Should -Be $cifar.TropicalScore
        $overridden.ParameterCount | Should -Be 1288506
        $passedBack.TropicalScore | Should -Be $imageNet.TropicalScore
    }

    It 'keeps the DARTS network of a genotype object unless -DartsNetwork is given' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $object = New-CanopyArchitecture -Genotype $genotype -DartsNetwork Evaluation
        $evaluation = Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation
        $nasBench301 = Get-TropicalScore -Architecture $genotype

        ($object | Get-TropicalScore).TropicalScore | Should -Be $evaluation.TropicalScore
        ($object | Get-TropicalScore -DartsNetwork NasBench301).TropicalScore | Should -Be $nasBench301.TropicalScore
        $evaluation.TropicalScore | Should -Not -Be $nasBench301.TropicalScore
    }

    It 'recognises every encoding from its form' {
        $inputs = @(
            $cell9930
            '8:16:24:32:64'
            'mlp:784:128-64'
            "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"
        )

        $scores = $inputs | Get-TropicalScore

        $scores.SearchSpace | Should -Be @('NatsTopology', 'NatsSize', 'Mlp', 'Darts')
        $scores | ForEach-Object { [double]::IsFinite($_.TropicalScore) | Should -BeTrue }
    }

    It 'counts more regions for a 3x3 convolution than for a 1x1 and an identity' {
        $cells = '|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|',
                 '|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|',
                 '|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|'

        $scores = (Get-TropicalScore -Architecture $cells).TropicalScore

        $scores[0] | Should -BeLessThan $scores[1]
        $scores[1] | Should -BeLessThan $scores[2]
    }

    It 'gives a disconnected cell a single region' {
        (Get-TropicalScore -Architecture '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|none~0|none~1|none~2|').TropicalScore | Should -Be 0
    }

    It 'adds the scores to records and keeps their properties' {
        $records = @"
Name,ArchitectureString,Accuracy
best,$cell9930,94.36
plain,|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|,86.45
"@ | ConvertFrom-Csv

        $scored = $records | Get-TropicalScore

        $scored.Count | Should -Be 2
        $scored[0].Name | Should -Be 'best'
        $scored[0].Accuracy | Should -Be '94.36'
        $scored[0].ParameterCount | Should -Be 1288506
        $scored[0].SearchSpace | Should -Be 'NatsTopology'
        $scored[0].TropicalScore | Should -BeGreaterThan $scored[1].TropicalScore
    }

    It 'reads the column named by -ArchitectureProperty' {
        $record = [pscustomobject]@{ cell = $cell9930; arch = 'not an architecture' }

        $scored = $record | Get-TropicalScore -ArchitectureProperty cell

        $scored.ParameterCount | Should -Be 1288506
    }

    It 'keeps a published flops column and warns once' {
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ arch_str = $cell9930; flops = 116.69 } }

        $scored = $records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $scored.flops | Should -Be @(116.69, 116.69, 116.69)
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike "*'flops'*"
    }

    It 'adds no warning for a SearchSpace property that agrees' {
        $records = @(
            [pscustomobject]@{ ArchitectureString = $cell9930; SearchSpace = 'NatsTopology' }
            [pscustomobject]@{ ArchitectureString = $cell9930; SearchSpace = 'my sweep' }
        )

        $null = $records[0] | Get-TropicalScore -WarningVariable agreeing -WarningAction SilentlyContinue
        $null = $records[1] | Get-TropicalScore -WarningVariable differing -WarningAction SilentlyContinue

        $agreeing.Count | Should -Be 0
        $differing.Count | Should -Be 1
        $records[1].SearchSpace | Should -Be 'my sweep'
    }

    It 'replaces a SearchSpace that names another space' {
        $record = [pscustomobject]@{ ArchitectureString = $cell9930; SearchSpace = 'Darts' }

        $scored = $record | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $scored.SearchSpace | Should -Be 'NatsTopology'
        $scored.ParameterCount | Should -Be 1288506
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike "*'SearchSpace'*another search space*"
    }

    It 'replaces the counts of an exported scoring' {
        $path = Join-Path $TestDrive 'scored-cifar10.csv'
        $cifar100 = Get-TropicalScore -Architecture $cell9930 -Dataset cifar100 -Mode BottleneckBound
        [pscustomobject]@{ ArchitectureString = $cell9930 } | Get-TropicalScore | Export-Csv -Path $path

        $scored = Import-Csv -Path $path | Get-TropicalScore -Dataset cifar100 -Mode BottleneckBound -WarningVariable warnings

        $scored.TropicalScore | Should -Be $cifar100.TropicalScore
        $scored.ParameterCount | Should -Be $cifar100.ParameterCount
        $scored.ParameterCount | Should -Not -Be 1288506
        $scored.Flops | Should -Be $cifar100.Flops
        $scored.SearchSpace | Should -Be 'NatsTopology'
        $warnings.Count | Should -Be 0
    }

    It 'empties an earlier score when rescoring fails' -TestCases @(
        @{ Change = { param($r) $r.ArchitectureString = 'bogus' }; Arguments = @{}; Id = 'ArchitectureInvalid' }
        @{ Change = { param($r) $r.ArchitectureString = '' }; Arguments = @{}; Id = 'ArchitectureInvalid' }
        @{ Change = { param($r) }; Arguments = @{ SearchSpace = 'Darts' }; Id = 'ArchitectureInvalid' }
        @{ Change = { param($r) }; Arguments = @{ Mode = 'SerraBound' }; Id = 'ModeNotSupported' }
    ) {
        param($Change, $Arguments, $Id)
        $record = [pscustomobject]@{ ArchitectureString = $cell9930 }
        $null = $record | Get-TropicalScore
        $record.TropicalScore | Should -Not -BeNullOrEmpty

        & $Change $record
        $null = $record | Get-TropicalScore @Arguments -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $record.TropicalScore | Should -BeNullOrEmpty
        $record.ParameterCount | Should -BeNullOrEmpty
        $record.Flops | Should -BeNullOrEmpty
        $record.SearchSpace | Should -BeNullOrEmpty
    }

    It 'hides the typed score properties of a .NET record when rescoring fails' {
        if (-not ('CanopyTests.TypedRecord' -as [type])) {
            Add-Type -TypeDefinition @'
namespace CanopyTests
{
    public class TypedRecord
    {
        public string arch { get; set; }
        public double TropicalScore { get; set; }
        public long ParameterCount { get; set; }
        public long Flops { get; set; }
        public string SearchSpace { get; set; }
    }

    public class ReadOnlyRecord
    {
        public string arch { get { return "not an architecture"; } }
        public double TropicalScore { get { return 1.5; } }
        public long ParameterCount { get { return 42; } }
        public long Flops { get { return 43; } }
        public string SearchSpace { get { return "Darts"; } }
    }
}
'@
        }
        $typed = [CanopyTests.TypedRecord]@{ arch = $cell9930 }
        # The typed counts start at 0, which the scoring replaces and reports.
        $null = $typed | Get-TropicalScore -WarningVariable typedWarnings -WarningAction SilentlyContinue
        $scoredParameters = $typed.ParameterCount

        $typed.arch = 'garbage'
        $null = $typed | Get-TropicalScore -ErrorVariable typedProblems -ErrorAction SilentlyContinue
        $null = [CanopyTests.ReadOnlyRecord]::new() | Get-TropicalScore -ErrorVariable readOnlyProblems -ErrorAction SilentlyContinue
        $readOnly = [CanopyTests.ReadOnlyRecord]::new()

        $scoredParameters | Should -Be 1288506
        $typedWarnings[0].Message | Should -BeLike '*In record 1, ParameterCount 0 became 1,288,506 and Flops 0 became 184,730,250.*'
        $typedProblems.Count | Should -Be 1
        $typed.TropicalScore | Should -BeNullOrEmpty
        $typed.ParameterCount | Should -BeNullOrEmpty
        $typed.Flops | Should -BeNullOrEmpty
        $typed.SearchSpace | Should -BeNullOrEmpty
        $readOnlyProblems.Count | Should -Be 1
        $readOnlyProblems[0].TargetObject.TropicalScore | Should -BeNullOrEmpty
        $readOnlyProblems[0].TargetObject.ParameterCount | Should -BeNullOrEmpty
        $readOnly.ParameterCount | Should -Be 42
    }

    It 'reports the parser of the text form, not of an earlier SearchSpace' {
        $record = [pscustomobject]@{ ArchitectureString = $cell9930 }
        $null = $record | Get-TropicalScore

        $record.ArchitectureString = "Genotype(normal=[('sep_conv_3x3', 0)], normal_concot=[2])"
        $null = $record | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike '*normal_concot*'
        $problems[0].Exception.Message | Should -Not -BeLike '*NATS-Bench topology cell*'
    }

    It 'empties only the score columns a failed record has' {
        $record = [pscustomobject]@{ ArchitectureString = 'garbage'; TropicalScore = '12.5' }

        $null = $record | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $record.TropicalScore | Should -BeNullOrEmpty
        @($record.psobject.Properties.Name) | Should -Be @('ArchitectureString', 'TropicalScore')
    }

    It 'empties an earlier score of an MLP record with invalid widths' {
        $record = [pscustomobject]@{ LayerWidths = '64,64' }
        $null = $record | Get-TropicalScore
        $record.TropicalScore | Should -BeGreaterThan 0

        $record.LayerWidths = '0'
        $null = $record | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $record.TropicalScore | Should -BeNullOrEmpty
        $record.ParameterCount | Should -BeNullOrEmpty
    }

    It 'scores records of mixed shapes' {
        $records = @(
            [pscustomobject]@{ ArchitectureString = $cell9930 }
            [pscustomobject]@{ ArchitectureString = $cell9930; Flops = 5; TropicalScore = 'old' }
            [pscustomobject]@{ ArchitectureString = $cell9930 }
            [pscustomobject]@{ ArchitectureString = $cell9930; parametercount = 1288506 }
            [pscustomobject]@{ ArchitectureString = $cell9930 }
        )
        $expected = (Get-TropicalScore -Architecture $cell9930).TropicalScore

        $scored = $records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $scored.Count | Should -Be 5
        $scored.TropicalScore | Should -Be (@($expected) * 5)
        $scored[1].TropicalScore | Should -BeOfType [double]
        # The second record's TropicalScore marks its Flops column as an earlier scoring's, so it is replaced.
        $scored.Flops | Should -Be (@(184730250) * 5)
        $scored.ParameterCount | Should -Be (@(1288506) * 5)
        @($scored[0].psobject.Properties.Name) | Should -Be @('ArchitectureString', 'TropicalScore', 'ParameterCount', 'Flops', 'SearchSpace')
        @($scored[1].psobject.Properties.Name) | Should -Be @('ArchitectureString', 'Flops', 'TropicalScore', 'ParameterCount', 'SearchSpace')
        @($scored[3].psobject.Properties.Name) | Should -Be @('ArchitectureString', 'parametercount', 'TropicalScore', 'Flops', 'SearchSpace')
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '1 record had a ParameterCount or Flops that differs*In record 2, Flops 5 became 184,730,250. *with -Dataset (cifar10, cifar100 or ImageNet16-120).'
    }

    It 'overwrites TropicalScore on rescoring' {
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "cell $_"; ArchitectureString = $cell9930 } }
        $bound = (Get-TropicalScore -Architecture $cell9930 -Mode TropicalBound).TropicalScore

        $null = $records | Get-TropicalScore -Mode Generic
        $scored = $records | Get-TropicalScore -Mode TropicalBound -WarningVariable warnings

        $scored.TropicalScore | Should -Be @($bound, $bound, $bound)
        $records[0].TropicalScore | Should -Be $bound
        $bound | Should -Not -Be (Get-TropicalScore -Architecture $cell9930).TropicalScore
        @($records[0].psobject.Properties.Name) | Should -Be @('Name', 'ArchitectureString', 'TropicalScore', 'ParameterCount', 'Flops', 'SearchSpace', 'Mode')
        $records[0].Mode | Should -BeExactly 'TropicalBound'
        $warnings.Count | Should -Be 0
    }

    It 'exports scores as ordinary properties' {
        $record = [pscustomobject]@{ Name = 'cell 9930'; ArchitectureString = $cell9930 }
        $score = Get-TropicalScore -Architecture $cell9930
        $clixml = Join-Path $TestDrive 'scored.xml'

        $scored = $record | Get-TropicalScore
        $csv = $scored | ConvertTo-Csv | ConvertFrom-Csv
        $json = $scored | ConvertTo-Json | ConvertFrom-Json
        $scored | Export-Clixml -Path $clixml
        $restored = Import-Clixml -Path $clixml

        @($csv.psobject.Properties.Name) | Should -Be @('Name', 'ArchitectureString', 'TropicalScore', 'ParameterCount', 'Flops', 'SearchSpace')
        [double]$csv.TropicalScore | Should -Be $score.TropicalScore
        $csv.Flops | Should -Be '184730250'
        $json.ParameterCount | Should -Be 1288506
        $json.SearchSpace | Should -Be 'NatsTopology'
        $restored.TropicalScore | Should -Be $score.TropicalScore
        $restored.Flops | Should -Be 184730250
    }

    It 'rescoring updates the counts' {
        $record = [pscustomobject]@{ ArchitectureString = $cell9930 }
        $imageNet = Get-TropicalScore -Architecture $cell9930 -Dataset ImageNet16-120

        $null = $record | Get-TropicalScore
        $scored = $record | Get-TropicalScore -Dataset ImageNet16-120 -WarningVariable warnings

        $scored.ParameterCount | Should -Be $imageNet.ParameterCount
        $scored.ParameterCount | Should -Not -Be 1288506
        $scored.Flops | Should -Be $imageNet.Flops
        $scored.TropicalScore | Should -Be $imageNet.TropicalScore
        $warnings.Count | Should -Be 0
    }

    It 'fills, copies and clears scores' {
        $record = [pscustomobject]@{ ArchitectureString = $cell9930; Flops = '' }
        $bound = Get-TropicalScore -Architecture $cell9930 -Mode TropicalBound -Dataset cifar100

        $scored = $record | Get-TropicalScore -WarningVariable warnings
        $filledFlops = $scored.Flops
        $copy = $scored.psobject.Copy()
        $null = $copy | Get-TropicalScore -Mode TropicalBound -Dataset cifar100 -WarningAction SilentlyContinue
        $null = $record | Get-TropicalScore -Mode SerraBound -ErrorVariable problems -ErrorAction SilentlyContinue

        $warnings.Count | Should -Be 0
        $filledFlops | Should -Be 184730250
        $copy.TropicalScore | Should -Be $bound.TropicalScore
        $copy.ParameterCount | Should -Be $bound.ParameterCount
        $copy.Flops | Should -Be $bound.Flops
        $bound.Flops | Should -Not -Be 184730250
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ModeNotSupported,*'
        $record.TropicalScore | Should -BeNullOrEmpty
        $record.ParameterCount | Should -BeNullOrEmpty
    }

    It 'rescores score objects into new ones' {
        $first = Get-TropicalScore -Architecture $cell9930
        $global = Get-TropicalScore -Architecture $cell9930 -Mode GlobalBound -Dataset ImageNet16-120

        $again = $first | Get-TropicalScore -Mode GlobalBound -Dataset ImageNet16-120

        $again | Should -BeOfType ([Canopy.Scoring.ArchitectureScore])
        "$first" | Should -BeExactly $cell9930
        (Get-TropicalScore -Architecture $first).ParameterCount | Should -Be 1288506
        $again.TropicalScore | Should -Be $global.TropicalScore
        $again.Mode | Should -Be 'GlobalBound'
        $again.ParameterCount | Should -Be $global.ParameterCount
        $first.Mode | Should -Be 'Generic'
        $first.ParameterCount | Should -Be 1288506
    }

    It 'keeps the dataset and DARTS network of a score it rescores' {
        $size = Get-TropicalScore -Architecture '8:8:8:8:8' -Dataset ImageNet16-120
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $evaluation = Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation

        $sizeAgain = $size | Get-TropicalScore -Mode BottleneckBound
        $dartsAgain = $evaluation | Get-TropicalScore -Mode BottleneckBound
        $dartsOverridden = $evaluation | Get-TropicalScore -DartsNetwork NasBench301

        $size.Dataset | Should -BeExactly 'ImageNet16-120'
        $sizeAgain.Dataset | Should -BeExactly 'ImageNet16-120'
        $sizeAgain.ParameterCount | Should -Be $size.ParameterCount
        $evaluation.DartsNetwork | Should -Be 'Evaluation'
        $dartsAgain.ParameterCount | Should -Be $evaluation.ParameterCount
        $dartsAgain.DartsNetwork | Should -Be 'Evaluation'
        $dartsOverridden.ParameterCount | Should -Be (Get-TropicalScore -Architecture $genotype).ParameterCount
        $dartsOverridden.ParameterCount | Should -Not -Be $evaluation.ParameterCount
        (Get-TropicalScore -LayerWidths 4).Dataset | Should -BeNullOrEmpty
    }

    It 'keeps the DARTS network of exported scores and search records' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $evaluation = Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation
        $csv = Join-Path $TestDrive 'evaluation.csv'
        $evaluation | Export-Csv -Path $csv -NoTypeInformation
        $summary = Invoke-CanopySearch -SearchSpace Darts -Seed 1 -Budget 20 -DartsNetwork Evaluation -Summary

        $fromCsv = Import-Csv $csv | Get-TropicalScore -Mode TropicalBound
        $fromSearch = $summary | Get-TropicalScore
        $bare = [pscustomobject]@{ Architecture = $genotype; DartsNetwork = 'evaluation' } | Get-TropicalScore

        $fromCsv.ParameterCount | Should -Be $evaluation.ParameterCount
        $fromCsv.TropicalScore | Should -Be (Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation -Mode TropicalBound).TropicalScore
        $fromCsv.Mode | Should -Be 'TropicalBound'
        $summary.DartsNetwork | Should -Be 'Evaluation'
        $fromSearch.TropicalScore | Should -Be $fromSearch.Score
        $bare.ParameterCount | Should -Be $evaluation.ParameterCount
    }

    It 'writes Mode and DartsNetwork names to JSON' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture

        $mlp = Get-TropicalScore -LayerWidths 8, 8 | ConvertTo-Json -Compress
        $darts = Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation -Mode TropicalBound | ConvertTo-Json -Compress

        $mlp | Should -BeLike '*"SearchSpace":"Mlp","Mode":"Generic",*"DartsNetwork":null,*'
        $darts | Should -BeLike '*"SearchSpace":"Darts","Mode":"TropicalBound",*"DartsNetwork":"Evaluation",*'
    }

    It 'rescores scores read back from JSON in another mode' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $json = Join-Path $TestDrive 'scores.json'
        @(Get-TropicalScore -Architecture $cell9930, $genotype -DartsNetwork Evaluation) | ConvertTo-Json | Set-Content -Path $json

        $rescored = @(Get-Content $json -Raw | ConvertFrom-Json | Get-TropicalScore -Mode TropicalBound)

        $rescored.Mode | Should -BeExactly @('TropicalBound', 'TropicalBound')
        $rescored[0].TropicalScore | Should -Be (Get-TropicalScore -Architecture $cell9930 -Mode TropicalBound).TropicalScore
        $rescored[1].DartsNetwork | Should -BeExactly 'Evaluation'
        $rescored[1].TropicalScore | Should -Be (Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation -Mode TropicalBound).TropicalScore
    }

    It 'rescores scores of a JSON file that holds mode and network numbers' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $evaluation = Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation -Mode TropicalBound
        # ConvertTo-Json writes an enum value as the member's number: Mode 0 is Generic and DartsNetwork 1 is Evaluation.
        $json = @(
            [ordered]@{ Architecture = $cell9930; SearchSpace = 'NatsTopology'; Mode = 0; Dataset = 'cifar10'; DartsNetwork = $null; TropicalScore = 1.0 }
            [ordered]@{ Architecture = $genotype; SearchSpace = 'Darts'; Mode = 0; Dataset = 'cifar10'; DartsNetwork = 1; TropicalScore = 1.0 }
        ) | ConvertTo-Json

        $rescored = @($json | ConvertFrom-Json | Get-TropicalScore -Mode TropicalBound)

        $rescored.Mode | Should -BeExactly @('TropicalBound', 'TropicalBound')
        $rescored[1].DartsNetwork | Should -BeExactly 'Evaluation'
        $rescored[1].ParameterCount | Should -Be $evaluation.ParameterCount
        $rescored[1].TropicalScore | Should -Be $evaluation.TropicalScore
    }

    It 'updates Mode and Dataset of a record scored before' {
        $summary = Invoke-CanopySearch -SearchSpace NatsTopology -Seed 1 -Budget 30 -Summary
        $own = [pscustomobject]@{ ArchitectureString = $cell9930; TropicalScore = 1; Dataset = 'svhn'; Mode = 'mine' }

        $rescored = $summary | Get-TropicalScore -Mode GlobalBound -Dataset ImageNet16-120
        $ownRescored = $own | Get-TropicalScore -WarningAction SilentlyContinue

        $rescored.Mode | Should -Be 'GlobalBound'
        $rescored.Dataset | Should -BeExactly 'ImageNet16-120'
        $rescored.TropicalScore | Should -Be (Get-TropicalScore -Architecture $summary.Architecture -Mode GlobalBound -Dataset ImageNet16-120).TropicalScore
        $ownRescored.Dataset | Should -BeExactly 'svhn'
        $ownRescored.Mode | Should -BeExactly 'mine'
        $ownRescored.TropicalScore | Should -Be (Get-TropicalScore -Architecture $cell9930).TropicalScore
    }

    It 'keeps a record''s own columns when it is scored again' {
        $record = [pscustomobject]@{ ArchitectureString = $cell9930; flops = '116.69' }

        $first = $record | Get-TropicalScore -WarningAction SilentlyContinue
        $second = $first | Get-TropicalScore -Mode GlobalBound -WarningVariable warnings -WarningAction SilentlyContinue

        $second.flops | Should -Be '116.69'
        $second.ParameterCount | Should -Be 1288506
        $second.TropicalScore | Should -Be (Get-TropicalScore -Architecture $cell9930 -Mode GlobalBound).TropicalScore
        "$($warnings[0])" | Should -BeLike "1 record already had 'flops'*"
    }

    It 'keeps a NASLib flops object and warns' {
        # NAS-Bench-Suite-Zero stores every proxy as {score, time}, which prints as empty text but is data.
        $json = '[{"Architecture": "' + $cell9930 + '", "flops": {"score": 115.402432, "time": 0}}]'
        $record = $json | ConvertFrom-Json

        $scored = $record | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $scored.flops.score | Should -Be 115.402432
        $scored.flops.time | Should -Be 0
        $scored.ParameterCount | Should -Be 1288506
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "1 record already had 'flops'*"
    }

    It 'leaves an empty cell of a published flops column empty' {
        $records = @(
            [pscustomobject]@{ ArchitectureString = $cell9930; flops = '116.69' }
            [pscustomobject]@{ ArchitectureString = $cell9930; flops = '' }
            [pscustomobject]@{ ArchitectureString = $cell9930; flops = '116.69' }
        )

        $scored = @($records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue)

        $scored.flops | Should -Be @('116.69', '', '116.69')
        $warnings.Count | Should -Be 2
        "$($warnings[0])" | Should -BeLike "2 records already had 'flops'*"
        "$($warnings[1])" | Should -Be "1 record had an empty 'flops', which stays empty, because Canopy fills only a column spelt Flops. Rename the column to Flops to get Canopy's count there."
    }

    It 'keeps a nested object in a column spelt Flops' {
        $json = '[{"ArchitectureString": "' + $cell9930 + '", "Flops": {"score": 115.4, "time": 0}}]'

        $scored = $json | ConvertFrom-Json | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $scored.Flops.score | Should -Be 115.4
        "$($warnings[0])" | Should -BeLike "1 record already had 'Flops'*"
    }

    It 'warns when an empty Flops cell is filled among a column''s own values' {
        $records = @(
            [pscustomobject]@{ ArchitectureString = $cell9930; Flops = '116.69' }
            [pscustomobject]@{ ArchitectureString = $cell9930; Flops = '' }
            [pscustomobject]@{ ArchitectureString = $cell9930; Flops = '116.69' }
        )

        $scored = @($records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue)

        $scored.Flops | Should -Be @('116.69', 184730250, '116.69')
        $warnings.Count | Should -Be 2
        "$($warnings[0])" | Should -BeLike "2 records already had 'Flops'*"
        "$($warnings[1])" | Should -BeLike "1 record had an empty 'Flops', which Canopy's count filled, while other records kept their own values there*"
    }

    It 'fills an empty count column without a warning' {
        $records = @(
            [pscustomobject]@{ ArchitectureString = $cell9930; Flops = '' }
            [pscustomobject]@{ ArchitectureString = $cell9930; Flops = '' }
        )

        $scored = @($records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue)

        $scored.Flops | Should -Be @(184730250, 184730250)
        $warnings.Count | Should -Be 0
    }

    It 'keeps a file''s own flops column when its export is scored again' {
        $csv = Join-Path $TestDrive 'own-flops.csv'
        [pscustomobject]@{ ArchitectureString = $cell9930; flops = '116.69' } |
            Get-TropicalScore -WarningAction SilentlyContinue | Export-Csv -Path $csv -NoTypeInformation

        $rescored = Import-Csv $csv | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $rescored.flops | Should -BeExactly '116.69'
        $rescored.ParameterCount | Should -Be 1288506
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "1 record already had 'flops'*"
    }

    It 'updates the formula and region count of an exported score' {
        $csv = Join-Path $TestDrive 'mlp.csv'
        Get-TropicalScore -LayerWidths 3, 2 -InputDimension 2 | Export-Csv -Path $csv -NoTypeInformation

        $rescored = Import-Csv $csv | Get-TropicalScore -Mode TropicalBound
        $direct = Get-TropicalScore -LayerWidths 3, 2 -InputDimension 2 -Mode TropicalBound

        $rescored.Mode | Should -Be 'TropicalBound'
        $rescored.Formula | Should -Be $direct.Formula
        $rescored.RegionCount | Should -Be $direct.RegionCount
        $rescored.IsExactMaximum | Should -Be $direct.IsExactMaximum
        $rescored.Formula | Should -Not -Be (Get-TropicalScore -LayerWidths 3, 2 -InputDimension 2).Formula
    }

    It 'rescores an architecture record read back through <Format>' -ForEach @(
        @{ Format = 'CSV'; Read = { param($record) $path = Join-Path $TestDrive 'cell.csv'; $record | Export-Csv -Path $path; Import-Csv -Path $path } }
        @{ Format = 'JSON'; Read = { param($record) $record | ConvertTo-Json -Depth 5 | ConvertFrom-Json } }
        @{ Format = 'Select-Object'; Read = { param($record) $record | Select-Object * } }
    ) {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|'
        $expected = Get-TropicalScore -Architecture $cell -Dataset ImageNet16-120
        $read = & $Read (New-CanopyArchitecture -ArchitectureString $cell)

        $scored = $read | Get-TropicalScore -Dataset ImageNet16-120 -WarningVariable warnings

        $read.Dataset | Should -BeExactly 'ImageNet16-120'
        $scored.Dataset | Should -BeExactly 'ImageNet16-120'
        $scored.ParameterCount | Should -Be 809576
        $scored.Flops | Should -Be 28495480
        $scored.TropicalScore | Should -Be $expected.TropicalScore
        $scored.Network | Should -BeExactly 'NATS-Bench topology: C = 16, 5 cells per stage'
        $warnings | Should -BeNullOrEmpty
    }

    It 'moves an exported DARTS record to the scored network' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $path = Join-Path $TestDrive 'darts.csv'
        New-CanopyArchitecture -Genotype $genotype | Export-Csv -Path $path
        $expected = New-CanopyArchitecture -Genotype $genotype -Dataset cifar100 -DartsNetwork Evaluation

        $scored = Import-Csv -Path $path | Get-TropicalScore -Dataset cifar100 -DartsNetwork Evaluation -WarningVariable warnings

        $scored.Dataset | Should -BeExactly 'cifar100'
        $scored.DartsNetwork | Should -BeExactly 'Evaluation'
        $scored.Network | Should -BeExactly 'DARTS evaluation: 20 cells, C = 36'
        $scored.ParameterCount | Should -Be $expected.ParameterCount
        $scored.Flops | Should -Be $expected.Flops
        $scored.TropicalScore | Should -Be (Get-TropicalScore -Architecture $genotype -Dataset cifar100 -DartsNetwork Evaluation).TropicalScore
        $warnings | Should -BeNullOrEmpty
    }

    It 'reads the DartsNetwork of every DARTS record' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $records = @(
            [pscustomobject]@{ Architecture = $genotype }
            [pscustomobject]@{ Architecture = $genotype; DartsNetwork = 'Evaluation' }
            [pscustomobject]@{ Architecture = $genotype; DartsNetwork = 'Foo' }
        )

        $scores = $records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $scores[0].TropicalScore | Should -Be (Get-TropicalScore -Architecture $genotype).TropicalScore
        $scores[1].TropicalScore | Should -Be (Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation).TropicalScore
        $scores[1].ParameterCount | Should -Be (New-CanopyArchitecture -Genotype $genotype -DartsNetwork Evaluation).ParameterCount
        $scores[2].TropicalScore | Should -Be $scores[0].TropicalScore
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '1 DARTS record names no DARTS network in the DartsNetwork property, so it was counted in NasBench301. The networks are NasBench301 and Evaluation.'
    }

    It 'warns that -DartsNetwork leaves other search spaces unchanged' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|'

        $scores = Get-TropicalScore -Architecture $cell, 'mlp:3072:64' -DartsNetwork Evaluation -WarningVariable warnings -WarningAction SilentlyContinue

        $scores.TropicalScore | Should -Be (Get-TropicalScore -Architecture $cell, 'mlp:3072:64').TropicalScore
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '-DartsNetwork Evaluation sets the network of DARTS genotypes only, so it did not apply to 2 architectures of other search spaces.'
    }

    It 'keeps the network a Network column names when DartsNetwork is missing' {
        # Export-Csv writes the first record's columns only, and a NATS record has no DartsNetwork.
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $path = Join-Path $TestDrive 'mixed.csv'
        @(
            New-CanopyArchitecture -ArchitectureString '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|'
            New-CanopyArchitecture -Genotype $genotype -DartsNetwork Evaluation
        ) | Export-Csv -Path $path

        $scored = Import-Csv -Path $path | Get-TropicalScore -Dataset cifar100 -WarningVariable warnings

        (Import-Csv -Path $path)[1].PSObject.Properties.Name | Should -Not -Contain 'DartsNetwork'
        $scored[1].Network | Should -BeExactly 'DARTS evaluation: 20 cells, C = 36'
        $scored[1].ParameterCount | Should -Be (New-CanopyArchitecture -Genotype $genotype -Dataset cifar100 -DartsNetwork Evaluation).ParameterCount
        $scored[1].TropicalScore | Should -Be (Get-TropicalScore -Architecture $genotype -Dataset cifar100 -DartsNetwork Evaluation).TropicalScore
        $warnings | Should -BeNullOrEmpty
    }

    It 'empties a benchmark DartsNetwork of a genotype with widths' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture + '; widths=[16, 32, 64]'
        # A benchmark network on a genotype with its own widths is stale, as in a record edited by hand.
        $record = New-CanopyArchitecture -Genotype $genotype | Select-Object *
        $record.DartsNetwork = 'NasBench301'

        $scored = $record | Get-TropicalScore -Dataset cifar100

        $scored.DartsNetwork | Should -BeNullOrEmpty
        $scored.Network | Should -BeExactly 'DARTS network: 3 cells, C = 16, 32, 64'
        $scored.ParameterCount | Should -Be (New-CanopyArchitecture -Genotype $genotype -Dataset cifar100).ParameterCount
    }

    It 'records the DARTS network of scored DARTS records' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $path = Join-Path $TestDrive 'darts-scored.csv'
        $expected = Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation
        $withWidths = [pscustomobject]@{ genotype = $genotype + '; widths=[16, 32, 64]' } | Get-TropicalScore
        [pscustomobject]@{ name = 'DARTS'; genotype = $genotype } | Get-TropicalScore -DartsNetwork Evaluation | Export-Csv -Path $path

        $exported = Import-Csv -Path $path
        $rescored = Import-Csv -Path $path | Get-TropicalScore -WarningVariable warnings

        @($exported.PSObject.Properties.Name) | Should -Be @('name', 'genotype', 'TropicalScore', 'ParameterCount', 'Flops', 'SearchSpace', 'DartsNetwork')
        $exported.DartsNetwork | Should -BeExactly 'Evaluation'
        $rescored.ParameterCount | Should -Be $expected.ParameterCount
        $rescored.Flops | Should -Be $expected.Flops
        $rescored.TropicalScore | Should -Be $expected.TropicalScore
        $warnings | Should -BeNullOrEmpty
        @($withWidths.PSObject.Properties.Name) | Should -Contain 'DartsNetwork'
        $withWidths.DartsNetwork | Should -BeNullOrEmpty
    }

    It 'records a dataset other than cifar10' {
        $path = Join-Path $TestDrive 'cifar100-scored.csv'
        $expected = Get-TropicalScore -Architecture $cell9930 -Dataset cifar100
        $cifar10 = [pscustomobject]@{ arch = $cell9930 } | Get-TropicalScore -Dataset cifar10
        [pscustomobject]@{ arch = $cell9930 } | Get-TropicalScore -Dataset cifar100 | Export-Csv -Path $path

        $exported = Import-Csv -Path $path
        $rescored = Import-Csv -Path $path | Get-TropicalScore -WarningVariable warnings

        $exported.Dataset | Should -BeExactly 'cifar100'
        $rescored.ParameterCount | Should -Be $expected.ParameterCount
        $rescored.ParameterCount | Should -Not -Be 1288506
        $rescored.Flops | Should -Be $expected.Flops
        $warnings | Should -BeNullOrEmpty
        $cifar10.Dataset | Should -BeExactly 'cifar10'
    }

    It 'keeps -Dataset and -DartsNetwork through Export-Csv when an MLP comes first' {
        # Export-Csv takes its columns from the first record, so the MLP must carry both columns, empty.
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $path = Join-Path $TestDrive 'mlp-first.csv'
        $records = @(
            [pscustomobject]@{ arch = 'mlp:784:64-64' }
            [pscustomobject]@{ arch = $cell9930 }
            [pscustomobject]@{ arch = $genotype }
        )
        $records | Get-TropicalScore -Dataset ImageNet16-120 -DartsNetwork Evaluation -WarningAction SilentlyContinue | Export-Csv -Path $path

        $exported = Import-Csv -Path $path
        $rescored = Import-Csv -Path $path | Get-TropicalScore -WarningVariable warnings

        @($exported[0].PSObject.Properties.Name) | Should -Be @('arch', 'TropicalScore', 'ParameterCount', 'Flops', 'SearchSpace', 'DartsNetwork', 'Dataset')
        $exported[0].Dataset | Should -BeNullOrEmpty
        $exported[0].DartsNetwork | Should -BeNullOrEmpty
        $exported[1].Dataset | Should -BeExactly 'ImageNet16-120'
        $rescored[1].TropicalScore | Should -Be (Get-TropicalScore -Architecture $cell9930 -Dataset ImageNet16-120).TropicalScore
        $rescored[1].ParameterCount | Should -Be 1295656
        $rescored[2].ParameterCount | Should -Be (Get-TropicalScore -Architecture $genotype -Dataset ImageNet16-120 -DartsNetwork Evaluation).ParameterCount
        $rescored[0].TropicalScore | Should -Be (Get-TropicalScore -LayerWidths 64, 64 -InputDimension 784).TropicalScore
        $warnings | Should -BeNullOrEmpty
    }

    It 'names the mode on records only when -Mode is given' {
        $bound = [pscustomobject]@{ arch = $cell9930 } | Get-TropicalScore -Mode BottleneckBound
        $default = [pscustomobject]@{ arch = $cell9930 } | Get-TropicalScore
        $own = [pscustomobject]@{ arch = $cell9930; Mode = 'fine-tuned' } | Get-TropicalScore -Mode BottleneckBound

        $bound.Mode | Should -BeExactly 'BottleneckBound'
        $bound.TropicalScore | Should -Be (Get-TropicalScore -Architecture $cell9930 -Mode BottleneckBound).TropicalScore
        $default.PSObject.Properties['Mode'] | Should -BeNullOrEmpty
        $own.Mode | Should -BeExactly 'fine-tuned'
    }

    It 'writes a slow producer''s record before the next one is read' {
        # Batching would hold every record until the end; a record that waited is written when the next one arrives.
        $events = [System.Collections.Generic.List[string]]::new()
        1..3 | ForEach-Object {
            if ($_ -gt 1) { Start-Sleep -Milliseconds 600 }
            $events.Add("produced $_")
            [pscustomobject]@{ i = $_; arch = $cell9930 }
        } | Get-TropicalScore | ForEach-Object { $events.Add("written $($_.i)") }

        $events.IndexOf('written 1') | Should -BeLessThan $events.IndexOf('produced 3')
        $events.IndexOf('written 1') | Should -BeGreaterThan $events.IndexOf('produced 2')
        @($events | Where-Object { $_ -like 'written*' }) | Should -Be @('written 1', 'written 2', 'written 3')
    }

    It 'writes records that keep arriving within the wait' {
        # The wait counts from the first record of a batch, so records 100 ms apart do not hold it back until the end.
        $events = [System.Collections.Generic.List[string]]::new()
        1..8 | ForEach-Object {
            if ($_ -gt 1) { Start-Sleep -Milliseconds 100 }
            $events.Add("produced $_")
            [pscustomobject]@{ i = $_; arch = $cell9930 }
        } | Get-TropicalScore | ForEach-Object { $events.Add("written $($_.i)") }

        $events.IndexOf('written 1') | Should -BeLessThan $events.IndexOf('produced 8')
    }

    It 'warns once when rescoring replaces counts' {
        $genotype = (Get-CanopyArchitecture -SearchSpace Darts -Count 1 -Seed 5).Architecture
        $evaluation = Get-TropicalScore -Architecture $genotype -DartsNetwork Evaluation
        $default = Get-TropicalScore -Architecture $genotype
        # Files scored before the DartsNetwork column existed carry the counts alone, as text or as JSON numbers.
        $records = @(
            [pscustomobject]@{ genotype = $genotype; TropicalScore = "$($evaluation.TropicalScore)"; ParameterCount = "$($evaluation.ParameterCount)"; Flops = "$($evaluation.Flops)" }
            [pscustomobject]@{ genotype = $genotype; TropicalScore = $evaluation.TropicalScore; ParameterCount = $evaluation.ParameterCount; Flops = $evaluation.Flops }
            [pscustomobject]@{ genotype = $genotype; TropicalScore = $default.TropicalScore; ParameterCount = $default.ParameterCount; Flops = $default.Flops }
        )
        $message = '2 records had a ParameterCount or Flops that differs from the count of the network they were scored on now, and Canopy''s counts replaced them. ' +
            "In record 1, ParameterCount {0:N0} became {1:N0} and Flops {2:N0} became {3:N0}. " -f $evaluation.ParameterCount, $default.ParameterCount, $evaluation.Flops, $default.Flops +
            'If the file was scored on another network, score it again with -DartsNetwork (NasBench301 or Evaluation) or -Dataset (cifar10, cifar100 or ImageNet16-120).'

        # Scoring returns the records themselves, so the second scoring gets copies.
        $scored = $records | ForEach-Object { $_.PSObject.Copy() } | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue
        $chosen = $records | Get-TropicalScore -DartsNetwork Evaluation -WarningVariable chosenWarnings -WarningAction SilentlyContinue

        $scored[0].ParameterCount | Should -Be $default.ParameterCount
        $scored[1].Flops | Should -Be $default.Flops
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeExactly $message
        $chosen[2].ParameterCount | Should -Be $evaluation.ParameterCount
        $chosenWarnings | Should -BeNullOrEmpty
    }

    It 'replaces MLP counts without a warning when -InputDimension is given' {
        # The TropicalScore column marks the counts as those of an earlier scoring, in which 2 inputs gave 3 hidden
        # units (2 + 1)·3 = 9 parameters and 2·3 = 6 FLOPs. With 4 inputs they have (4 + 1)·3 = 15 parameters and
        # 4·3 = 12 FLOPs, and with the default 3,072 inputs 9,219 and 9,216.
        $records = @(
            [pscustomobject]@{ LayerWidths = '3'; TropicalScore = [math]::Log10(7); ParameterCount = 9; Flops = 6 }
            [pscustomobject]@{ LayerWidths = '3'; TropicalScore = [math]::Log10(7); ParameterCount = 9; Flops = 6 }
        )

        $chosen = $records[0] | Get-TropicalScore -InputDimension 4 -WarningVariable chosenWarnings -WarningAction SilentlyContinue
        $defaulted = $records[1] | Get-TropicalScore -WarningVariable defaultedWarnings -WarningAction SilentlyContinue

        $chosen.ParameterCount | Should -Be 15
        $chosen.Flops | Should -Be 12
        $chosenWarnings | Should -BeNullOrEmpty
        $defaulted.ParameterCount | Should -Be 9219
        $defaulted.Flops | Should -Be 9216
        "$($defaultedWarnings[0])" | Should -BeLike '1 record had a ParameterCount or Flops that differs*In record 1, ParameterCount 9 became 9,219 and Flops 6 became 9,216. If the file was scored on another network, score it again with -InputDimension.'
    }

    It 'warns of replaced cell counts when -InputDimension is given' {
        # -InputDimension sets no cell network, so it did not choose the CIFAR-10 counts that replace these.
        $record = [pscustomobject]@{ ArchitectureString = $cell9930; TropicalScore = 1.0; ParameterCount = 5; Flops = 7 }

        $scored = $record | Get-TropicalScore -InputDimension 4 -WarningVariable warnings -WarningAction SilentlyContinue
        $replaced = @($warnings | Where-Object { "$_" -like '1 record had a ParameterCount or Flops that differs*' })

        $scored.ParameterCount | Should -Be 1288506
        $scored.Flops | Should -Be 184730250
        $replaced.Count | Should -Be 1
        "$($replaced[0])" | Should -BeLike '*ParameterCount 5 became 1,288,506 and Flops 7 became 184,730,250. If the file was scored on another network, score it again with -Dataset (cifar10, cifar100 or ImageNet16-120).'
    }

    It 'updates an exported score each time it is rescored' {
        $path = Join-Path $TestDrive 'score.csv'
        Get-TropicalScore -Architecture $cell9930 | Export-Csv -Path $path
        $record = Import-Csv -Path $path

        $null = $record | Get-TropicalScore -Dataset ImageNet16-120
        $null = $record | Get-TropicalScore -Dataset cifar100 -Mode TropicalBound
        $expected = Get-TropicalScore -Architecture $cell9930 -Dataset cifar100 -Mode TropicalBound

        $record.Dataset | Should -BeExactly 'cifar100'
        $record.Mode | Should -BeExactly 'TropicalBound'
        $record.ParameterCount | Should -Be $expected.ParameterCount
        $record.Formula | Should -Be $expected.Formula
    }

    It 'warns when -Dataset differs from a record''s Dataset' {
        $imageNet = Get-TropicalScore -Architecture $cell9930 -Dataset ImageNet16-120
        $records = @(
            [pscustomobject]@{ arch = $cell9930; Dataset = 'cifar10'; ParameterCount = 1288506; Flops = 184730250 }
            [pscustomobject]@{ arch = $cell9930; Dataset = 'cifar100' }
            [pscustomobject]@{ arch = $cell9930; Dataset = 'ImageNet16-120' }
        )

        $scored = $records | Get-TropicalScore -Dataset ImageNet16-120 -WarningVariable warnings -WarningAction SilentlyContinue

        $scored.Dataset | Should -Be @('cifar10', 'cifar100', 'ImageNet16-120')
        $scored.TropicalScore | Should -Be (@($imageNet.TropicalScore) * 3)
        $scored.ParameterCount | Should -Be @(1288506, $imageNet.ParameterCount, $imageNet.ParameterCount)
        @($warnings).Count | Should -Be 2
        "$($warnings[0])" | Should -BeLike "1 record already had 'ParameterCount', 'Flops'*"
        "$($warnings[1])" | Should -Be ("-Dataset ImageNet16-120 differs from the Dataset of 2 records ('cifar10', 'cifar100'). Their TropicalScores, and the ParameterCount " +
            'and Flops that Canopy added, are for the ImageNet16-120 network, but their Dataset columns were kept. 1 of them also kept its own ParameterCount or Flops, which may describe another ' +
            'network than the TropicalScore. Omit -Dataset to score each record on the network its Dataset names.')
    }

    It 'words the -Dataset warning for one record' {
        $null = [pscustomobject]@{ arch = $cell9930; Dataset = 'cifar10' } | Get-TropicalScore -Dataset cifar100 -WarningVariable warnings -WarningAction SilentlyContinue

        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Be ("-Dataset cifar100 differs from the Dataset of 1 record ('cifar10'). Its TropicalScore, and the ParameterCount and " +
            'Flops that Canopy added, are for the cifar100 network, but its Dataset column was kept. Omit -Dataset to score each record on the network its Dataset names.')
    }

    It 'counts the records that kept their own values' {
        $records = @(
            [pscustomobject]@{ ArchitectureString = $cell9930; ParameterCount = 5 }
            [pscustomobject]@{ ArchitectureString = $cell9930 }
        )

        $null = $records | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "1 record already had 'ParameterCount'; its values were kept*"
    }

    It 'reads hashtables as records' {
        $tables = @(
            @{ ArchitectureString = $cell9930; Accuracy = 94.36 }
            [ordered]@{ arch = $cell9930 }
            @{ LayerWidths = '3'; InputDimension = 2 }
        )

        $scored = $tables | Get-TropicalScore

        $scored.Count | Should -Be 3
        $scored[0].Accuracy | Should -Be 94.36
        $scored[0].ParameterCount | Should -Be 1288506
        $scored[1].arch | Should -Be $cell9930
        $scored[1].TropicalScore | Should -Be $scored[0].TropicalScore
        $scored[2].TropicalScore | Should -Be ([math]::Log10(7))
    }

    It 'targets the piped hashtable in its error' {
        $table = @{ arch = 'not an architecture' }

        $null = $table | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].TargetObject | Should -BeOfType ([hashtable])
        [object]::ReferenceEquals($problems[0].TargetObject, $table) | Should -BeTrue
    }

    It 'keeps properties of .NET objects' {
        if (-not ('CanopyTests.NamedCell' -as [type])) {
            Add-Type -TypeDefinition 'namespace CanopyTests { public class NamedCell { public string ArchitectureString { get; set; } public long Flops { get; set; } } }'
        }
        $cells = 1..2 | ForEach-Object { [CanopyTests.NamedCell]@{ ArchitectureString = $cell9930; Flops = 7 } }

        $scored = $cells | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $scored.Flops | Should -Be @(7, 7)
        $scored.ParameterCount | Should -Be @(1288506, 1288506)
        $scored.SearchSpace | Should -Be @('NatsTopology', 'NatsTopology')
        $scored[0].TropicalScore | Should -Be (Get-TropicalScore -Architecture $cell9930).TropicalScore
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike "*'Flops'*"
    }

    It 'keeps input order across batches' {
        # 1,188 valid inputs fill two batches of 512, scored in parallel, and a remainder scored on the pipeline
        # thread; the cells and the invalid strings in between must still come out in input order.
        $inputs = foreach ($index in 0..1199) {
            switch ($index % 100) {
                0 { $cell9930 }
                50 { 'banana' }
                default { [Canopy.Architectures.DartsSampler]::Sample(7, $index).Canonical }
            }
        }
        $expected = foreach ($text in $inputs) { if ($text -ne 'banana') { (Get-TropicalScore -Architecture $text).TropicalScore } }

        $scores = $inputs | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $scores.Count | Should -Be 1188
        $scores.TropicalScore | Should -Be $expected
        $scores.Architecture | Should -Be @($inputs | Where-Object { $_ -ne 'banana' } | ForEach-Object { [Canopy.Architectures.ArchitectureParser]::Parse($_).Canonical })
        $problems.Count | Should -Be 12
        $problems[0].Exception.Message | Should -BeLike 'Record 51:*'
        $problems[11].Exception.Message | Should -BeLike 'Record 1151:*'
    }

    It 'reports each bad record and scores the others' {
        $inputs = @(
            $cell9930
            '|nor_conv_5x5~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
            '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|'
            '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~7|'
            '8:16:24:32:72'
            "Genotype(normal=[('sep_conv_3x3', 0)], normal_concat=[2, 3, 4, 5])"
            'banana'
            ''
            '|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|'
        )

        $scores = $inputs | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $scores.Count | Should -Be 2
        $problems.Count | Should -Be 7
        $problems | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
            $_.CategoryInfo.Category | Should -Be 'InvalidData'
        }
        $problems[0].Exception.Message | Should -BeLike '*Record 2*nor_conv_5x5*'
        $problems[0].TargetObject | Should -Be $inputs[1]
    }

    It 'reports an empty string in -Architecture and scores the rest' {
        $scores = Get-TropicalScore -Architecture 'garbage', $cell9930, '' -ErrorVariable problems -ErrorAction SilentlyContinue

        $scores.Count | Should -Be 1
        $scores.ParameterCount | Should -Be 1288506
        $problems.Count | Should -Be 2
        $problems | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*' }
        $problems[1].Exception.Message | Should -BeLike 'Record 3*'
    }

    It 'rejects a mode that cells do not define' {
        $score = Get-TropicalScore -Architecture $cell9930 -Mode SerraBound -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ModeNotSupported,*'
    }

    It 'stops at once when -SearchSpace names a space the mode does not define' {
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ arch = $cell9930 } }

        $failure = { $records | Get-TropicalScore -SearchSpace NatsTopology -Mode LowerBound -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'ModeNotSupported,*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be 'LowerBound'
        $failure.Exception.Message | Should -BeLike '-Mode LowerBound cannot score -SearchSpace NatsTopology.*Generic, TropicalBound, BottleneckBound and GlobalBound.'
        $records[0].psobject.Properties['TropicalScore'] | Should -BeNullOrEmpty
    }

    It 'scores fully connected strings in the modes cells lack' {
        $score = Get-TropicalScore -Architecture 'MLP:1:3' -SearchSpace Mlp -Mode LowerBound

        $score.TropicalScore | Should -Be ([math]::Log10(4))
    }

    It 'ranks NATS-Bench above the parameter count on all three datasets' {
        $file = "$dataFolder/nats-tss/nats_bench.csv"
        if (-not (Test-Path $file)) {
            Set-ItResult -Skipped -Because "the benchmark data file $file is absent (set CANOPY_DATA to the data folder)"
            return
        }

        $scored = Import-Csv $file | Get-TropicalScore
        $scored.Count | Should -Be 15625

        foreach ($target in 'CIFAR10TestAccuracy200Epochs', 'CIFAR100TestAccuracy200Epochs', 'ImageNetTestAccuracy200Epochs') {
            $rows = $scored | Measure-ProxyCorrelation -Target $target -Proxy TropicalScore, ParameterCount
            $tropical = ($rows | Where-Object Proxy -EQ 'TropicalScore').Spearman
            $parameters = ($rows | Where-Object Proxy -EQ 'ParameterCount').Spearman
            $tropical | Should -BeGreaterThan $parameters -Because "TropicalScore must rank $target better than the parameter count"
        }
    }
}

Describe 'Get-TropicalScore with counts beyond Int64' {
    It 'words the warning about one architecture in the singular' {
        $null = Get-TropicalScore -LayerWidths 1000000000000, 1000000000000 -InputDimension 3 -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings.Message | Should -Be '1 architecture has a parameter or FLOP count beyond Int64, so ParameterCount and Flops are left empty (record 1: mlp:3:1000000000000-1000000000000). The TropicalScore is still computed.'
    }

    It 'leaves ParameterCount and Flops empty and warns once' {
        # Two layers of 10^12 units hold 10^24 weights, beyond Int64's 9.2 · 10^18.
        $huge = [pscustomobject]@{ LayerWidths = '1000000000000,1000000000000' }
        $records = [pscustomobject]@{ LayerWidths = '64,64' }, $huge, $huge | Get-TropicalScore -InputDimension 3 -WarningVariable warnings -WarningAction SilentlyContinue

        $records[0].ParameterCount | Should -Be ((3 * 64 + 64) + (64 * 64 + 64))
        $records[1].ParameterCount | Should -BeNullOrEmpty
        $records[1].Flops | Should -BeNullOrEmpty
        $records[1].TropicalScore | Should -BeGreaterThan 0
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '2 architectures have a parameter or FLOP count beyond Int64, so ParameterCount and Flops are left empty (the first is record 2: mlp:3:1000000000000-1000000000000). The TropicalScore is still computed.'
    }
}

Describe 'Get-TropicalScore with a Dataset property' {
    BeforeAll {
        $script:cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|'
        $script:onImageNet = Get-TropicalScore -Architecture $script:cell -Dataset ImageNet16-120
        $script:onCifar10 = Get-TropicalScore -Architecture $script:cell
        $script:onCifar100 = Get-TropicalScore -Architecture $script:cell -Dataset cifar100
    }

    It 'scores a record on the network its Dataset names' {
        $record = [pscustomobject]@{ arch = $script:cell; Dataset = 'ImageNet16-120' } | Get-TropicalScore -WarningVariable warnings

        $record.TropicalScore | Should -Be $script:onImageNet.TropicalScore
        $record.ParameterCount | Should -Be $script:onImageNet.ParameterCount
        $warnings | Should -BeNullOrEmpty
    }

    It 'reads a hashtable key and the enum name in any case' {
        $records = @{ arch = $script:cell; dataset = 'CIFAR100' }, [pscustomobject]@{ arch = $script:cell; Dataset = 'imagenet16' } | Get-TropicalScore

        $records[0].ParameterCount | Should -Be $script:onCifar100.ParameterCount
        $records[1].ParameterCount | Should -Be $script:onImageNet.ParameterCount
    }

    It 'scores other tasks on cifar10 and warns once' {
        $records = 'svhn', 'ninapro', 'svhn', '' | ForEach-Object { [pscustomobject]@{ arch = $script:cell; dataset = $_ } } |
            Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        $records.ParameterCount | Should -Be (@($script:onCifar10.ParameterCount) * 4)
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "3 records have a Dataset that Canopy does not model ('ninapro', 'svhn'), so they were scored on the cifar10 network.*"
    }

    It 'scores NATS-Bench''s cifar10-valid on the cifar10 network without a warning' {
        $record = [pscustomobject]@{ arch = $script:cell; dataset = 'cifar10-valid' } |
            Get-TropicalScore -WarningVariable warnings

        $record.ParameterCount | Should -Be $script:onCifar10.ParameterCount
        $warnings | Should -BeNullOrEmpty
    }

    It 'words the warning for one other task in the singular' {
        $null = [pscustomobject]@{ arch = $script:cell; Dataset = 'svhn' } |
            Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "1 record has a Dataset that Canopy does not model ('svhn'), so it was scored on the cifar10 network.*"
    }

    It 'reads a Dataset that only a later record among the first 64 has' {
        $records = [pscustomobject]@{ arch = $script:cell }, [pscustomobject]@{ arch = $script:cell; Dataset = 'ImageNet16-120' } |
            Get-TropicalScore -WarningVariable warnings

        $records[0].ParameterCount | Should -Be $script:onCifar10.ParameterCount
        $records[1].ParameterCount | Should -Be $script:onImageNet.ParameterCount
        $warnings | Should -BeNullOrEmpty
    }

    It 'warns when a Dataset turns up after 64 records without one' {
        # Record 192 is the second sample after the first 64 records; from it on every record is read.
        $plain = 1..191 | ForEach-Object { [pscustomobject]@{ arch = $script:cell } }
        $late = 1..2 | ForEach-Object { [pscustomobject]@{ arch = $script:cell; Dataset = 'ImageNet16-120' } }
        $records = @($plain) + @($late) | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $records[191].ParameterCount | Should -Be $script:onImageNet.ParameterCount
        $records[192].ParameterCount | Should -Be $script:onImageNet.ParameterCount
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be ('Record 192 has a Dataset property, but the first 64 records had none, so before it only every 64th record was checked for one. ' +
            'Up to 63 records just before it may name a dataset that was not used, and those were scored on the cifar10 network. ' +
            'Give records of one pipeline the same properties, or run each dataset with its own -Dataset.')
    }

    It 'warns about no late Dataset when -Dataset chooses the network' {
        $plain = 1..191 | ForEach-Object { [pscustomobject]@{ arch = $script:cell } }
        $late = 1..2 | ForEach-Object { [pscustomobject]@{ arch = $script:cell; Dataset = 'ImageNet16-120' } }
        $records = @($plain) + @($late) | Get-TropicalScore -Dataset cifar10 -WarningVariable warnings -WarningAction SilentlyContinue

        $records[192].ParameterCount | Should -Be $script:onCifar10.ParameterCount
        $warnings.Message | Where-Object { $_ -like '*has a Dataset property, but the first 64 records had none*' } | Should -BeNullOrEmpty
    }

    It 'reads the Dataset of record 64 without a warning' {
        # Each of the first 64 records is checked, so a Dataset on record 64 is no late one.
        $plain = 1..63 | ForEach-Object { [pscustomobject]@{ arch = $script:cell } }
        $records = @($plain) + [pscustomobject]@{ arch = $script:cell; Dataset = 'cifar100' } | Get-TropicalScore -WarningVariable warnings

        $records[63].ParameterCount | Should -Be $script:onCifar100.ParameterCount
        $warnings | Should -BeNullOrEmpty
    }

    It 'warns about nothing for a long pipeline without a Dataset' {
        # 200 records end between the samples at 192 and 256, so the last record is checked at the end.
        $records = 1..200 | ForEach-Object { [pscustomobject]@{ arch = $script:cell } } | Get-TropicalScore -WarningVariable warnings

        $records.Count | Should -Be 200
        $warnings | Should -BeNullOrEmpty
    }

    It 'warns when the last records have a Dataset that sampling did not read' {
        $plain = 1..200 | ForEach-Object { [pscustomobject]@{ arch = $script:cell } }
        $late = 1..5 | ForEach-Object { [pscustomobject]@{ arch = $script:cell; Dataset = 'cifar100' } }
        $records = @($plain) + @($late) | Get-TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue

        $records[204].ParameterCount | Should -Be $script:onCifar10.ParameterCount
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be ('The last record, record 205, has a Dataset property, but the first 64 records had none, so only every 64th record was checked for one and its Dataset was not read. ' +
            'It and up to 62 records before it may name a dataset that was not used, and they were scored on the cifar10 network. ' +
            'Give records of one pipeline the same properties, or run each dataset with its own -Dataset.')
    }

    It 'lets -Dataset override the property without a warning' {
        $record = [pscustomobject]@{ arch = $script:cell; Dataset = 'svhn' } | Get-TropicalScore -Dataset ImageNet16-120 -WarningVariable warnings

        $record.ParameterCount | Should -Be $script:onImageNet.ParameterCount
        $warnings | Should -BeNullOrEmpty
    }

    It 'keeps scoring the darts-other-tasks file with one warning' {
        $file = "$env:CANOPY_TEST_DATA/darts-other-tasks/nb301_9x_zc13.csv"
        if (-not (Test-Path $file)) {
            Set-ItResult -Skipped -Because 'the NAS-Bench-Suite-Zero file nb301_9x_zc13.csv is not in the test data folder'
            return
        }

        $records = Import-Csv $file | Get-TropicalScore -ArchitectureProperty arch_repr -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        @($records).Count | Should -Be 597
        @($warnings | Where-Object Message -Like '*Dataset that Canopy does not model*').Count | Should -Be 1
    }
}

Describe 'Get-TropicalScore messages and display' {
    It 'accepts a width written as <Text>' -ForEach @(
        @{ Text = '1e12'; Expected = 'mlp:3072:1000000000000' }
        @{ Text = '64.0'; Expected = 'mlp:3072:64' }
    ) {
        $score = Get-TropicalScore -LayerWidths $Text -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        $score.Architecture | Should -Be $Expected
    }

    It 'scores architecture strings given by position' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
        $scores = Get-TropicalScore 'mlp:5:5', $cell -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        $scores.Count | Should -Be 2
        $scores[0].TropicalScore | Should -Be (Get-TropicalScore -Architecture 'mlp:5:5').TropicalScore
        $scores[1].ParameterCount | Should -Be 1288506
        (Get-TropicalScore '64,128,64').Architecture | Should -Be (Get-TropicalScore -LayerWidths 64, 128, 64).Architecture
    }

    It 'reports an invalid <Name> given by position' -ForEach @(
        @{ Name = 'cell string'; Text = '|foo~0|+|none~0|none~1|+|none~0|none~1|none~2|'; Message = "Record 1: Unknown operation 'foo' on an edge into node 1; valid operations are*" }
        @{ Name = 'size list'; Text = '8:16:24:32:99'; Message = 'Record 1: Width 99, entry 5 of 5, is outside the NATS-Bench size space*' }
        @{ Name = 'genotype'; Text = "Genotype(normal=[('sep_conv_3x3', 0)], normal_concat=[2], reduce=[], reduce_concat=[])"; Message = 'Record 1: Invalid normal cell in*the cell lists 1 (operation, input) pair*' }
        @{ Name = 'NASLib compact tuple'; Text = '(((0, 9),), ())'; Message = "Record 1: The normal cell of the NASLib compact form '(((0, 9),), ())' has 1 (input, operation) pair*" }
        @{ Name = 'NASLib op_indices tuple'; Text = '(4, 3, 3, 0, 0, 9)'; Message = "Record 1: '9' in '(4, 3, 3, 0, 0, 9)' is no NASLib operation index*" }
        @{ Name = 'operation list'; Text = 'nor_conv_3x3, skip_connect'; Message = '*is a list of 2 NATS-Bench operations*New-CanopyArchitecture -Operations*' }
        @{ Name = 'MLP string'; Text = 'mlp:0:64'; Message = "Record 1: Invalid MLP string 'mlp:0:64'*" }
        @{ Name = 'mistyped operation list'; Text = 'sep_conv_3x3,nne'; Message = "Record 1: 'sep_conv_3x3,nne' lists operations, but 'nne' is neither*" }
    ) {
        $score = Get-TropicalScore $Text -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].Exception.Message | Should -BeLike $Message
        $problems[0].TargetObject | Should -BeExactly $Text
    }

    It 'explains records keyed by a benchmark index' {
        $records = @(
            [pscustomobject]@{ arch_index = 9930; acc = 93.1 }
            [pscustomobject]@{ arch_index = 12; acc = 90.0 }
        )

        $scores = $records | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $scores | Should -BeNullOrEmpty
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureMissing,*'
        $problems[0].Exception.Message | Should -BeLike "Record 1 has no architecture: expected one of the properties*Its property 'arch_index' is a benchmark index. A benchmark index is not an architecture.*api.arch(index)*Get-CanopyArchitecture -SearchSpace NatsSize | Where-Object BenchmarkIndex -eq <index>*"
        $problems[1].Exception.Message | Should -BeLike 'Record 2 has no architecture*'
    }

    It 'names the properties of a record without an architecture' {
        $wide = [pscustomobject]@{ a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7 }

        $wide | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].Exception.Message | Should -BeLike "*or a widths property, LayerWidths or Widths. Its properties are 'a', 'b', 'c', 'd', 'e' and 2 more."
    }

    It 'suggests the delimiter of a <Kind>-separated file' -ForEach @(
        @{ Kind = 'semicolon'; Delimiter = ';'; Advice = "-Delimiter ';'." }
        @{ Kind = 'tab'; Delimiter = "`t"; Advice = '-Delimiter "`t".' }
    ) {
        $path = Join-Path $TestDrive "$Kind.csv"
        Set-Content -LiteralPath $path -Value ("arch_str{0}acc" -f $Delimiter), ("|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|nor_conv_3x3~1|none~2|{0}93.5" -f $Delimiter)

        Import-Csv -LiteralPath $path | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike ("*Its one property is 'arch_str$($Delimiter)acc'. A property name holds the file's delimiter, so read the file with Import-Csv " + [WildcardPattern]::Escape($Advice))
        $scored = Import-Csv -LiteralPath $path -Delimiter $Delimiter | Get-TropicalScore
        $scored.acc | Should -Be '93.5'
    }

    It 'explains the sep= line of an Excel file' {
        $path = Join-Path $TestDrive 'excel.csv'
        Set-Content -LiteralPath $path -Value 'sep=;', 'arch_str;acc', '|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|nor_conv_3x3~1|none~2|;93.5'

        Import-Csv -LiteralPath $path | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $scored = Get-Content -LiteralPath $path | Select-Object -Skip 1 | ConvertFrom-Csv -Delimiter ';' | Get-TropicalScore

        $problems[0].Exception.Message | Should -BeLike ("*Its one property is 'sep=;'. The file starts with Excel's line 'sep=;', which Import-Csv reads as the header. " +
            "Skip it with Get-Content <file> | Select-Object -Skip 1 | ConvertFrom-Csv -Delimiter ';', or import the file with Import-CanopyBenchmark, which reads that line.")
        $scored.acc | Should -Be '93.5'
    }

    It 'explains a number in the architecture property' {
        $score = [pscustomobject]@{ arch = 9930 } | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].Exception.Message | Should -BeLike "Record 1: '9930' is a whole number, not an architecture. A benchmark index is not an architecture.*"
    }

    It 'scores forms pasted from NATS-Bench and GDAS' {
        $darts = "DARTS_V2 = genotype(normal=[(('sep_conv_3x3', 0, 0.2), ('sep_conv_3x3', 1, 0.1)), (('sep_conv_3x3', 0, None), ('sep_conv_3x3', 1, None)), (('sep_conv_3x3', 1), ('skip_connect', 0)), (('skip_connect', 0), ('dil_conv_3x3', 2))], normal_concat=[2, 3, 4, 5], " +
            "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"
        $plain = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], " +
            "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"

        $scores = Get-TropicalScore -Architecture '[32, 24, 48, 64, 16]', $darts, $plain -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        $scores[0].SearchSpace | Should -Be 'NatsSize'
        $scores[0].Architecture | Should -Be '32:24:48:64:16'
        $scores[0].TropicalScore | Should -Be (Get-TropicalScore -Architecture '32:24:48:64:16').TropicalScore
        $scores[1].SearchSpace | Should -Be 'Darts'
        $scores[1].Architecture | Should -Be $scores[2].Architecture
        $scores[1].TropicalScore | Should -Be $scores[2].TropicalScore
    }

    It 'reports an empty width list as a record error, not a binding failure' -ForEach @(
        @{ Text = '' }
        @{ Text = '   ' }
    ) {
        $score = Get-TropicalScore $Text -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'LayerWidthsInvalid,*'
        $problems[0].Exception.Message | Should -Be 'The list of layer widths is empty; give at least one width, for example 64,128,64.'
    }

    It 'rejects an empty width in <Form>' -ForEach @(
        @{ Form = '-LayerWidths text'; Run = { Get-TropicalScore -LayerWidths '64,,128' -ErrorVariable problems -ErrorAction SilentlyContinue }; Id = 'LayerWidthsInvalid'; Expected = '*contain an empty width between two separators*' }
        @{ Form = 'an MLP string'; Run = { 'mlp:784:64,,128' | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue }; Id = 'ArchitectureInvalid'; Expected = '*contain an empty width between two separators*' }
        @{ Form = 'a Widths column'; Run = { [pscustomobject]@{ Widths = '64, ,128' } | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue }; Id = 'ArchitectureInvalid'; Expected = '*contain an empty width between two separators*' }
        @{ Form = '-LayerWidths items'; Run = { Get-TropicalScore -LayerWidths '64', '', '128' -ErrorVariable problems -ErrorAction SilentlyContinue }; Id = 'LayerWidthsInvalid'; Expected = '*Width 2 of the 3 layer widths is empty*' }
        @{ Form = 'a JSON list'; Run = { '{"Widths":[64,null,128],"InputDimension":2}' | ConvertFrom-Json | Get-TropicalScore -ErrorVariable problems -ErrorAction SilentlyContinue }; Id = 'ArchitectureInvalid'; Expected = '*Width 2 of the 3 layer widths is empty*' }
    ) {
        $problems = $null

        $score = . $Run

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $problems[0].Exception.Message | Should -BeLike $Expected
    }

    It 'reads operation names given by position as one list' {
        $score = Get-TropicalScore 'sep_conv_3x3', 'nne' -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $problems[0].Exception.Message | Should -BeLike "Record 1: 'sep_conv_3x3,nne' lists operations, but 'nne' is neither*"
    }

    It 'takes -SearchSpace with a string given by position' {
        $cell = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'

        $score = Get-TropicalScore $cell -SearchSpace NatsTopology -ErrorVariable problems
        Get-TropicalScore '|foo~0|+|none~0|none~1|+|none~0|none~1|none~2|' -SearchSpace NatsTopology -ErrorVariable invalid -ErrorAction SilentlyContinue
        Get-TropicalScore $cell -SearchSpace Darts -ErrorVariable otherSpace -ErrorAction SilentlyContinue

        $problems | Should -BeNullOrEmpty
        $score.ParameterCount | Should -Be 1288506
        $invalid[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $invalid[0].Exception.Message | Should -BeLike "Record 1: Unknown operation 'foo'*"
        $otherSpace[0].FullyQualifiedErrorId | Should -BeLike 'ArchitectureInvalid,*'
        $otherSpace[0].Exception.Message | Should -BeLike "Record 1: '|nor_conv_3x3~0|*' is not a DARTS genotype;*"
    }

    It 'points an architecture string mixed with widths to -Architecture' {
        $score = Get-TropicalScore 'mlp:5:5', '64' -ErrorVariable problems -ErrorAction SilentlyContinue

        $score | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'LayerWidthsInvalid,*'
        $problems[0].Exception.Message | Should -Be "'mlp:5:5' is an architecture string, not a list of layer widths. Pass it with -Architecture, or pipe it to Get-TropicalScore."
    }

    It 'does not number a -LayerWidths error as a record' {
        Get-TropicalScore -LayerWidths 64, 1.5 -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].Exception.Message | Should -Be "The layer width '1.5' is not a whole number."
    }

    It 'describes the run with -Verbose for <Name>' -ForEach @(
        @{ Name = 'widths'; Run = { Get-TropicalScore -LayerWidths 64, 64 -Verbose 4>&1 }; Start = 'Scoring in Generic mode: one fully connected network with input dimension 3072*'; End = 'Scored 1 of 1 record in * s; 0 failed.' }
        @{ Name = 'strings'; Run = { 'mlp:4:3', 'bad' | Get-TropicalScore -Verbose -ErrorAction SilentlyContinue 4>&1 }; Start = '*on the cifar10 network*Dataset property names cifar10, cifar100 or ImageNet16-120*'; End = 'Scored 1 of 2 records in * s; 1 failed.' }
    ) {
        $lines = @(& $Run | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $lines[0] | Should -BeLike $Start
        $lines[-1] | Should -BeLike $End
    }

    It 'writes the records before a bad one first, so Stop keeps them' {
        $records = 1..10 | ForEach-Object { [pscustomobject]@{ Index = $_; arch = $(if ($_ -eq 5) { 'bad' } else { '8:8:8:8:8' }) } }
        $kept = [System.Collections.Generic.List[object]]::new()

        { $records | Get-TropicalScore -ErrorAction Stop | ForEach-Object { $kept.Add($_) } } | Should -Throw
        $mixed = @($records | Get-TropicalScore -ErrorAction Continue 2>&1)

        $kept.Index | Should -Be @(1, 2, 3, 4)
        $mixed[4] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        @($mixed | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }).Index | Should -Be @(1, 2, 3, 4, 6, 7, 8, 9, 10)
    }

    It 'names the formula in verbose lines when it changes' {
        $lines = @('mlp:4:3', 'mlp:5:3', '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|', 'mlp:6:3' | Get-TropicalScore -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message |
                Where-Object { $_ -like 'Record *' })

        $lines.Count | Should -Be 4
        $lines[0] | Should -BeLike 'Record 1: mlp:4:3 has TropicalScore * (*).'
        $lines[1] | Should -BeLike 'Record 2: mlp:5:3 has TropicalScore *'
        $lines[1] | Should -Not -BeLike '*(*'
        $lines[2] | Should -BeLike 'Record 3: * has TropicalScore * (*Xiong*).'
        $lines[3] | Should -BeLike 'Record 4: mlp:6:3 has TropicalScore * (*).'
    }

    It 'writes verbose lines for the first 20 records only' {
        $cells = Get-CanopyArchitecture -SearchSpace NatsTopology -Count 25 | ForEach-Object Architecture

        $lines = @($cells | Get-TropicalScore -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        @($lines | Where-Object { $_ -like 'Record *' }).Count | Should -Be 20
        $lines[-2] | Should -BeLike 'Later records get no verbose line each*'
        $lines[-1] | Should -BeLike 'Scored 25 of 25 records in *'
    }

    It 'formats verbose numbers in the current culture like the table' {
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $output = @(Get-TropicalScore -LayerWidths 64, 128, 64 -Verbose 4>&1)
            $table = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Format-Table | Out-String -Width 120
        }
        finally {
            [cultureinfo]::CurrentCulture = $culture
        }
        $lines = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $score = ($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).TropicalScore
        $german = $score.ToString('N3', [cultureinfo]'de-DE')

        $german | Should -BeLike '*,*'
        $table | Should -BeLike "*$german*"
        $lines | Where-Object { $_ -like '*has TropicalScore*' } | Should -BeLike "*has TropicalScore $german (*"
        $lines[-1] | Should -BeLike 'Scored 1 of 1 record in *,?? s; 0 failed.'
    }

    It 'heads the table with the property names' {
        $table = Get-TropicalScore -LayerWidths 64 | Format-Table | Out-String -Width 120

        $table | Should -Match 'Mode\s+TropicalScore\s+ParameterCount\s+Flops\s+Architecture'
    }

    It 'warns that -Dataset leaves MLP scores unchanged' {
        $scores = Get-TropicalScore -Architecture 'mlp:10:5', 'mlp:10:6', '8:16:24:32:64' -Dataset cifar100 -WarningVariable warnings -WarningAction SilentlyContinue
        $plain = Get-TropicalScore -Architecture 'mlp:10:5' -WarningVariable none

        $scores[0].TropicalScore | Should -Be $plain.TropicalScore
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Be '-Dataset cifar100 sets the benchmark network of cell-based architectures, so it did not change the scores of 2 MLPs, whose input dimensions come from their strings or -InputDimension.'
        $none | Should -BeNullOrEmpty
    }

    It 'warns that -InputDimension leaves cell scores unchanged' {
        $cells = '8:16:24:32:64', '|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|', 'mlp:10:5'

        $scores = $cells | Get-TropicalScore -InputDimension 99 -WarningVariable warnings -WarningAction SilentlyContinue
        $plain = $cells | Get-TropicalScore -WarningVariable none

        $scores[0].TropicalScore | Should -Be $plain[0].TropicalScore
        $scores[2].TropicalScore | Should -Be $plain[2].TropicalScore
        $warnings.Count | Should -Be 2
        $warnings[0].Message | Should -Be '-InputDimension 99 sets the input of fully connected networks, so it did not change the scores of 2 cell-based architectures, whose input comes from -Dataset.'
        $warnings[1].Message | Should -Be '-InputDimension 99 applies to MLPs without an input dimension of their own, so it did not change the scores of 1 MLP, whose string or InputDimension property gives another input dimension.'
        $none | Should -BeNullOrEmpty
    }

    It 'warns that -DartsNetwork leaves genotypes with widths unchanged' {
        $genotype = New-CanopyArchitecture -Widths 16, 16, 16 -NormalOperations (@('sep_conv_3x3') * 14)
        $plain = $genotype | Get-TropicalScore -WarningVariable none

        $scores = $genotype, $genotype | Get-TropicalScore -DartsNetwork Evaluation -WarningVariable warnings -WarningAction SilentlyContinue

        $none | Should -BeNullOrEmpty
        $scores.TropicalScore | Should -Be @($plain.TropicalScore, $plain.TropicalScore)
        $scores[0].DartsNetwork | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be '-DartsNetwork Evaluation sets the network of DARTS genotypes without cell widths, so it did not change the scores of 2 genotypes, whose cell widths define their own networks.'
    }

    It 'completes -ArchitectureProperty with the default names' {
        $line = 'Get-TropicalScore -ArchitectureProperty ar'
        $completions = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
        $line = 'Get-TropicalScore -ArchitectureProperty '
        $all = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText

        $completions | Should -Be @('ArchitectureString', 'arch_str', 'arch', 'Architecture', 'arch_repr')
        $all | Should -Be @('ArchitectureString', 'arch_str', 'arch', 'Architecture', 'genotype', 'arch_repr', 'LayerWidths', 'Widths')
    }
}

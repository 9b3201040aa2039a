BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    $script:DataFolder = "$env:CANOPY_TEST_DATA/nb201-zero-cost-proxies"
}

Describe 'Measure-ProxyCorrelation' {
    It 'measures a hand-checked table' {
        # Ranks of y = (1, 2.5, 4.5, 2.5, 4.5): rho = 7/sqrt(90). Pairs: C = 7, D = 1, two tied in y: tau-b = 6/sqrt(80).
        # Raw values: r = 6/sqrt(60). Top 40% is k = 2: {x=5, x=4} by proxy, {y=5, y=5} by target share x=5: 1/2.
        $records = @(
            [pscustomobject]@{ Score = 1; Accuracy = 2 }
            [pscustomobject]@{ Score = 2; Accuracy = 4 }
            [pscustomobject]@{ Score = 3; Accuracy = 5 }
            [pscustomobject]@{ Score = 4; Accuracy = 4 }
            [pscustomobject]@{ Score = 5; Accuracy = 5 }
        )

        $row = $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -TopPercent 40

        $row.GetType().FullName | Should -Be 'Canopy.Statistics.ProxyCorrelation'
        $row.Proxy | Should -Be 'Score'
        $row.Target | Should -Be 'Accuracy'
        $row.Count | Should -Be 5
        $row.LeftOut | Should -Be 0
        [Math]::Abs($row.Spearman - 7 / [Math]::Sqrt(90)) | Should -BeLessThan 1e-12
        [Math]::Abs($row.Kendall - 6 / [Math]::Sqrt(80)) | Should -BeLessThan 1e-12
        [Math]::Abs($row.Pearson - 6 / [Math]::Sqrt(60)) | Should -BeLessThan 1e-12
        $row.TopOverlap | Should -Be 0.5
        $row.SpearmanLower | Should -BeNullOrEmpty
    }

    It 'takes the top <TopPercent> percent for the overlap' -ForEach @(
        @{ TopPercent = 10; Expected = 0 }
        @{ TopPercent = 20; Expected = 1 }
        @{ TopPercent = 40; Expected = 1 }
    ) {
        # Target and proxy agree except that the two best swap places: the top 1 of 10 differs, the top 2 and top 4 match.
        $records = 1..10 | ForEach-Object { [pscustomobject]@{ p = $_; acc = if ($_ -eq 9) { 10 } elseif ($_ -eq 10) { 9 } else { $_ } } }

        $row = $records | Measure-ProxyCorrelation -Target acc -Proxy p -TopPercent $TopPercent

        $row.TopPercent | Should -Be $TopPercent
        $row.TopOverlap | Should -Be $Expected
    }

    It 'parses Import-Csv strings with the invariant culture' {
        $csv = @"
arch,acc,proxy
a,91.5,1.5e1
b,90.25,12.5
c,89.0,-3
d,70.75,0.5
"@ | ConvertFrom-Csv
        $culture = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            # Under de-DE "90.25" would read as 9025 if the current culture were used.
            [System.Globalization.CultureInfo]::CurrentCulture = 'de-DE'
            $row = $csv | Measure-ProxyCorrelation -Target acc -Proxy proxy
        }
        finally {
            [System.Globalization.CultureInfo]::CurrentCulture = $culture
        }

        # Proxy order 15 > 12.5 > 0.5 > -3 against accuracy 91.5 > 90.25 > 89 > 70.75: one swapped pair of six.
        $row.Count | Should -Be 4
        [Math]::Abs($row.Kendall - 4 / 6) | Should -BeLessThan 1e-12
        [Math]::Abs($row.Spearman - 0.8) | Should -BeLessThan 1e-12
    }

    It 'leaves out unusable values with one warning per proxy' {
        $csv = @"
acc,p,q
1,10,5
2,20,
3,n/a,4
4,40,-1e8
5,NaN,2
6,60,1
,70,0
"@ | ConvertFrom-Csv

        $rows = $csv | Measure-ProxyCorrelation -Target acc -Proxy p, q -MissingValue -1e8 -WarningVariable warnings -WarningAction SilentlyContinue

        $p = $rows | Where-Object Proxy -eq 'p'
        $q = $rows | Where-Object Proxy -eq 'q'
        $p.Count | Should -Be 4
        $p.LeftOut | Should -Be 3
        $q.Count | Should -Be 4
        $q.LeftOut | Should -Be 3
        $warnings.Count | Should -Be 2
        $warnings[0].Message | Should -BeLike "Left out 3 of 7 records for proxy 'p':*'p' is not a number in 1 record, NaN or infinite in 1 record*'acc' is empty in 1 record*"
        $warnings[1].Message | Should -BeLike "*'q' is empty in 1 record, a -MissingValue in 1 record*"
        $warnings[0].Message | Should -BeLike "*. The first of them: record 3 ('p' is not a number), record 5 ('p' is NaN or infinite), record 7 ('acc' is empty), counting from 1 in input order. The first value of 'p' that is not a number is 'n/a'."
        $warnings[1].Message | Should -BeLike "*. The first of them: record 2 ('q' is empty), record 4 ('q' is a -MissingValue), record 7 ('acc' is empty), counting*"
        [Math]::Abs($p.Spearman - 1) | Should -BeLessThan 1e-12
        [Math]::Abs($q.Spearman + 1) | Should -BeLessThan 1e-12
    }

    It 'explains decimal commas that Export-Csv wrote under de-DE' {
        $path = Join-Path $TestDrive 'scored.csv'
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            1..5 | ForEach-Object { [pscustomobject]@{ Accuracy = 90 + $_; TropicalScore = $_ + 0.25 } } | Export-Csv -Path $path
            $rows = Import-Csv $path | Measure-ProxyCorrelation -Target Accuracy -Proxy TropicalScore -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        }
        finally {
            [cultureinfo]::CurrentCulture = $culture
        }

        $rows | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "Left out 5 of 5 records for proxy 'TropicalScore': 'TropicalScore' is not a number in 5 records.*"
        $warnings[0].Message | Should -BeLike "*The first value of 'TropicalScore' that is not a number is '1,25'. It looks like a number written with a comma, but Canopy reads numbers with a decimal point and without thousands separators. Export-Csv writes decimal commas under the current culture, de-DE. Export with ``[cultureinfo``]::CurrentCulture = 'en-US' set first, or write the numbers as 93.5 and 1000, not 93,5 and 1,000."
    }

    It 'gives the comma advice once when proxy and target both have commas' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = "9$_,5"; p = "$_,000" } }

        $null = $records | Measure-ProxyCorrelation -Target acc -Proxy p -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "*The first value of 'p' that is not a number is '1,000'. The first value of 'acc' that is not a number is '91,5'. They look like numbers written with a comma,*"
        ([regex]::Matches($warnings[0].Message, 'written with a comma')).Count | Should -Be 1
    }

    It 'quotes text that is no decimal comma without the hint' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = if ($_ -eq 2) { '1,234,5' } else { $_ }; p = $_ } }

        $null = $records | Measure-ProxyCorrelation -Target acc -Proxy p -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings[0].Message | Should -BeLike "*The first value of 'acc' that is not a number is '1,234,5'."
    }

    It 'quotes a nested score object and how to select its number' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; synflow = [pscustomobject]@{ score = 2 * $_; time = 0.1 } } }

        $records | Measure-ProxyCorrelation -Target acc -Proxy synflow -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $selected = $records | Select-Object *, @{ Name = 'synflow.score'; Expression = { $_.synflow.score } } |
            Measure-ProxyCorrelation -Target acc -Proxy 'synflow.score'

        $warnings[0].Message | Should -BeLike ("*The first value of 'synflow' that is not a number is '@{score=2; time=0.1}'. It is an object, so select the number inside it first, for example with " +
            "Select-Object `*, @{ Name = 'synflow.score'; Expression = { `$_.synflow.score } }, and then give 'synflow.score' as the column.")
        $selected.Spearman | Should -Be 1
    }

    It 'advises the score of a nested object whose time comes first' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; synflow = [pscustomobject]@{ time = 0.1; score = 2 * $_ } } }

        $records | Measure-ProxyCorrelation -Target acc -Proxy synflow -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue

        $warnings[0].Message | Should -BeLike "*Expression = { `$_.synflow.score } }, and then give 'synflow.score' as the column."
    }

    It 'measures the other proxies when a nested value has only blank member names' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_; q = @{ ' ' = $_ } } }

        $rows = @($records | Measure-ProxyCorrelation -Target acc -Proxy p, q -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)

        $rows.Proxy | Should -Be @('p')
        $rows[0].Spearman | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*The first value of 'q' that is not a number is '@{ =1}'.*"
    }

    It 'quotes a nested <Kind> with a Select-Object that runs' -ForEach @(
        @{ Kind = 'array'; Column = 'scores'; Name = 'scores[0]'; Member = '$_.scores[0]' }
        @{ Kind = 'object'; Column = 'syn flow'; Name = 'syn flow.score'; Member = "`$_.'syn flow'.score" }
    ) {
        $records = 1..4 | ForEach-Object {
            $value = if ($Kind -eq 'array') { @($_, 0.1) } else { [pscustomobject]@{ score = $_ } }
            [pscustomobject]@{ acc = $_; $Column = $value }
        }

        $records | Measure-ProxyCorrelation -Target acc -Proxy $Column -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $advice = [regex]::Match($warnings[0].Message, 'Expression = \{ (.+?) \} \}').Groups[1].Value
        $selected = $records | Select-Object *, @{ Name = $Name; Expression = [scriptblock]::Create($advice) } |
            Measure-ProxyCorrelation -Target acc -Proxy $Name

        $warnings[0].Message | Should -BeLike "*It is an $Kind, so select the number inside it first*"
        $advice | Should -Be $Member
        $selected.Spearman | Should -Be 1
    }

    It 'leaves out a script property that throws and measures the rest' {
        $records = 1..5 | ForEach-Object {
            $record = [pscustomobject]@{ acc = $_; p = 2 * $_ }
            if ($_ -eq 3) {
                $record | Add-Member -MemberType ScriptProperty -Name q -Value { throw 'no value' }
            }
            else {
                $record | Add-Member -MemberType NoteProperty -Name q -Value (3 * $_)
            }
            $record
        }

        $rows = @($records | Measure-ProxyCorrelation -Target acc -Proxy p, q -WarningAction SilentlyContinue)

        $rows.Proxy | Should -Be @('p', 'q')
        ($rows | ForEach-Object Count) | Should -Be @(5, 4)
        $rows.Spearman | Should -Be @(1.0, 1.0)
    }

    It 'names a region count beyond the double range' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; RegionCount = [System.Numerics.BigInteger]::Pow(10, 300 + $_ * 3) } }

        $rows = @($records | Measure-ProxyCorrelation -Target acc -Proxy RegionCount -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)

        $rows.Count | Should -Be 0
        "$($warnings[0])" | Should -BeLike "*'RegionCount' is a whole number beyond the double range in 2 records*"
    }

    It 'reports the property names as the records spell them' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ Accuracy = $_; TropicalScore = $_ * $_ } }
        $tables = 1..4 | ForEach-Object { @{ Accuracy = $_; TropicalScore = $_ * $_ } }

        $row = $records | Measure-ProxyCorrelation -Target ACCURACY -Proxy tropicalscore
        $fromTables = $tables | Measure-ProxyCorrelation -Target accuracy -Proxy TROPICALSCORE

        $row.Proxy | Should -BeExactly 'TropicalScore'
        $row.Target | Should -BeExactly 'Accuracy'
        $fromTables.Proxy | Should -BeExactly 'TropicalScore'
        $fromTables.Target | Should -BeExactly 'Accuracy'
    }

    It 'reports fewer than three pairs and still measures the others' {
        $records = 1..5 | ForEach-Object {
            [pscustomobject]@{ acc = $_; good = $_ * 2; sparse = if ($_ -le 2) { $_ } else { '' } }
        }

        $rows = $records | Measure-ProxyCorrelation -Target acc -Proxy good, sparse -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        @($rows).Count | Should -Be 1
        $rows.Proxy | Should -Be 'good'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CorrelationTooFewPairs,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be 'sparse'
        $problems[0].Exception.Message | Should -BeLike "*'sparse' has 2 usable pairs*at least 3*"
    }

    It 'counts a single usable pair in the singular' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; lone = if ($_ -eq 2) { 5 } else { '' } } }

        $records | Measure-ProxyCorrelation -Target acc -Proxy lone -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null

        $problems[0].Exception.Message | Should -Be "Proxy 'lone' has 1 usable pair with 'acc', but a correlation needs at least 3."
    }

    It 'names a single record that lacks the target' {
        $record = [pscustomobject]@{ p = 1 }

        $record | Measure-ProxyCorrelation -Target acc -Proxy p -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].Exception.Message | Should -BeLike "The only record has no property named 'acc'. *"
    }

    It 'warns that -Seed needs -Bootstrap' {
        $records = 1..20 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_ * $_ } }

        $row = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Seed 5 -WarningVariable warnings -WarningAction SilentlyContinue
        $records | Measure-ProxyCorrelation -Target acc -Proxy p -Seed 5 -Bootstrap 1000 -WarningVariable bootstrapWarnings | Out-Null

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '-Seed has no effect without -Bootstrap*'
        $row.Seed | Should -BeNullOrEmpty
        $bootstrapWarnings.Count | Should -Be 0
    }

    It 'reports the resamples the interval rests on' {
        # Three pairs: a resample draws one pair three times with probability 3/27, so about 1 in 9 has no ρ.
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ acc = $_; p = (1, 3, 2)[$_ - 1] } }

        $row = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000 -Seed 1 -WarningVariable warnings -WarningAction SilentlyContinue
        $undefined = $row.Resamples - $row.DefinedResamples
        # Each end of a 95% percentile interval lies beyond 2.5% of the resamples that have a ρ, and 1,000 defined
        # resamples give the 25 that count as stable.
        $tail = [math]::Floor($row.DefinedResamples * 0.025)
        $advised = [math]::Ceiling(1000 * 1000 / $row.DefinedResamples / 100) * 100

        $row.Resamples | Should -Be 1000
        $row.DefinedResamples | Should -BeLessThan 1000
        $row.DefinedResamples | Should -BeGreaterThan 800
        $warnings.Count | Should -Be 2
        $warnings[0].Message | Should -Be "$undefined of 1,000 bootstrap resamples of 'p' drew the same proxy or target value for every pair, so ρ is undefined for them. The interval rests on the other $($row.DefinedResamples), which DefinedResamples reports."
        $warnings[1].Message | Should -Be "-Bootstrap 1000 gave $($row.DefinedResamples) resamples with a defined ρ for 'p', which leave $tail resamples beyond each end of the 95% interval, so its ends move from seed to seed. Use -Bootstrap $advised or more for stable ends."
    }

    It 'keeps the seed and resample count of a bootstrap without a defined ρ' {
        # Three pairs whose proxy is 1 on one record only: a resample without that record, or with only it, has a
        # constant proxy or target, and seed 2 draws two such resamples.
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ t = $_; p = [int]($_ -eq 3) } }

        $row = $records | Measure-ProxyCorrelation -Target t -Proxy p -Bootstrap 2 -Seed 2 -WarningVariable warnings -WarningAction SilentlyContinue

        $row.DefinedResamples | Should -Be 0
        $row.Resamples | Should -Be 2
        $row.Seed | Should -Be 2
        $row.ConfidenceLevel | Should -Be 0.95
        $row.SpearmanLower | Should -BeNullOrEmpty
        $row.SpearmanUpper | Should -BeNullOrEmpty
        $warnings.Message | Should -Contain "No bootstrap resample of 'p' gave a defined ρ, so the row has no confidence interval."
    }

    It 'words the thin-tail warning for one defined resample in the singular' {
        # Of the two resamples that seed 1 draws from three pairs, one has a constant proxy.
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ Acc = $_; P = (1, 1, 2)[$_ - 1] } }

        $row = $records | Measure-ProxyCorrelation -Target Acc -Proxy P -Bootstrap 2 -Seed 1 -ConfidenceLevel 0.9 -WarningVariable warnings -WarningAction SilentlyContinue

        $row.DefinedResamples | Should -Be 1
        $warnings.Message | Should -Contain "-Bootstrap 2 gave 1 resample with a defined ρ for 'P', which leaves 0 resamples beyond each end of the 90% interval, so its ends move from seed to seed. Use -Bootstrap 1000 or more for stable ends."
    }

    It 'names no thin tail when the defined resamples leave 25 beyond each end' {
        # About 1 in 9 of 2,000 resamples of three pairs has no ρ, which leaves about 1,780, or 44 beyond each end.
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ acc = $_; p = (1, 3, 2)[$_ - 1] } }

        $row = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 2000 -Seed 1 -WarningVariable warnings -WarningAction SilentlyContinue

        $row.DefinedResamples | Should -BeGreaterOrEqual 1000
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '*The interval rests on the other *, which DefinedResamples reports.'
    }

    It 'warns about few resamples only when an interval is computed' {
        $constant = 1..6 | ForEach-Object { [pscustomobject]@{ acc = 5; p = $_ } }
        $pair = 1..2 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_ } }

        $constant | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 100 -Seed 1 -WarningVariable constantWarnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null
        $pair | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 100 -Seed 1 -WarningVariable pairWarnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null

        $constantWarnings.Message | Should -Not -BeLike '*beyond each end*'
        $pairWarnings.Message | Should -Not -BeLike '*beyond each end*'
    }

    It 'reports a constant proxy instead of NaN' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; flat = 7 } }

        $rows = $records | Measure-ProxyCorrelation -Target acc -Proxy flat -ErrorVariable problems -ErrorAction SilentlyContinue

        $rows | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CorrelationUndefined,*'
        $problems[0].Exception.Message | Should -BeLike "*'flat' has the same value, 7, in all 4 usable pairs*"
    }

    It 'writes the other rows before a constant proxy fails with Stop' {
        $records = 1..5 | ForEach-Object { [pscustomobject]@{ acc = $_; flat = 7; p = $_; n = -$_ } }
        $kept = [System.Collections.Generic.List[object]]::new()

        { $records | Measure-ProxyCorrelation -Target acc -Proxy p, flat, n -ErrorAction Stop | ForEach-Object { $kept.Add($_) } } |
            Should -Throw -ErrorId 'CorrelationUndefined,*'

        $kept.Proxy | Should -Be @('p', 'n')
        $kept.Spearman | Should -Be @(1, -1)
    }

    It 'explains groups from Group-Object' {
        $records = 1..6 | ForEach-Object { [pscustomobject]@{ task = $_ % 2; acc = $_; p = $_ } }

        $records | Group-Object task | Measure-ProxyCorrelation -Target acc -Proxy p -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'TargetPropertyMissing,*'
        $problems[0].Exception.Message | Should -BeLike "None of the 2 records has a property named 'acc'. The records are groups from Group-Object. To measure each group, pipe its records:*`$_.Group | Measure-ProxyCorrelation*"
    }

    It 'reports a target that no record has' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_ } }

        $rows = $records | Measure-ProxyCorrelation -Target accuracy -Proxy p -ErrorVariable problems -ErrorAction SilentlyContinue

        $rows | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'TargetPropertyMissing,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports a proxy that no record has' {
        $records = 1..4 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_ } }

        $rows = $records | Measure-ProxyCorrelation -Target acc -Proxy p, synflow -ErrorVariable problems -ErrorAction SilentlyContinue

        $rows.Proxy | Should -Be 'p'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ProxyPropertyMissing,*'
        $problems[0].TargetObject | Should -Be 'synflow'
    }

    It 'uses the Canopy score properties by default' {
        $widths = '8', '16', '32', '8,8', '16,16', '32,32', '8,8,8', '64'
        $accuracy = 61.0, 66.5, 70.2, 64.0, 69.1, 74.3, 65.2, 72.9
        $records = for ($i = 0; $i -lt $widths.Count; $i++) {
            Get-TropicalScore -LayerWidths $widths[$i] -InputDimension 16 |
                Add-Member -NotePropertyName Accuracy -NotePropertyValue $accuracy[$i] -PassThru
        }

        $rows = $records | Measure-ProxyCorrelation -Target Accuracy

        ($rows.Proxy | Sort-Object) | Should -Be @('Flops', 'ParameterCount', 'TropicalScore')
        $rows | ForEach-Object { $_.Count | Should -Be 8 }
    }

    It 'warns once when the records mix search spaces' {
        $spaces = 'NatsTopology', 'NatsTopology', 'NatsTopology', 'NatsSize', 'NatsTopology'
        $mixed = for ($i = 0; $i -lt $spaces.Count; $i++) { [pscustomobject]@{ SearchSpace = $spaces[$i]; p = $i; acc = 2 * $i } }
        $single = $mixed | Where-Object SearchSpace -eq 'NatsTopology'

        $mixed | Measure-ProxyCorrelation -Target acc -Proxy p -WarningVariable mixedWarnings -WarningAction SilentlyContinue | Out-Null
        $single | Measure-ProxyCorrelation -Target acc -Proxy p -WarningVariable singleWarnings -WarningAction SilentlyContinue | Out-Null

        $mixedWarnings.Count | Should -Be 1
        "$($mixedWarnings[0])" | Should -BeLike "The records come from 2 search spaces: NatsSize (1), NatsTopology (4).*Where-Object SearchSpace -eq 'NatsTopology'."
        $singleWarnings.Count | Should -Be 0
    }

    It 'leaves the target out of the default proxies' {
        $records = 1..6 | ForEach-Object { [pscustomobject]@{ TropicalScore = $_; ParameterCount = 10 - $_ } }

        $rows = @($records | Measure-ProxyCorrelation -Target ParameterCount)

        $rows.Count | Should -Be 1
        $rows[0].Proxy | Should -Be 'TropicalScore'
        $rows[0].Spearman | Should -Be -1
        $rows[0].Kendall | Should -Be -1
    }

    It 'warns when unscored records have only <Columns>' -ForEach @(
        @{ Measured = 'flops is'; Columns = @('flops') }
        @{ Measured = 'ParameterCount and flops are'; Columns = @('ParameterCount', 'flops') }
    ) {
        $records = 1..6 | ForEach-Object {
            $record = [ordered]@{ acc = $_ }
            foreach ($column in $Columns) { $record[$column] = $_ * 2 }
            [pscustomobject]$record
        }

        $rows = @($records | Measure-ProxyCorrelation -Target acc -WarningVariable warnings -WarningAction SilentlyContinue)

        $rows.Proxy | Should -Be $Columns
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Be "The first record has no TropicalScore, so only $Measured measured. Pipe the records through Get-TropicalScore first, or name the proxies with -Proxy."
    }

    It 'points to Get-TropicalScore when the target is a score it adds' {
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_ } }

        { $records | Measure-ProxyCorrelation -Target TropicalScore -Proxy p -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "None of the 3 records has a property named 'TropicalScore'. Get-TropicalScore adds TropicalScore: pipe the records through it first."
    }

    It 'stops when the first record has no default proxy' {
        $records = 1..3 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_ } }

        { $records | Measure-ProxyCorrelation -Target acc -ErrorAction Stop } | Should -Throw -ErrorId 'DefaultProxyMissing,*'
    }

    It 'sorts rows by Spearman, best first, and reads hashtables' {
        $records = 1..6 | ForEach-Object { @{ acc = $_; up = $_ * $_; down = -$_; noisy = ($_ % 3) + $_ / 10 } }

        $rows = $records | Measure-ProxyCorrelation -Target acc -Proxy down, noisy, up

        $rows.Proxy | Should -Be @('up', 'noisy', 'down')
        [Math]::Abs($rows[0].Spearman - 1) | Should -BeLessThan 1e-12
        [Math]::Abs($rows[2].Spearman + 1) | Should -BeLessThan 1e-12
    }

    It 'warns when few resamples lie beyond the ends of the interval' {
        $records = 1..20 | ForEach-Object { [pscustomobject]@{ acc = $_; p = $_ % 7 } }

        $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 100 -Seed 1 -WarningVariable few -WarningAction SilentlyContinue | Out-Null
        $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000 -Seed 1 -WarningVariable enough | Out-Null
        $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000 -ConfidenceLevel 0.99 -Seed 1 -WarningVariable strict -WarningAction SilentlyContinue | Out-Null

        # 2.5 % of 100 resamples is 2.5, so 2 lie beyond each end; 1,000 give 25, and at the 99 % level 5,000 do.
        $few.Message | Should -Be '-Bootstrap 100 leaves 2 resamples beyond each end of the 95% interval, so its ends move from seed to seed. Use -Bootstrap 1000 or more for stable ends.'
        $enough | Should -BeNullOrEmpty
        $strict.Message | Should -BeLike '-Bootstrap 1000 leaves 5 resamples beyond each end of the 99% interval*Use -Bootstrap 5000 or more*'
    }

    It 'reproduces a bootstrap interval from its seed' {
        $records = 1..300 | ForEach-Object { [pscustomobject]@{ acc = $_ % 37 + ($_ % 11); p = $_ % 37 } }

        $first = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000 -Seed 7
        $second = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000 -Seed 7
        $unseeded = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000

        $first.SpearmanLower | Should -Be $second.SpearmanLower
        $first.SpearmanUpper | Should -Be $second.SpearmanUpper
        $first.Seed | Should -Be 7
        $first.Resamples | Should -Be 1000
        $first.DefinedResamples | Should -Be 1000
        $first.ConfidenceLevel | Should -Be 0.95
        $first.SpearmanLower | Should -BeLessThan $first.Spearman
        $first.SpearmanUpper | Should -BeGreaterThan $first.Spearman
        $unseeded.Seed | Should -Not -BeNullOrEmpty
        $again = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000 -Seed $unseeded.Seed
        $again.SpearmanLower | Should -Be $unseeded.SpearmanLower
    }

    It 'reports counts with -Verbose' {
        $records = 1..5 | ForEach-Object { [pscustomobject]@{ acc = $_; p = if ($_ -eq 3) { 'x' } else { $_ } } }

        $verbose = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Verbose -WarningAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $verbose.Message | Should -Contain 'p: 4 usable pairs of 5 records.'
        $verbose[0].Message | Should -BeLike 'Collected 5 records in * s; measuring p against acc.'
    }

    It 'stops a long bootstrap when the pipeline stops' {
        # A million resamples of 20,000 pairs would run for minutes; Stop() must end it at once (Ctrl+C does the same).
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Manifest)
            Import-Module $Manifest
            1..20000 | ForEach-Object { [pscustomobject]@{ a = $_ % 100; p = $_ % 37 } } |
                Measure-ProxyCorrelation -Target a -Proxy p -Bootstrap 1000000 -Seed 1
        }).AddArgument($env:CANOPY_MODULE_MANIFEST)
        $running = $shell.BeginInvoke()
        Start-Sleep -Seconds 4

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $watch.Stop()

        $bootstrapProgress = $shell.Streams.Progress | Where-Object Activity -like 'Bootstrapping*'
        $bootstrapProgress | Should -Not -BeNullOrEmpty
        $running.IsCompleted | Should -BeTrue
        $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $shell.Dispose()
    }

    It 'rejects a top percentage of zero at binding' {
        { 1 | Measure-ProxyCorrelation -Target acc -TopPercent 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'reproduces the published CIFAR-10 values' {
        $file = Join-Path $script:DataFolder 'nb201_zc13_cifar10_reachable9445.csv'
        if (-not (Test-Path $file)) {
            Set-ItResult -Skipped -Because "the benchmark data file $file is absent (set CANOPY_DATA to the data folder)"
            return
        }

        $rows = Import-Csv $file | Measure-ProxyCorrelation -Target val_acc -Proxy params, synflow, flops, snip -MissingValue -1e8

        $rows.Proxy | Should -Be @('params', 'synflow', 'flops', 'snip')
        [Math]::Round($rows[0].Spearman, 3) | Should -Be 0.747
        [Math]::Round($rows[1].Spearman, 3) | Should -Be 0.732
        [Math]::Round($rows[2].Spearman, 3) | Should -Be 0.714
        [Math]::Round($rows[3].Spearman, 3) | Should -Be 0.552
        $rows | ForEach-Object { $_.Count | Should -Be 9445 }
    }

    It 'leaves out the sentinel of a failed proxy' {
        $file = Join-Path $script:DataFolder 'nb201_zc13_cifar10_reachable9445.csv'
        if (-not (Test-Path $file)) {
            Set-ItResult -Skipped -Because "the benchmark data file $file is absent (set CANOPY_DATA to the data folder)"
            return
        }

        $row = Import-Csv $file | Measure-ProxyCorrelation -Target val_acc -Proxy jacov -MissingValue -1e8 -WarningVariable warnings -WarningAction SilentlyContinue

        $row.Count | Should -Be 9444
        $row.LeftOut | Should -Be 1
        $warnings.Count | Should -Be 1
        [Math]::Round($row.Spearman, 3) | Should -Be 0.818
    }

    It 'gives exactly <Expected> for a <Name> ranking' -ForEach @(
        @{ Name = 'perfect'; Sign = 1; Expected = 1 }
        @{ Name = 'reversed'; Sign = -1; Expected = -1 }
    ) {
        $records = 1..1000 | ForEach-Object { [pscustomobject]@{ acc = [Math]::Sqrt($_ * 7 % 1009); p = $Sign * ($_ * 7 % 1009) } }

        $row = $records | Measure-ProxyCorrelation -Target acc -Proxy p

        $row.Spearman | Should -BeExactly ([double] $Expected)
        $row.Kendall | Should -BeExactly ([double] $Expected)
    }

    It 'shows the bootstrap interval in the default table' {
        $records = 1..50 | ForEach-Object { [pscustomobject]@{ acc = $_ % 13 + $_; p = $_ } }

        $table = $records | Measure-ProxyCorrelation -Target acc -Proxy p -Bootstrap 1000 -Seed 1 | Format-Table | Out-String -Width 120
        $lines = @($table -split "`n" | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^\s*Target: acc; 95\W*%? bootstrap interval of ρ from 1,000 resamples$'
        $lines[1] | Should -Match '^Proxy\s+Count\s+Spearman\s+SpearmanLower\s+SpearmanUpper\s+Kendall\s+Pearson$'
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
    }

    It 'completes <Parameter> with the score properties and the numeric cached columns' -ForEach @(
        @{ Parameter = '-Proxy'; Expected = @('TropicalScore', 'ParameterCount', 'Flops', 'val_acc', "'test acc'") }
        @{ Parameter = '-Target'; Expected = @('val_acc', "'test acc'", 'flops', 'TropicalScore', 'ParameterCount') }
        @{ Parameter = '-Target val_acc -Proxy Flops,'; Expected = @('TropicalScore', 'ParameterCount', "'test acc'") }
        @{ Parameter = 'val_acc TropicalScore,'; Expected = @('ParameterCount', 'Flops', "'test acc'") }
    ) {
        $saved = $env:CANOPY_DATABASE
        try {
            $env:CANOPY_DATABASE = Join-Path $TestDrive 'completion.db'
            $csv = Join-Path $TestDrive 'completion.csv'
            @('arch,val_acc,note,test acc,flops', '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|skip_connect~1|nor_conv_3x3~2|,90,good,89,1.2') |
                Set-Content -Path $csv
            Import-CanopyBenchmark -Path $csv -Name completion -Force | Out-Null
            $line = "Measure-ProxyCorrelation $Parameter "

            $completions = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText

            $completions | Should -Be $Expected
        }
        finally {
            $env:CANOPY_DATABASE = $saved
        }
    }
}

BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force

    # Ten records ranked in the same order by Score and Accuracy, except Accuracy 93.5, which a -MissingValue drops.
    $script:records = 1..10 | ForEach-Object { [pscustomobject]@{ Score = $_; Accuracy = 84.5 + $_ } }

    # Returns the error that binding a command's arguments raises, or $null.
    function Get-BindingError([scriptblock] $Command) {
        try {
            & $Command | Out-Null
            $null
        }
        catch {
            $_
        }
    }
}

# PowerShell reads ',' in text as a thousands separator and rounds fractions into integer parameters in every
# culture; the tests run under de-DE, where a user types both, and under en-US.
Describe 'Numeric parameters under <Culture>' -ForEach @{ Culture = 'en-US' }, @{ Culture = 'de-DE' } {
    BeforeAll {
        $script:savedCulture = [cultureinfo]::CurrentCulture
    }

    BeforeEach {
        [cultureinfo]::CurrentCulture = $Culture
    }

    AfterEach {
        [cultureinfo]::CurrentCulture = $script:savedCulture
    }

    Context 'text with a decimal comma' {
        It 'rejects <Text> for <Parameter>' -ForEach @(
            @{ Parameter = 'TopPercent'; Text = '7,5'; Command = { $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -TopPercent '7,5' } }
            @{ Parameter = 'MissingValue'; Text = '93,5'; Command = { $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -MissingValue '93,5' } }
            @{ Parameter = 'ConfidenceLevel'; Text = '0,9'; Command = { $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -Bootstrap 10 -ConfidenceLevel '0,9' } }
            @{ Parameter = 'MaxParameters'; Text = '0,8e6'; Command = { Invoke-CanopySearch Mlp -Budget 2 -MaxParameters '0,8e6' } }
            @{ Parameter = 'Width'; Text = '1.000,5'; Command = { $records | Export-CanopyPlot Correlation /tmp/never-written.svg -Width '1.000,5' } }
        ) {
            $record = Get-BindingError $Command

            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
            $record.Exception.Message | Should -BeLike "*parameter '$Parameter'*"
            $record.Exception.Message | Should -BeLike "*'$Text' is not a number. Canopy reads numbers with a decimal point*such as 7.5*"
        }

        It 'rejects a thousands separator in a whole number' {
            $record = Get-BindingError { Get-CanopyArchitecture NatsSize -Count '1,000' }

            $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
            $record.Exception.Message | Should -BeLike "*'1,000' is not a number*"
        }
    }

    Context 'text with a decimal point' {
        It 'binds -TopPercent 7.5 as 7.5' {
            $row = $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -TopPercent '7.5'

            $row.TopPercent | Should -Be 7.5
        }

        It 'treats -MissingValue 93.5 as one missing value' {
            $row = $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -MissingValue '93.5' -WarningAction SilentlyContinue

            $row.LeftOut | Should -Be 1
            $row.Count | Should -Be 9
        }

        It 'binds an exponent in whole-number text' {
            @(Get-CanopyArchitecture NatsSize -Count '1e1' -Seed 1).Count | Should -Be 10
        }
    }

    Context 'numbers with a fraction for whole-number parameters' {
        It 'rejects <Shown> for <Parameter>' -ForEach @(
            @{ Parameter = 'InputDimension'; Shown = '3.072'; Command = { Get-TropicalScore -LayerWidths 64 -InputDimension 3.072 } }
            @{ Parameter = 'InputDimension'; Shown = '2.5'; Command = { Get-TropicalScore -LayerWidths 64 -InputDimension 2.5 } }
            @{ Parameter = 'InputDimension'; Shown = '3.072'; Command = { Get-TropicalScore -LayerWidths 64 -InputDimension '3.072' } }
            @{ Parameter = 'InputDimension'; Shown = '2.5'; Command = { New-CanopyArchitecture -LayerWidths 64 -InputDimension 2.5 } }
            @{ Parameter = 'InputDimension'; Shown = '3.072'; Command = { Invoke-CanopySearch Mlp -Budget 2 -InputDimension 3.072 } }
            @{ Parameter = 'Budget'; Shown = '2.5'; Command = { Invoke-CanopySearch Mlp -Budget 2.5 } }
            @{ Parameter = 'Seed'; Shown = '2.5'; Command = { Invoke-CanopySearch Mlp -Budget 2 -Seed 1, '2.5' } }
            @{ Parameter = 'DepthRange'; Shown = '2.5'; Command = { Invoke-CanopySearch Mlp -Budget 2 -DepthRange 1, 2.5 } }
            @{ Parameter = 'Channels'; Shown = '24.5'; Command = { New-CanopyArchitecture -Channels 8, 16, 24.5, 32, 40 } }
            @{ Parameter = 'Bootstrap'; Shown = '1.5'; Command = { $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -Bootstrap ([decimal]1.5) } }
            @{ Parameter = 'Count'; Shown = '1.5'; Command = { Get-CanopyArchitecture NatsSize -Count ([float]1.5) } }
        ) {
            $record = Get-BindingError $Command

            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
            $record.Exception.Message | Should -BeLike "*parameter '$Parameter'*"
            $record.Exception.Message | Should -BeLike "*'$Shown' is not a whole number.*"
        }
    }

    Context 'whole numbers' {
        It 'binds <Argument> of type <Type> as 3072' -ForEach @(
            @{ Argument = 3072; Type = 'int' }
            @{ Argument = 3072.0; Type = 'double' }
            @{ Argument = [long]3072; Type = 'long' }
            @{ Argument = [decimal]3072; Type = 'decimal' }
            @{ Argument = '3072'; Type = 'string' }
            @{ Argument = '3072.0'; Type = 'string' }
            @{ Argument = '3.072e3'; Type = 'string' }
        ) {
            (Get-TropicalScore -LayerWidths 64 -InputDimension $Argument).Architecture | Should -Be 'mlp:3072:64'
        }

        It 'binds arrays of numbers and of text' {
            (New-CanopyArchitecture -Channels 8, 16, 24, 32, 40).Architecture | Should -Be '8:16:24:32:40'
            (New-CanopyArchitecture -Channels '8,16,24,32,40').Architecture | Should -Be '8:16:24:32:40'
            (New-CanopyArchitecture -Channels '8', '16', '24', '32', '40.0').Architecture | Should -Be '8:16:24:32:40'
        }

        It 'keeps every digit of a large seed given as text' {
            $row = $records | Measure-ProxyCorrelation -Target Accuracy -Proxy Score -Bootstrap 2 -Seed '18446744073709551615' -WarningAction SilentlyContinue

            $row.Seed | Should -Be ([ulong]::MaxValue)
        }

        It 'binds whole-number text to a search' {
            $runs = Invoke-CanopySearch Mlp -Budget '20' -Seed '1', 2 -InputDimension '32' -WidthRange 16, '64' -DepthRange '1', 2.0 -MaxParameters '3e3' -Summary

            @($runs).Count | Should -Be 2
            $runs | ForEach-Object { $_.Architecture | Should -BeLike 'mlp:32:*' }
            $runs | ForEach-Object { $_.ParameterCount | Should -BeLessOrEqual 3000 }
            ($runs | Measure-Object Rejected -Sum).Sum | Should -BeGreaterThan 0 -Because 'two layers of 64 have more than 3,000 parameters'
        }
    }
}

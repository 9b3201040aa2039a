BeforeDiscovery {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force
    $root = Split-Path -Parent $env:CANOPY_MODULE_MANIFEST

    # Reads the examples of a docs/cmdlets page: title, code and the reason of a NotRunnable marker, if any.
    function Read-Examples([string] $Path) {
        $examples = [System.Collections.Generic.List[hashtable]]::new()
        $inExamples = $false
        $inCode = $false
        $current = $null
        foreach ($line in Get-Content -Path $Path -Encoding utf8) {
            if (-not $inCode -and $line -match '^## ') {
                $inExamples = $line -match '^## EXAMPLES\s*$'
                continue
            }
            if (-not $inExamples) { continue }
            if (-not $inCode -and $line -match '^### (.+?)\s*$') {
                $current = @{ Title = $Matches[1]; Code = [System.Collections.Generic.List[string]]::new(); NotRunnable = $null; Index = $examples.Count }
                $examples.Add($current)
            }
            elseif ($line -match '^\s*```') {
                $inCode = -not $inCode
            }
            elseif ($inCode -and $current) {
                $current.Code.Add($line)
            }
            elseif ($current -and $line -match '<!--\s*NotRunnable:\s*(.+?)\s*-->') {
                $current.NotRunnable = $Matches[1]
            }
        }
        foreach ($example in $examples) { $example.Code = $example.Code -join "`n" }
        return $examples
    }

    $commands = @(Get-Command -Module Canopy -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    $pages = foreach ($command in $commands) {
        $page = Join-Path $root "docs/cmdlets/$($command.Name).md"
        if (Test-Path $page) {
            @{ Name = $command.Name; Examples = @(Read-Examples $page) }
        }
    }
}

BeforeAll {
    Import-Module $env:CANOPY_MODULE_MANIFEST -Force
    $script:root = Split-Path -Parent $env:CANOPY_MODULE_MANIFEST
    $script:dataFolder = if ($env:CANOPY_TEST_DATA) { $env:CANOPY_TEST_DATA } else { Join-Path $script:root '../shared/data' }

    # An error id in C# source: a string literal followed by the error category or a variable named category.
    $script:ErrorIdPattern = '"([A-Z][A-Za-z]+)",\s*(ErrorCategory\.|category\b)'

    # Each shared helper of Cmdlets/Infrastructure that raises error ids, and the calls through which it raises them.
    $script:RaisingHelperCalls = @{
        ArchitectureConversion = '\bArchitectureConversion\.Convert\('
        CacheErrors            = '\bCacheErrors\.FromException\('
        CachePaths             = '\bCachePaths\.Resolve\('
        RegionModeArguments    = '\bRegionModeArguments\.Check\('
        SearchSpaceParameters  = '\bSearchSpaceParameters\.\w+\('
        SearchTargetLookup     = '\bSearchTargetLookup\.Open\('
        # ArchitectureConversion.Convert reads widths records through WidthRecords.
        WidthRecords           = '\bArchitectureConversion\.Convert\('
    }

    # Runs the examples of one page in order, each in a new runspace of one child pwsh, and returns one result per example.
    function Invoke-PageExamples([string] $Name, [object[]] $Examples) {
        $folder = New-ExampleFolder -Name $Name
        $runnable = @($Examples | Where-Object { -not $_.NotRunnable -and -not (Test-NeedsAbsentData $_.Code) })
        $examplesPath = Join-Path $TestDrive "$Name-examples.json"
        $resultPath = Join-Path $TestDrive "$Name-results.json"
        ConvertTo-Json -InputObject @($runnable | ForEach-Object { @{ Index = $_.Index; Code = $_.Code } }) -Depth 3 |
            Set-Content -Path $examplesPath -Encoding utf8

        $runner = Join-Path $TestDrive 'Invoke-ExampleRunner.ps1'
        Set-Content -Path $runner -Value $script:RunnerScript -Encoding utf8
        $pwshArguments = @('-NoProfile', '-NonInteractive', '-File', $runner, '-Folder', $folder.Repository, '-ExamplesPath', $examplesPath,
            '-ResultPath', $resultPath, '-Database', (Join-Path $folder.Root 'canopy.db'), '-TemporaryFolder', $folder.Temporary,
            '-DataFolder', $script:dataFolder)
        $output = & $script:PwshHost @script:PwshPrefix @pwshArguments 2>&1
        if (-not (Test-Path $resultPath)) {
            throw "The example runner for $Name wrote no results. Its output: $($output -join [Environment]::NewLine)"
        }

        $results = @{}
        foreach ($result in @(Get-Content -Raw -Path $resultPath | ConvertFrom-Json)) { $results[[int]$result.Index] = $result }
        return $results
    }

    # Makes <TestDrive>/<Name>/repo link to every top-level entry of the repository, and <TestDrive>/<Name>/shared to
    # the data folder's parent, so that ./Canopy.psd1 and ../shared/data resolve as they do from the repository root.
    # NOTE: files an example writes into the current folder stay in TestDrive, but a file it writes into a
    # subfolder such as docs/ lands in the real repository, because the subfolders are links.
    function New-ExampleFolder([string] $Name) {
        $rootFolder = Join-Path $TestDrive $Name
        $repository = Join-Path $rootFolder 'repo'
        $temporary = Join-Path $rootFolder 'tmp'
        New-Item -ItemType Directory -Path $repository, $temporary -Force | Out-Null
        foreach ($entry in Get-ChildItem -LiteralPath $script:root -Force | Where-Object Name -NotIn '.git', 'TestResults') {
            New-Item -ItemType SymbolicLink -Path (Join-Path $repository $entry.Name) -Target $entry.FullName | Out-Null
        }
        $shared = Join-Path $script:root '../shared'
        if (Test-Path $shared) {
            New-Item -ItemType SymbolicLink -Path (Join-Path $rootFolder 'shared') -Target (Resolve-Path $shared).Path | Out-Null
        }
        return @{ Root = $rootFolder; Repository = $repository; Temporary = $temporary }
    }

    # An example that names benchmark folders needs each of them; one that names none needs the data folder itself.
    function Test-NeedsAbsentData([string] $Code) {
        if ($Code -notmatch '\.\./shared/data|CANOPY_DATA\b') {
            return $false
        }

        $folders = @('nats-tss', 'nb201-zero-cost-proxies', 'darts-other-tasks' | Where-Object { $Code -match [regex]::Escape($_) })
        if ($folders.Count -eq 0) {
            return -not (Test-Path -LiteralPath $script:dataFolder)
        }
        return @($folders | Where-Object { -not (Test-Path -LiteralPath (Join-Path $script:dataFolder $_)) }).Count -gt 0
    }

    # Starts pwsh the way this process was started: either a pwsh executable or 'dotnet pwsh.dll' of a local tool.
    $script:PwshHost = [Environment]::ProcessPath
    $script:PwshPrefix = @(if ([IO.Path]::GetFileNameWithoutExtension($script:PwshHost) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })

    $script:RunnerScript = @'
param([string] $Folder, [string] $ExamplesPath, [string] $ResultPath, [string] $Database, [string] $TemporaryFolder, [string] $DataFolder)

$env:CANOPY_DATABASE = $Database
$env:CANOPY_DATA = $DataFolder
$env:TMPDIR = $TemporaryFolder
$env:TEMP = $TemporaryFolder
$env:TMP = $TemporaryFolder
Set-Location -LiteralPath $Folder
[Environment]::CurrentDirectory = $Folder

# An example that runs longer than this is reported as failed; mark slow examples NotRunnable instead.
$timeout = [TimeSpan]::FromMinutes(5)
$results = foreach ($example in @(Get-Content -Raw -Path $ExamplesPath | ConvertFrom-Json)) {
    $shell = [powershell]::Create()
    $errors = [System.Collections.Generic.List[string]]::new()
    try {
        $null = $shell.AddScript('param($folder) Set-Location -LiteralPath $folder; Import-Module ./Canopy.psd1').AddArgument($Folder)
        $null = $shell.AddStatement().AddScript($example.Code)
        $handle = $shell.BeginInvoke()
        if ($handle.AsyncWaitHandle.WaitOne($timeout)) {
            $null = $shell.EndInvoke($handle)
        }
        else {
            $shell.Stop()
            $errors.Add("The example ran longer than $($timeout.TotalMinutes) minutes.")
        }
    }
    catch {
        $errors.Add("Terminating error: $($_.Exception.InnerException.Message ?? $_.Exception.Message)")
    }
    foreach ($record in $shell.Streams.Error | Select-Object -First 5) {
        $errors.Add("$($record.FullyQualifiedErrorId): $($record.Exception.Message)")
    }
    if ($shell.Streams.Error.Count -gt 5) {
        $errors.Add("... and $($shell.Streams.Error.Count - 5) more errors.")
    }
    $shell.Dispose()
    [pscustomobject]@{ Index = $example.Index; Errors = @($errors) }
}
ConvertTo-Json -InputObject @($results) -Depth 3 | Set-Content -Path $ResultPath -Encoding utf8
'@
}

Describe 'about_Canopy' {
    It 'is found by Get-Help with its sections' {
        $text = Get-Help -Name about_Canopy | Out-String

        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'LONG DESCRIPTION'
        $text | Should -Match 'CANOPY_DATABASE'
        $text | Should -Match 'CANOPY_DATA:'
        $text | Should -Match 'GlobalBound'
    }

    It 'fits an 80-column console' {
        $topic = Join-Path (Split-Path -Parent $env:CANOPY_MODULE_MANIFEST) 'en-US/about_Canopy.help.txt'
        if (-not (Test-Path $topic)) {
            Set-ItResult -Skipped -Because "the topic file $topic is not beside the module"
            return
        }

        $long = @(Get-Content -Path $topic -Encoding utf8 | Where-Object { $_.Length -gt 79 })

        $long | Should -BeNullOrEmpty
    }
}

Describe 'Parameter defaults in help' {
    # Defaults come from a new instance of the cmdlet class, so the first enum member and 0 show as themselves.
    # None is left for null, for a mandatory parameter, and for a value the parameter's ValidateRange rejects.
    It '<Command> -<Parameter> shows <Expected>' -ForEach @(
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Strategy'; Expected = 'RegularizedEvolution' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Mode'; Expected = 'Generic' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Objective'; Expected = 'TropicalScore' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'DartsNetwork'; Expected = 'NasBench301' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Budget'; Expected = '1000' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'DepthRange'; Expected = '1, 10' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'Summary'; Expected = 'False' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'MaxParameters'; Expected = 'None' }
        @{ Command = 'Invoke-CanopySearch'; Parameter = 'SearchSpace'; Expected = 'None' }
        @{ Command = 'Export-CanopyPlot'; Parameter = 'Band'; Expected = 'MinMax' }
        @{ Command = 'Get-TropicalScore'; Parameter = 'Mode'; Expected = 'Generic' }
        @{ Command = 'Get-TropicalScore'; Parameter = 'SearchSpace'; Expected = "recognised from each string's form" }
        @{ Command = 'Get-CanopyArchitecture'; Parameter = 'Seed'; Expected = 'NATS-Bench spaces in order; Darts and Mlp sampled with seed 0' }
        @{ Command = 'Get-CanopyArchitecture'; Parameter = 'Count'; Expected = 'all of a NATS-Bench space; 100 samples of Darts or Mlp' }
        @{ Command = 'Measure-ProxyCorrelation'; Parameter = 'Bootstrap'; Expected = '0' }
        @{ Command = 'Measure-ProxyCorrelation'; Parameter = 'ConfidenceLevel'; Expected = '0.95' }
        @{ Command = 'Measure-ProxyCorrelation'; Parameter = 'Seed'; Expected = 'a random seed, reported in the output' }
        @{ Command = 'Import-CanopyBenchmark'; Parameter = 'SearchSpace'; Expected = 'detected from each architecture' }
    ) {
        (Get-Help -Name $Command -Parameter $Parameter).defaultValue | Should -Be $Expected
    }
}

Describe 'Wildcard support in help' {
    It 'Import-CanopyBenchmark -<Parameter> shows <Expected>' -ForEach @(
        @{ Parameter = 'Path'; Expected = 'true' }
        @{ Parameter = 'LiteralPath'; Expected = 'false' }
    ) {
        (Get-Help -Name Import-CanopyBenchmark -Parameter $Parameter).globbing | Should -Be $Expected
    }

    It '<Name> matches [SupportsWildcards()] for every parameter' -ForEach $commands {
        $mismatches = foreach ($parameter in (Get-Command -Name $Name).Parameters.Values) {
            $entry = @((Get-Help -Name $Name -Full).parameters.parameter) | Where-Object name -EQ $parameter.Name
            if (-not $entry) { continue }
            $declared = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            if ($entry.globbing -ne $declared.ToString().ToLowerInvariant()) { $parameter.Name }
        }

        $mismatches | Should -BeNullOrEmpty
    }
}

Describe 'Error ids of shared helpers' {
    It 'knows every shared helper that raises an error id' {
        $infrastructure = Join-Path (Split-Path -Parent $env:CANOPY_MODULE_MANIFEST) 'Cmdlets/Infrastructure'
        if (-not (Test-Path $infrastructure)) {
            Set-ItResult -Skipped -Because "the source folder $infrastructure is not beside the module"
            return
        }

        $raising = Get-ChildItem -LiteralPath $infrastructure -Filter *.cs -Recurse |
            Where-Object { [regex]::IsMatch((Get-Content -Raw $_.FullName), $ErrorIdPattern) } | ForEach-Object BaseName

        @($raising | Where-Object { -not $RaisingHelperCalls.ContainsKey($_) }) | Should -BeNullOrEmpty -Because 'the error-id check must know which calls raise them'
    }
}

Describe 'Help of <Name>' -ForEach $commands {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        $parameters = @((Get-Command -Name $Name).Parameters.Keys | Where-Object { $_ -notin $common })
    }

    It 'has a synopsis' {
        # Without a help file, Get-Help makes the synopsis from the syntax, which ends in <CommonParameters>.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike '*`[<CommonParameters>`]*'
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $undocumented = foreach ($parameter in $parameters) {
            $entry = @($help.parameters.parameter) | Where-Object name -EQ $parameter
            $text = if ($entry) { ($entry.description.Text -join '').Trim() } else { '' }
            if (-not $text) { $parameter }
        }

        $undocumented | Should -BeNullOrEmpty -Because "docs/cmdlets/$Name.md needs a '### -Name' section with text for each parameter"
    }

    It 'has a HelpMessage for every mandatory parameter' {
        # PowerShell prints the HelpMessage when a user types !? at the prompt for a missing mandatory value.
        $withoutMessage = foreach ($parameter in (Get-Command -Name $Name).Parameters.Values) {
            foreach ($set in $parameter.ParameterSets.GetEnumerator()) {
                if ($set.Value.IsMandatory -and [string]::IsNullOrWhiteSpace($set.Value.HelpMessage)) {
                    "-$($parameter.Name) in the parameter set $($set.Key)"
                }
            }
        }

        $withoutMessage | Should -BeNullOrEmpty -Because 'the Parameter attribute of each mandatory parameter needs a HelpMessage'
    }

    It 'has at least two examples' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'links about_Canopy and other Canopy cmdlets' {
        $links = @($help.relatedLinks.navigationLink.linkText)
        $known = @('about_Canopy') + @((Get-Command -Module Canopy).Name)

        $links | Should -Contain 'about_Canopy'
        $links.Count | Should -BeGreaterOrEqual 3
        @($links | Where-Object { $_ -notin $known }) | Should -BeNullOrEmpty
        $links | Should -Not -Contain $Name
    }

    It 'lists in NOTES every error id its command file raises' {
        $source = Join-Path (Split-Path -Parent $env:CANOPY_MODULE_MANIFEST) "Cmdlets/Commands/$($Name -replace '-', '')Command.cs"
        if (-not (Test-Path $source)) {
            Set-ItResult -Skipped -Because "the source file $source is not beside the module"
            return
        }

        # Error ids appear in the source as a string literal followed by the error category, or by a variable that holds
        # it. Shared helpers raise ids too, on behalf of every command file that calls the method that raises them.
        $commandText = Get-Content -Raw $source
        $infrastructure = Join-Path (Split-Path -Parent $env:CANOPY_MODULE_MANIFEST) 'Cmdlets/Infrastructure'
        $called = @($RaisingHelperCalls.GetEnumerator() | Where-Object { $commandText -match $_.Value } | ForEach-Object Key)
        $helpers = @(Get-ChildItem -LiteralPath $infrastructure -Filter *.cs -Recurse | Where-Object BaseName -In $called)
        $texts = @($commandText) + @($helpers | ForEach-Object { Get-Content -Raw $_.FullName })
        $ids = $texts | ForEach-Object { [regex]::Matches($_, $ErrorIdPattern) } | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique
        $notes = @($help.alertSet.alert.Text) -join "`n"
        $unlisted = $ids | Where-Object { $notes -notmatch "\b$_\b" }

        $unlisted | Should -BeNullOrEmpty -Because "docs/cmdlets/$Name.md lists the error ids under NOTES"
    }
}

Describe 'Examples of <Name>' -ForEach $pages {
    BeforeAll {
        $results = Invoke-PageExamples -Name $Name -Examples $Examples
    }

    It '<Title> runs' -ForEach $Examples {
        if ($NotRunnable) {
            Set-ItResult -Skipped -Because "the page marks it NotRunnable: $NotRunnable"
            return
        }
        if (Test-NeedsAbsentData $Code) {
            Set-ItResult -Skipped -Because "it reads benchmark data that $script:dataFolder does not hold"
            return
        }

        $results.ContainsKey($Index) | Should -BeTrue -Because 'the runner reports every runnable example'
        $results[$Index].Errors | Should -BeNullOrEmpty -Because "the example must run without errors:`n$Code"
    }
}

# Task implementations for build.ps1. Each external command is checked, so a failed step stops the task.

Set-StrictMode -Version 3.0

$script:PesterVersion = '5.7.1'

function Invoke-Native {
    # Runs an external command and throws when it exits non-zero, because $ErrorActionPreference does not cover them.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())

    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    param([Parameter(Mandatory)] [string] $Root)

    $props = [xml](Get-Content -Raw (Join-Path $Root 'Directory.Build.props'))
    return $props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
}

function Invoke-CleanTask {
    param([Parameter(Mandatory)] [string] $Root)

    foreach ($folder in 'bin', 'out', 'en-US', '.packages') {
        $path = Join-Path $Root $folder
        if (Test-Path $path) { Remove-Item -Recurse -Force $path }
    }
    Get-ChildItem -Path $Root -Directory -Recurse -Include 'bin', 'obj' |
        Where-Object { $_.FullName -notlike '*node_modules*' } |
        Remove-Item -Recurse -Force
}

function Invoke-BuildTask {
    # -Release maps the build machine's paths out of the assemblies and symbols, as a published package should.
    param([Parameter(Mandatory)] [string] $Root, [string] $Configuration = 'Release', [switch] $Release)

    $manifest = Import-PowerShellDataFile (Join-Path $Root 'Canopy.psd1')
    $version = Get-ModuleVersion -Root $Root
    if ($manifest.ModuleVersion -ne $version) {
        throw "Canopy.psd1 has ModuleVersion $($manifest.ModuleVersion) but Directory.Build.props has $version; make them equal."
    }

    $bin = Join-Path $Root 'bin'
    $arguments = @('publish', (Join-Path $Root 'Cmdlets/Canopy.Cmdlets.csproj'), '-c', $Configuration, '-o', $bin, '--nologo', '-v', 'quiet', '-p:UseSharedCompilation=false')
    if ($Release) {
        $arguments += '-p:ContinuousIntegrationBuild=true'

        # An incremental build would keep assemblies compiled earlier with the machine's paths, so both projects of
        # the module compile afresh.
        foreach ($project in 'Cmdlets', 'src') {
            foreach ($folder in 'bin', 'obj') {
                $path = Join-Path $Root "$project/$folder"
                if (Test-Path -LiteralPath $path) { Remove-Item -LiteralPath $path -Recurse -Force }
            }
        }
    }
    Invoke-Native dotnet $arguments

    $helpBuilder = Join-Path $Root 'build/ConvertTo-MamlHelp.ps1'
    if (Test-Path $helpBuilder) {
        & $helpBuilder -Root $Root
    }
    Write-Host "Built Canopy $version into $bin"
}

function Write-XunitSkipReasons {
    # The console logger names skipped tests without their reasons, so the reasons are read from the TRX file.
    param([Parameter(Mandatory)] [string] $TrxPath)

    if (-not (Test-Path -LiteralPath $TrxPath)) {
        return
    }

    $namespace = @{ t = 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010' }
    $skipped = Select-Xml -LiteralPath $TrxPath -XPath '//t:UnitTestResult[@outcome="NotExecuted"]' -Namespace $namespace
    foreach ($result in $skipped) {
        Write-Host "xunit: skipped $($result.Node.testName): $($result.Node.Output.ErrorInfo.Message)"
    }
}

function Invoke-XunitTests {
    # Returns @{ Passed; Failed; Skipped } parsed from the summary line that dotnet test prints.
    param([Parameter(Mandatory)] [string] $Root, [string] $Configuration = 'Release')

    $project = Join-Path $Root 'tests/Canopy.Core.Tests/Canopy.Core.Tests.csproj'
    $results = Join-Path $Root 'out/test-results'
    $trx = Join-Path $results 'core.trx'
    Remove-Item -LiteralPath $trx -ErrorAction SilentlyContinue
    $lines = & dotnet test $project -c $Configuration --nologo -p:UseSharedCompilation=false --logger 'trx;LogFileName=core.trx' --results-directory $results 2>&1 |
        ForEach-Object { $line = "$_"; Write-Host $line; $line }
    Write-XunitSkipReasons -TrxPath $trx
    $summary = $lines | Where-Object { $_ -match '^\s*(Passed|Failed|Skipped)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)' } |
        Select-Object -Last 1
    if (-not $summary -or $summary -notmatch 'Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)') {
        Write-Host 'xunit: no test summary was printed (build or runner failure); counting it as one failure.'
        return @{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $counts = @{ Passed = [int]$Matches[2]; Failed = [int]$Matches[1]; Skipped = [int]$Matches[3] }

    # A crashed test host still prints a summary of the tests that finished before the crash.
    if ($lines -match 'Test Run Aborted|Test host process crashed') {
        Write-Host 'xunit: the test host crashed; counting it as one failure.'
        $counts.Failed += 1
    }
    return $counts
}

function Invoke-PesterTests {
    # Runs Pester in a fresh pwsh, because a binary module cannot be unloaded from this one.
    param([Parameter(Mandatory)] [string] $Root)

    $packages = Join-Path $Root '.packages'
    Invoke-Native dotnet @('restore', (Join-Path $Root 'build/pester/pester.csproj'), '--packages', $packages, '--nologo', '-v', 'quiet')
    $pester = Join-Path $packages "pester/$script:PesterVersion/tools/Pester.psd1"

    $runner = Join-Path $Root 'build/Invoke-PesterTests.ps1'
    $lines = & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterManifest $pester -TestPath (Join-Path $Root 'tests/Pester') -ModuleManifest (Join-Path $Root 'Canopy.psd1') 2>&1 |
        ForEach-Object { $line = "$_"; Write-Host $line; $line }
    $summary = $lines | Where-Object { $_ -match '^pester: (\d+) passed, (\d+) failed, (\d+) skipped' } | Select-Object -Last 1
    if (-not $summary -or $summary -notmatch '^pester: (\d+) passed, (\d+) failed, (\d+) skipped') {
        Write-Host 'pester: no summary was printed; counting it as one failure.'
        return @{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    return @{ Passed = [int]$Matches[1]; Failed = [int]$Matches[2]; Skipped = [int]$Matches[3] }
}

function Invoke-TestTask {
    # Prints the plain `N passed, N failed` total of xunit and Pester last, and returns the failure count.
    param([Parameter(Mandatory)] [string] $Root, [string] $Configuration = 'Release')

    # The tests expect English messages with en-US numbers, and the summary lines read here are the English ones
    # that dotnet prints, so both test processes run in English whatever the machine's language.
    $saved = @{}
    foreach ($name in 'LANG', 'LC_ALL', 'DOTNET_CLI_UI_LANGUAGE', 'VSLANG') {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    $env:LANG = 'en_US.UTF-8'
    $env:LC_ALL = 'en_US.UTF-8'
    $env:DOTNET_CLI_UI_LANGUAGE = 'en'
    $env:VSLANG = '1033'
    try {
        $xunit = Invoke-XunitTests -Root $Root -Configuration $Configuration
        $pester = Invoke-PesterTests -Root $Root
    }
    finally {
        foreach ($name in $saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
    }
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped"

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "$passed passed, $failed failed"
    return $failed
}

function Invoke-DemoTask {
    param([Parameter(Mandatory)] [string] $Root, [string] $DataPath)

    $demo = Join-Path $Root 'examples/Invoke-CanopyDemo.ps1'
    $arguments = @('pwsh', '-NoProfile', '-NonInteractive', '-File', $demo, '-ModuleManifest', (Join-Path $Root 'Canopy.psd1'))
    if ($DataPath) { $arguments += @('-DataPath', $DataPath) }
    Invoke-Native dotnet $arguments
}

function Invoke-BenchTask {
    param([Parameter(Mandatory)] [string] $Root, [string] $Configuration = 'Release', [string] $DataPath)

    $bench = Join-Path $Root 'build/Invoke-Benchmarks.ps1'
    $arguments = @('pwsh', '-NoProfile', '-NonInteractive', '-File', $bench, '-Root', $Root, '-Configuration', $Configuration)
    if ($DataPath) { $arguments += @('-DataPath', $DataPath) }
    Invoke-Native dotnet $arguments
}

function Invoke-PackageTask {
    param([Parameter(Mandatory)] [string] $Root)

    $version = Get-ModuleVersion -Root $Root
    $target = Join-Path $Root "out/Canopy/$version"
    if (Test-Path $target) { Remove-Item -Recurse -Force $target }
    New-Item -ItemType Directory -Path $target | Out-Null

    Copy-Item (Join-Path $Root 'Canopy.psd1') $target
    Copy-Item (Join-Path $Root 'bin') $target -Recurse
    foreach ($optional in 'en-US', 'docs', 'LICENSE', 'README.md') {
        $path = Join-Path $Root $optional
        if (Test-Path $path) { Copy-Item $path $target -Recurse }
    }

    # SQLite ships native libraries for platforms that PowerShell does not run on.
    foreach ($platform in 'browser-wasm', 'maccatalyst-arm64', 'maccatalyst-x64') {
        $path = Join-Path $target "bin/runtimes/$platform"
        if (Test-Path $path) { Remove-Item -Recurse -Force $path }
    }

    $check = Test-ModuleManifest -Path (Join-Path $target 'Canopy.psd1') -ErrorAction Stop
    Write-Host "Packaged $($check.Name) $($check.Version) into $target"
}

Export-ModuleMember -Function Invoke-CleanTask, Invoke-BuildTask, Invoke-TestTask, Invoke-DemoTask, Invoke-BenchTask, Invoke-PackageTask

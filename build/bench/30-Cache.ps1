# The benchmark cache: import and read-back time against Import-Csv, and import memory for 10^5 and 10^6 rows.
param([Parameter(Mandatory)] [hashtable] $Context)

function Measure-Interleaved {
    # Runs the scripts in turn, round after round, and returns the fastest time of each in seconds. Interleaving
    # exposes every script to the same load on a shared machine; the first round only warms up.
    param([Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Scripts, [int] $Rounds = 6)

    $times = @{}
    foreach ($name in $Scripts.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
    foreach ($round in 1..$Rounds) {
        foreach ($name in $Scripts.Keys) {
            $seconds = (Measure-Command $Scripts[$name]).TotalSeconds
            if ($round -gt 1) { $times[$name].Add($seconds) }
        }
    }

    $fastest = @{}
    foreach ($name in $Scripts.Keys) { $fastest[$name] = ($times[$name] | Measure-Object -Minimum).Minimum }
    return $fastest
}

$lines = @(
    '## Benchmark cache'
    ''
)

$natsFile = if ($Context.DataPath) { Join-Path $Context.DataPath 'nats-tss/nats_bench.csv' }
if ($natsFile -and (Test-Path $natsFile)) {
    $database = Join-Path $Context.Scratch 'cache-bench.db'
    Remove-Item "$database*" -ErrorAction SilentlyContinue

    $fastest = Measure-Interleaved ([ordered]@{
        ImportCsv = { Import-Csv $natsFile | Out-Null }
        Import    = { Import-CanopyBenchmark -Path $natsFile -Name nats-tss -Database $database -Force | Out-Null }
        Read      = { Get-CanopyBenchmark -Name nats-tss -Database $database | Out-Null }
    })
    $importCsv = $fastest.ImportCsv
    $import = $fastest.Import
    $read = $fastest.Read
    $count = @(Get-CanopyBenchmark -Name nats-tss -Database $database).Count
    Remove-Item "$database*" -ErrorAction SilentlyContinue

    $stages = Invoke-CoreBenchmark -Name 'cache-stages' -Options @('--file', $natsFile, '--folder', $Context.Scratch)
    $lines += @(
        ('NATS-Bench topology file (nats_bench.csv, {0:N0} rows, {1:N1} MB), fastest of five interleaved runs in one pwsh process, after one warm-up round:' -f $count, ((Get-Item $natsFile).Length / 1MB))
        ''
        '| operation | seconds | ratio to Import-Csv | target |'
        '|---|---|---|---|'
        ('| Import-Csv | {0:N3} | 1.00 | |' -f $importCsv)
        ('| Import-CanopyBenchmark | {0:N3} | {1:N2} | at most 1.00 ({2}) |' -f $import, ($import / $importCsv), $(if ($import -le $importCsv) { 'met' } else { 'missed' }))
        ('| Get-CanopyBenchmark -Name | {0:N3} | {1:N2} | at most 1.00 ({2}) |' -f $read, ($read / $importCsv), $(if ($read -le $importCsv) { 'met' } else { 'missed' }))
        ''
        ('Where the import time goes, measured in the core on the same file (fastest of five interleaved runs, {0} cores): reading the records with CsvHelper takes {1:N0} ms, reading them and parsing every architecture to its canonical form {2:N0} ms, and the whole import into a fresh cache {3:N0} ms; reading the stored rows back takes {4:N0} ms.' -f $stages.cores, $stages.readMilliseconds, $stages.readAndParseMilliseconds, $stages.importMilliseconds, $stages.readBackMilliseconds)
        'Import-Csv only splits text into objects. Import-CanopyBenchmark also types every value, parses every architecture and writes each row and the architecture index to SQLite in one transaction; a worker thread parses while the calling thread writes, so on a busy or single-core machine the two add up.'
        ''
    )
}
else {
    $lines += @('The import and read-back timings need ../shared/data/nats-tss/nats_bench.csv, which is absent; skipped.', '')
}

$small = Invoke-CoreBenchmark -Name 'cache-import' -Options @('--rows', '100000', '--folder', $Context.Scratch)
$large = Invoke-CoreBenchmark -Name 'cache-import' -Options @('--rows', '1000000', '--folder', $Context.Scratch)
$rows = foreach ($figures in $small, $large) {
    '| {0:N0} | {1:N1} | {2:N2} | {3:N0} | {4:N1} | {5:N1} |' -f $figures.rows, ($figures.fileBytes / 1MB), $figures.seconds, $figures.rowsPerSecond, ($figures.maxManagedBytes / 1MB), ($figures.peakWorkingSetBytes / 1MB)
}

$lines += @(
    'Import of a generated CSV file of NAS-Bench-201 cells with four numeric columns, through the core (BenchmarkStore.Import), each size in its own process; the file is deleted afterwards:'
    ''
    '| rows | file MB | seconds | rows per second | max managed heap MB | peak working set MB |'
    '|---|---|---|---|---|---|'
    $rows
    ''
    ('Ten times the rows changes the peak working set by a factor of {0:N2} and the largest managed heap sampled during the import by a factor of {1:N2}.' -f ($large.peakWorkingSetBytes / $small.peakWorkingSetBytes), ($large.maxManagedBytes / $small.maxManagedBytes))
)

$lines

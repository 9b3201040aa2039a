# The benchmark cache: import and read-back time against Import-Csv, and import memory for 10^5 and 10^6 rows.
param([Parameter(Mandatory)] [hashtable] $Context)

$measuredRounds = 15

function Format-Comparison {
    # One table row: medians, their ratios to Import-Csv, and the verdict on the wall-clock ratio.
    param([string] $Name, [hashtable] $Time, [hashtable] $Baseline, [switch] $IsBaseline)

    $ratios = foreach ($measure in 'Wall', 'Thread', 'Process') { $Time[$measure] / $Baseline[$measure] }
    $target = if ($IsBaseline) { '' } elseif ($ratios[0] -le 1) { 'at most 1.00 (met)' } else { 'at most 1.00 (missed)' }
    '| {0} | {1:N3} | {2:N3} | {3:N3} | {4:N2} | {5:N3} | {6:N2} | {7} |' -f $Name, $Time.Wall, $ratios[0], $Time.Thread, $ratios[1], $Time.Process, $ratios[2], $target
}

function Measure-FirstLookup {
    # Times the lookup that builds the architecture index against the next one, each after a fresh import.
    param([string] $File, [string] $Database, [int] $Rounds = 7)

    $cell = (Import-Csv $File | Select-Object -First 1).ArchitectureString
    $first = [Collections.Generic.List[double]]::new()
    $second = [Collections.Generic.List[double]]::new()
    for ($round = 0; $round -lt $Rounds; $round++) {
        $null = Import-CanopyBenchmark -Path $File -Name nats-tss -Database $Database -Force
        $first.Add((Measure-Operation { Get-CanopyBenchmark -Name nats-tss -Architecture $cell -Database $Database | Out-Null }).Wall)
        $second.Add((Measure-Operation { Get-CanopyBenchmark -Name nats-tss -Architecture $cell -Database $Database | Out-Null }).Wall)
    }

    @{ First = Get-Median $first; Second = Get-Median $second; Rounds = $Rounds }
}

$lines = @(
    '## Benchmark cache'
    ''
)

$natsFile = if ($Context.DataPath) { Join-Path $Context.DataPath 'nats-tss/nats_bench.csv' }
if ($natsFile -and (Test-Path $natsFile)) {
    $database = Join-Path $Context.Scratch 'cache-bench.db'
    Remove-Item "$database*" -ErrorAction SilentlyContinue

    $medians = Measure-Interleaved -Rounds $measuredRounds -Scripts ([ordered]@{
        ImportCsv = { Import-Csv $natsFile | Out-Null }
        Import    = { Import-CanopyBenchmark -Path $natsFile -Name nats-tss -Database $database -Force | Out-Null }
        Read      = { Get-CanopyBenchmark -Name nats-tss -Database $database | Out-Null }
    })
    $count = @(Get-CanopyBenchmark -Name nats-tss -Database $database).Count
    $lookup = Measure-FirstLookup -File $natsFile -Database $database
    Remove-Item "$database*" -ErrorAction SilentlyContinue

    $stages = Invoke-CoreBenchmark -Name 'cache-stages' -Options @('--file', $natsFile, '--folder', $Context.Scratch)
    $lines += @(
        ('NATS-Bench topology file (nats_bench.csv, {0:N0} rows, {1:N1} MB) in one pwsh process: medians of {2} rounds after {3} warm-up rounds (until the JIT compiler had settled), the three operations interleaved in a rotating order, with a full garbage collection before each run. The targets compare wall-clock medians. The CPU times show the work without the waits while other processes hold the cores: thread CPU is the pipeline thread alone, and process CPU adds the import''s reading and parsing threads, the read''s SQLite thread and the runtime''s own threads.' -f $count, ((Get-Item $natsFile).Length / 1MB), $measuredRounds, $medians.WarmUpRounds)
        ''
        '| operation | wall s | wall ratio | thread CPU s | thread CPU ratio | process CPU s | process CPU ratio | target |'
        '|---|---|---|---|---|---|---|---|'
        (Format-Comparison 'Import-Csv' $medians.ImportCsv $medians.ImportCsv -IsBaseline)
        (Format-Comparison 'Import-CanopyBenchmark' $medians.Import $medians.ImportCsv)
        (Format-Comparison 'Get-CanopyBenchmark -Name' $medians.Read $medians.ImportCsv)
        ''
        ('Where the import time goes, measured in the core on the same file: medians of {0} interleaved runs after {1} warm-up rounds, on {2} cores.' -f $stages.runs, $stages.warmUpRuns, $stages.cores)
        ''
        '| stage | wall-clock ms | thread CPU ms |'
        '|---|---|---|'
        ('| read the records with CsvHelper | {0:N0} | {1:N0} |' -f $stages.readMilliseconds, $stages.readCpuMilliseconds)
        ('| read them and parse every architecture to its canonical form | {0:N0} | {1:N0} |' -f $stages.readAndParseMilliseconds, $stages.readAndParseCpuMilliseconds)
        ('| the whole import, replacing the previous one | {0:N0} | {1:N0} on the calling thread, {2:N0} in the process |' -f $stages.importMilliseconds, $stages.importCpuMilliseconds, $stages.importProcessCpuMilliseconds)
        ('| read the stored rows back | {0:N0} | {1:N0} |' -f $stages.readBackMilliseconds, $stages.readBackCpuMilliseconds)
        ''
        ('The import builds no architecture index; the first lookup by architecture does. After a fresh import, `Get-CanopyBenchmark -Architecture` of one cell takes {0:N1} ms the first time, index included, and {1:N1} ms the second time (medians of {2} fresh imports).' -f ($lookup.First * 1000), ($lookup.Second * 1000), $lookup.Rounds)
        'Import-Csv only splits text into objects. Import-CanopyBenchmark also types every value, parses every architecture and writes each row to SQLite in one transaction. A reading, a parsing and the writing thread share the cores, so on a busy or single-core machine their times add up, and after the last row the commit and the WAL checkpoint with its fsyncs run on one thread. Get-CanopyBenchmark reads the rows on a worker thread while the pipeline thread builds as many records as Import-Csv builds.'
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

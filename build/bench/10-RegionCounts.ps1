# Scoring random fully connected networks: every mode, all finite.
param([Parameter(Mandatory)] [hashtable] $Context)

$figures = Invoke-CoreBenchmark -Name 'mlp-random' -Options @('--count', '100000')
$modes = 'Generic', 'TropicalBound', 'BottleneckBound', 'SerraBound', 'LowerBound'

$rows = foreach ($mode in $modes) {
    '| {0} | {1:N2} | {2:N1} | {3} | {4:N0} |' -f $mode, $figures["$mode.seconds"], $figures["$mode.microsecondsPerNetwork"], $figures["$mode.allFinite"], $figures["$mode.maxScore"]
}

@(
    '## Region counts of fully connected networks'
    ''
    ('{0:N0} random width lists (depth 1 to 100, each width 1 to 4096, input dimension {1}), scored in one batch on {2} cores.' -f $figures.count, $figures.inputDimension, $figures.cores)
    ''
    '| mode | seconds | µs per network | all finite | largest score (log10) |'
    '|---|---|---|---|---|'
    $rows
)

# Serra et al.'s recursion near its work limit, as docs/method.md describes it: 7,000 hidden layers of 4,096 units.
$deep = [long[]]@(, 4096 * 7000)
$scripts = [ordered]@{
    SerraBound      = { $null = Get-TropicalScore -LayerWidths $deep -Mode SerraBound }
    BottleneckBound = { $null = Get-TropicalScore -LayerWidths $deep -Mode BottleneckBound }
}
$times = Measure-Interleaved -Scripts $scripts -Rounds 5
@(
    ''
    ('Near the work limit of Serra et al.''s recursion: one network of 7,000 hidden layers of 4,096 units at input dimension 3072, medians of 5 interleaved rounds after {0} warm-up rounds. SerraBound took {1:N2} s of process CPU time ({2:N2} s wall-clock), BottleneckBound {3:N3} s ({4:N3} s).' -f $times.WarmUpRounds, $times.SerraBound.Process, $times.SerraBound.Wall, $times.BottleneckBound.Process, $times.BottleneckBound.Wall)
)

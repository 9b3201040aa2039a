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

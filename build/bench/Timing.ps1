# Timing helpers shared by the benchmark sections: interleaved rounds after the JIT has settled, medians of wall-clock,
# pipeline-thread CPU and process CPU time.

# Warm-up ends when two rounds in a row leave the JIT compiler with at most this many methods to compile. pwsh runs as
# a dotnet tool without ReadyToRun code, so its background compilation kept a core busy for about 35 rounds here.
$settledMethods = 10
$maxWarmUpRounds = 80

# The runtime promotes a hot method only after it has run for a while and the compiler has been quiet for a moment, so
# quiet rounds alone can end the warm-up too early: NATS-Bench cell parsing stayed unoptimised for about a second.
$minWarmUpSeconds = 3

# CPU clocks with nanosecond resolution; Process.TotalProcessorTime counts in scheduler ticks of 10 ms on Linux.
if (-not ('CanopyBench.BenchClock' -as [type])) {
    Add-Type -TypeDefinition @'
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CanopyBench
{
    public static class BenchClock
    {
        private const int ProcessCpuClock = 2;
        private const int ThreadCpuClock = 3;

        // The CPU time of the calling thread, which runs the pipeline; it leaves out waits for other processes.
        public static double ThreadCpuSeconds() => Read(ThreadCpuClock, () => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

        // The CPU time of every thread of this process: the import's parsing thread and the garbage collector too.
        public static double ProcessCpuSeconds() => Read(ProcessCpuClock, () => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

        private static double Read(int clockId, System.Func<double> fallback)
        {
            if (!System.OperatingSystem.IsLinux())
            {
                return fallback();
            }

            long[] time = new long[2];
            if (clock_gettime(clockId, time) != 0) throw new System.InvalidOperationException("clock_gettime failed.");
            return time[0] + time[1] * 1e-9;
        }

        [DllImport("libc")]
        private static extern int clock_gettime(int clockId, [Out] long[] time);
    }
}
'@
}

function Measure-Operation {
    # Runs the script once after a full garbage collection, so that no run pays for the garbage of the one before.
    # Returns wall-clock seconds and the CPU seconds of the pipeline thread and of the whole process.
    param([Parameter(Mandatory)] [scriptblock] $Script)

    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    [GC]::Collect()
    $thread = [CanopyBench.BenchClock]::ThreadCpuSeconds()
    $process = [CanopyBench.BenchClock]::ProcessCpuSeconds()
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & $Script
    $watch.Stop()
    @{
        Wall    = $watch.Elapsed.TotalSeconds
        Thread  = [CanopyBench.BenchClock]::ThreadCpuSeconds() - $thread
        Process = [CanopyBench.BenchClock]::ProcessCpuSeconds() - $process
    }
}

function Get-Median {
    param([double[]] $Values)

    $sorted = [double[]]($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Invoke-Round {
    # Runs every script once, in an order rotated by the round number, so that no script always follows the same one.
    param([System.Collections.Specialized.OrderedDictionary] $Scripts, [int] $Round)

    $names = @($Scripts.Keys)
    $times = @{}
    for ($i = 0; $i -lt $names.Count; $i++) {
        $name = $names[($i + $Round) % $names.Count]
        $times[$name] = Measure-Operation $Scripts[$name]
    }
    return $times
}

function Measure-Interleaved {
    # Runs the scripts in turn, round after round, and returns the median wall-clock, thread CPU and process CPU
    # seconds of each, with the number of warm-up rounds. Interleaving exposes every script to the same load on a
    # shared machine. Warm-up lasts until the JIT compiler has settled, so that no measured run executes
    # unoptimised code or shares the cores with the compiler.
    param([Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Scripts, [int] $Rounds)

    $warmUp = 0
    $quietRounds = 0
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    while (($quietRounds -lt 2 -or $watch.Elapsed.TotalSeconds -lt $minWarmUpSeconds) -and $warmUp -lt $maxWarmUpRounds) {
        $compiledBefore = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        $null = Invoke-Round $Scripts $warmUp
        $warmUp++
        $quietRounds = if ([System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $compiledBefore -le $settledMethods) { $quietRounds + 1 } else { 0 }
    }

    $times = @{}
    foreach ($name in $Scripts.Keys) { $times[$name] = [Collections.Generic.List[hashtable]]::new() }
    for ($round = 0; $round -lt $Rounds; $round++) {
        $roundTimes = Invoke-Round $Scripts $round
        foreach ($name in $Scripts.Keys) { $times[$name].Add($roundTimes[$name]) }
    }

    $medians = @{ WarmUpRounds = $warmUp }
    foreach ($name in $Scripts.Keys) {
        $medians[$name] = @{}
        foreach ($measure in 'Wall', 'Thread', 'Process') {
            $medians[$name][$measure] = Get-Median @(foreach ($time in $times[$name]) { $time[$measure] })
        }
    }
    return $medians
}


using System;
using System.Diagnostics;
using System.Runtime;

namespace Canopy.Benchmarks;

/// <summary>
/// Warm-up rounds that last until the JIT compiler has settled, so that no measured run executes unoptimised code or
/// shares the cores with the compiler.
/// </summary>
/// <remarks>
/// The runtime promotes a hot method to optimised code only after it has run for a while and the compiler has been
/// quiet for a moment, so two quiet rounds are not enough on their own. NATS-Bench cell parsing, for example, still
/// ran unoptimised after 18 rounds of 15,625 cells, at about 800 ns a cell against 180 ns once optimised, and a
/// one-second minimum still ended the import benchmark's warm-up before it was optimised.
/// </remarks>
internal static class JitWarmUp
{
    // A round that compiles at most this many methods counts as quiet.
    private const int SettledMethods = 10;

    private const int MaxRounds = 200;

    private static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(3);

    /// <summary>Runs <paramref name="round"/> until two rounds in a row were quiet and three seconds have passed; returns the number of rounds.</summary>
    public static int Run(Action round, int minRounds = 2)
    {
        var watch = Stopwatch.StartNew();
        int rounds = 0;
        int quietRounds = 0;
        while ((quietRounds < 2 || rounds < minRounds || watch.Elapsed < MinDuration) && rounds < MaxRounds)
        {
            long compiledBefore = JitInfo.GetCompiledMethodCount();
            round();
            rounds++;
            quietRounds = JitInfo.GetCompiledMethodCount() - compiledBefore <= SettledMethods ? quietRounds + 1 : 0;
        }

        return rounds;
    }
}

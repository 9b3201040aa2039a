using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Canopy.Benchmarks;

/// <summary>
/// The CPU time of the calling thread, which leaves out the time other processes use the cores. On a shared
/// machine it compares two measurements of one run far more steadily than wall-clock time.
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Returns the thread's CPU seconds on Linux, and the process's elsewhere.</summary>
    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        }

        var time = new long[2];
        if (clock_gettime(ThreadCpuTimeClock, time) != 0)
        {
            throw new InvalidOperationException("clock_gettime failed.");
        }

        return time[0] + time[1] * 1e-9;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clockId, [Out] long[] time);
}

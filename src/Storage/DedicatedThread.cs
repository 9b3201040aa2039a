using System;
using System.Threading;
using System.Threading.Tasks;

namespace Canopy.Storage;

/// <summary>Starts and stops the threads that read and parse ahead of the calling thread.</summary>
internal static class DedicatedThread
{
    /// <summary>Runs <paramref name="work"/> on a thread of its own, which a busy thread pool cannot delay.</summary>
    public static Task Start(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Waits for a thread whose cancellation was requested. Neither that cancellation nor a later failure of the
    /// thread is thrown, because the caller already has the exception that matters.
    /// </summary>
    public static void WaitAfterStop(Task task)
    {
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
        }
    }
}

using System;
using System.Management.Automation;
using Canopy.Storage.Cache;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>
/// Tells the user that a cmdlet waits for another process's write lock on the cache, so that the wait does not
/// look like a hang.
/// </summary>
internal sealed class CacheLockWait
{
    private const int ActivityId = 2;

    private readonly Cmdlet _cmdlet;
    private readonly string _databasePath;
    private readonly System.Diagnostics.Stopwatch _waited = new();
    private TimeSpan _waitedBeforeStart;
    private bool _progressWritten;

    public CacheLockWait(Cmdlet cmdlet, string databasePath)
    {
        _cmdlet = cmdlet;
        _databasePath = databasePath;
    }

    /// <summary>Writes a verbose line and a progress record. The core calls it on the cmdlet thread when the wait starts.</summary>
    /// <param name="waitedSoFar">The time the first attempt to take the lock already took.</param>
    public void Start(TimeSpan waitedSoFar)
    {
        string status = $"Another process is writing {_databasePath}. Waiting up to {CacheConnection.BusyTimeoutSeconds} s for it to finish; press Ctrl+C to stop.";
        _cmdlet.WriteVerbose(status);
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Waiting for the benchmark cache", status));
        _progressWritten = true;
        _waitedBeforeStart = waitedSoFar;
        _waited.Start();
    }

    /// <summary>
    /// Removes the progress record, if the wait wrote one, and writes how long the wait took, since a summary's Elapsed
    /// includes it.
    /// </summary>
    /// <param name="acquired">Whether the lock was taken; false when the command failed or was stopped while waiting.</param>
    public void End(bool acquired)
    {
        if (!_progressWritten)
        {
            return;
        }

        double seconds = (_waitedBeforeStart + _waited.Elapsed).TotalSeconds;
        _cmdlet.WriteVerbose(acquired
            ? $"Took the write lock of {_databasePath} after waiting {seconds:F1} s."
            : $"Stopped waiting for the write lock of {_databasePath} after {seconds:F1} s.");
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Waiting for the benchmark cache", "Done") { RecordType = ProgressRecordType.Completed });
        _progressWritten = false;
    }
}

using System;
using System.Management.Automation;
using Canopy.Storage.Cache;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>
/// Tells the user that a cmdlet waits for another process's write lock on the cache, so that the wait does not
/// look like a hang, and how the wait ended, since a summary's Elapsed includes it.
/// </summary>
internal sealed class CacheLockWait : IWriteLockWait
{
    private const int ActivityId = 2;
    private const string Activity = "Waiting for the benchmark cache";

    private readonly Cmdlet _cmdlet;
    private readonly string _databasePath;
    private readonly System.Diagnostics.Stopwatch _sinceStart = new();
    private TimeSpan _waitedBeforeStart;
    private bool _progressWritten;

    public CacheLockWait(Cmdlet cmdlet, string databasePath)
    {
        _cmdlet = cmdlet;
        _databasePath = databasePath;
    }

    /// <summary>Writes a verbose line and a progress record. The core calls it on the cmdlet thread.</summary>
    public void Started(TimeSpan waited)
    {
        string status = $"Another process is writing {_databasePath}. Waiting up to {CacheConnection.BusyTimeoutSeconds} s for it to finish; press Ctrl+C to stop.";
        _cmdlet.WriteVerbose(status);
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, status));
        _progressWritten = true;
        _waitedBeforeStart = waited;
        _sinceStart.Start();
    }

    /// <summary>Writes how long the wait took and removes the progress record. The core calls it on the cmdlet thread.</summary>
    public void Acquired(TimeSpan waited)
    {
        if (_progressWritten)
        {
            Complete($"Took the write lock of {_databasePath} after waiting {waited.TotalSeconds:F1} s.");
        }
    }

    /// <summary>
    /// Ends a wait that did not take the lock, because the command failed or was stopped: writes how long it lasted and
    /// removes the progress record. Does nothing when no wait is open.
    /// </summary>
    public void Abandon()
    {
        if (_progressWritten)
        {
            double seconds = (_waitedBeforeStart + _sinceStart.Elapsed).TotalSeconds;
            Complete($"Stopped waiting for the write lock of {_databasePath} after {seconds:F1} s.");
        }
    }

    private void Complete(string message)
    {
        _cmdlet.WriteVerbose(message);
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        _progressWritten = false;
    }
}

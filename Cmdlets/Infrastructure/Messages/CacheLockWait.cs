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
    private bool _progressWritten;

    public CacheLockWait(Cmdlet cmdlet, string databasePath)
    {
        _cmdlet = cmdlet;
        _databasePath = databasePath;
    }

    /// <summary>Writes a verbose line and a progress record; called on the cmdlet thread when the wait starts.</summary>
    public void Start()
    {
        string status = $"Another process is writing {_databasePath}. Waiting up to {CacheConnection.BusyTimeoutSeconds} s for it to finish; press Ctrl+C to stop.";
        _cmdlet.WriteVerbose(status);
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Waiting for the benchmark cache", status));
        _progressWritten = true;
        _waited.Start();
    }

    /// <summary>
    /// Removes the progress record, if the wait wrote one, and writes how long the wait took, since a summary's Elapsed
    /// includes it.
    /// </summary>
    public void End()
    {
        if (_progressWritten)
        {
            _cmdlet.WriteVerbose($"Stopped waiting for the write lock of {_databasePath} after {_waited.Elapsed.TotalSeconds:F1} s.");
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Waiting for the benchmark cache", "Done") { RecordType = ProgressRecordType.Completed });
            _progressWritten = false;
        }
    }
}

namespace Canopy.Storage.Import;

/// <summary>
/// How far an import has read, reported every few thousand rows. The last report has <see cref="Committing"/> set:
/// every row is read, and the commit and the checkpoint that follow may take seconds for a large file.
/// </summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, long RowsRead, bool Committing = false);

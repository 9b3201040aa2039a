namespace Canopy.Storage;

/// <summary>How far an import has read, reported every few thousand rows.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, long RowsRead);

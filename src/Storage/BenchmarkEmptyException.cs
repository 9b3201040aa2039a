using System;
using System.Globalization;

namespace Canopy.Storage;

/// <summary>
/// An import that would store no rows: the file has no records, or every record was rejected. The import creates or
/// replaces no benchmark, so an earlier benchmark of the same name stays as it was.
/// </summary>
public sealed class BenchmarkEmptyException : Exception
{
    private BenchmarkEmptyException(string path, long rowsRejected, RowRejection? firstRejection, string message)
        : base(message)
    {
        Path = path;
        RowsRejected = rowsRejected;
        FirstRejection = firstRejection;
    }

    public string Path { get; }

    /// <summary>How many records were rejected before the import ended or stopped.</summary>
    public long RowsRejected { get; }

    /// <summary>The first rejected record, or null when the file has none.</summary>
    public RowRejection? FirstRejection { get; }

    internal static BenchmarkEmptyException NoRecords(string path) =>
        new(path, 0, null, $"{path} has a header but no records, so nothing was imported and the cache is unchanged.");

    internal static BenchmarkEmptyException AllRejected(string path, long rowsRejected, RowRejection first) =>
        new(path, rowsRejected, first, rowsRejected == 1
            ? string.Create(CultureInfo.InvariantCulture, $"The only record of {path} was rejected, so nothing was imported and the cache is unchanged. It was line {first.LineNumber}: {Sentence(first.Reason)}")
            : string.Create(CultureInfo.InvariantCulture, $"All {rowsRejected:N0} records of {path} were rejected, so nothing was imported and the cache is unchanged. The first was line {first.LineNumber}: {Sentence(first.Reason)}"));

    internal static BenchmarkEmptyException Stopped(string path, long rowsRejected, RowRejection first) =>
        new(path, rowsRejected, first, string.Create(CultureInfo.InvariantCulture,
            $"The first {rowsRejected:N0} records of {path} were all rejected, so the import stopped and the cache is unchanged. The first was line {first.LineNumber}: {Sentence(first.Reason)} Check that -ArchitectureProperty and -SearchSpace fit the file."));

    // Some reasons quote a parser message that ends with a full stop.
    private static string Sentence(string reason) => reason.TrimEnd('.') + ".";
}

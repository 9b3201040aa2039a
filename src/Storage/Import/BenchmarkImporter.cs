using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Canopy.Architectures;
using Canopy.Storage.Cache;
using Canopy.Storage.Input;
using Microsoft.Data.Sqlite;

namespace Canopy.Storage.Import;

/// <summary>
/// Streams one benchmark file into the cache inside a single transaction, so a failed or cancelled import leaves
/// the earlier content of the cache, including an older benchmark of the same name, as it was.
/// </summary>
internal sealed class BenchmarkImporter
{
    private readonly string _databasePath;
    private readonly IArchitectureCanonicalizer _canonicalizer;
    private readonly ImportCallbacks _callbacks;

    public BenchmarkImporter(string databasePath, IArchitectureCanonicalizer canonicalizer, ImportCallbacks callbacks)
    {
        _databasePath = databasePath;
        _canonicalizer = canonicalizer;
        _callbacks = callbacks;
    }

    public ImportSummary Import(BenchmarkImportOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        string name = ResolveName(options);

        using IRecordSource source = BenchmarkFile.Open(options.Path, options.Encoding);
        int architectureColumn = ReadFirstRecord(source, options);

        // The reading thread may add columns as it goes (JSON records), so the table starts with those known now.
        string[] columns = source.Columns.ToArray();
        string format = source.Format;

        // Reading and parsing start first, so they overlap opening the cache and removing an older benchmark.
        WidthsColumnParser? widths = CreateWidthsParser(columns[architectureColumn], options);
        WidthsFallback? fallback = CreateWidthsFallback(widths, options);
        var parser = new RowParser(architectureColumn, options.SearchSpace, _canonicalizer, widths, options.DecimalComma, fallback);
        using RowPipeline pipeline = RowPipeline.Start(new RowReader(source), parser, cancellationToken);

        using SqliteConnection connection = CacheConnection.OpenForWrite(_databasePath);
        using SqliteTransaction transaction = CacheConnection.BeginWrite(connection, _databasePath, cancellationToken, _callbacks.LockWait);

        bool replaced = RemoveExisting(connection, transaction, name, options.Replace);
        long id = InsertBenchmark(connection, transaction, name, options.Path, format, architectureColumn);
        var table = new BenchmarkTable(id, columns.Length, architectureColumn);
        CacheConnection.Execute(connection, table.CreateSql(), transaction);
        InsertColumns(connection, transaction, id, columns, 0, columns.Length);

        using var writer = new RowWriter(connection, transaction, table, options.Path, _callbacks.Rejected);
        WriteRows(pipeline, writer, source.TotalBytes, cancellationToken);

        // Leaving without a commit rolls back, so the earlier content, including a benchmark of this name, stays.
        // The rejections held back until a row is accepted are not reported one by one, because the one error
        // quotes the first of them, as when the first 1,000 rows are rejected.
        if (writer.RowsStored == 0)
        {
            throw BenchmarkEmptyException.AllRejected(options.Path, writer.RowsRejected, writer.Rejections[0]);
        }

        // TODO: the reading, parsing and writing threads together need more CPU time than Import-Csv of the same file,
        // and after the last row the commit and the WAL checkpoint at close, mostly two fsyncs, run on this thread
        // alone. So on a busy machine an import can cost more than Import-Csv. Skipping the fsyncs would leave a cache
        // that a power cut can corrupt. The architecture index is left to the first lookup, so that an import stores
        // rows only.
        _callbacks.Progress?.Report(new ImportProgress(source.BytesRead, source.TotalBytes, writer.RowsRead, Committing: true));
        FinishBenchmark(connection, transaction, id, writer.RowsStored, writer.SearchSpaces);

        // The reading thread has finished, because the pipeline delivered its last batch, so the source's warnings
        // are complete.
        string[] warnings = Warnings(source, architectureColumn, options, widths, fallback);
        Commit(transaction, warnings, cancellationToken);

        return new ImportSummary
        {
            Name = name,
            RowsStored = writer.RowsStored,
            RowsRejected = writer.RowsRejected,
            Rejections = writer.Rejections,
            Database = _databasePath,
            Elapsed = stopwatch.Elapsed,
            Source = options.Path,
            Format = format,
            ArchitectureColumn = columns[architectureColumn],
            Replaced = replaced,
            Warnings = warnings,
        };
    }

    private static string ResolveName(BenchmarkImportOptions options)
    {
        string name = options.Name ?? BenchmarkFile.DefaultName(options.Path);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The benchmark name '{name}' is blank. Give a name that contains a visible character.", nameof(BenchmarkImportOptions.Name));
        }

        return name;
    }

    // Reads the first record and returns the architecture column's position. The column is checked before the
    // record, so a file whose header lacks that column reports it as missing even when no record follows.
    private static int ReadFirstRecord(IRecordSource source, BenchmarkImportOptions options)
    {
        bool hasRecord = source.Read();
        int architectureColumn = FindArchitectureColumn(source, options);
        if (!hasRecord)
        {
            throw BenchmarkEmptyException.NoRecords(options.Path);
        }

        return architectureColumn;
    }

    // With the Mlp search space, a sweep's own widths column, such as hidden, is read as a LayerWidths column.
    private static WidthsColumnParser? CreateWidthsParser(string architectureColumn, BenchmarkImportOptions options) =>
        MlpFields.IsWidthsName(architectureColumn) || options.SearchSpace == SearchSpace.Mlp
            ? new WidthsColumnParser(architectureColumn, options.SearchSpace, options.InputDimension)
            : null;

    // A sweep that mixes architecture strings and MLP widths leaves the architecture column empty on its MLP rows, which
    // are then read from a LayerWidths or Widths column, as Get-TropicalScore reads such records. A column named with
    // -ArchitectureProperty is read alone.
    private static WidthsFallback? CreateWidthsFallback(WidthsColumnParser? widths, BenchmarkImportOptions options) =>
        widths is null && options.ArchitectureColumn is null ? new WidthsFallback(options.SearchSpace, options.InputDimension) : null;

    // A caller that stops on a warning throws from the callback, and the transaction rolls back.
    private void Commit(SqliteTransaction transaction, string[] warnings, CancellationToken cancellationToken)
    {
        foreach (string warning in warnings)
        {
            _callbacks.Warned?.Invoke(warning);
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
    }

    // The architecture column stores canonical strings, never JSON text: a nested value there rejects its row, unless
    // the column contains MLP widths, where a JSON array is read as the widths.
    private static string[] Warnings(
        IRecordSource source, int architectureColumn, BenchmarkImportOptions options, WidthsColumnParser? widths, WidthsFallback? fallback)
    {
        var warnings = new List<string>(source.Warnings);
        bool decimalComma = options.DecimalComma;
        WidthsColumnParser? fallbackWidths = fallback?.Parser;
        if (options.InputDimension is { } inputDimension && widths is null && fallbackWidths is not { ParsedRows: > 0 })
        {
            warnings.Add($"-InputDimension {inputDimension} applies to a column of MLP widths, and the column '{source.Columns[architectureColumn]}' " +
                "holds architecture strings, so it was not used. Give -SearchSpace Mlp to read that column as widths.");
        }

        if ((widths ?? fallbackWidths) is { DefaultedRows: > 0 } defaulted)
        {
            string? similar = MlpFields.FindInputDimensionLikeName(source.Columns, defaulted.ColumnName);
            warnings.Add(MlpFields.DescribeDefaultInputDimension(defaulted.DefaultedRows, "MLP row", similar, "column"));
        }

        // MLP widths such as "64,128" look like a decimal comma, but the architecture column is stored as canonical strings.
        // A widths column read for empty architecture fields contains widths in every row, not comma numbers.
        int[] widthsColumns = fallback is { Column: >= 0 } ? new[] { architectureColumn, fallback.Column } : new[] { architectureColumn };
        if (!decimalComma && source.CommaNumberWarning(widthsColumns) is { } commaNumbers)
        {
            warnings.Add(commaNumbers);
        }

        string[] nested = source.NestedValueColumns.Where(column => !widthsColumns.Contains(column)).Order().Select(column => $"'{source.Columns[column]}'").ToArray();
        if (nested.Length > 0)
        {
            warnings.Add($"Some values of {(nested.Length == 1 ? "column" : "columns")} {string.Join(", ", nested)} are JSON objects or arrays, so they are stored as their JSON text. Flatten them before the import to store their parts as columns of their own.");
        }

        return warnings.ToArray();
    }

    private void WriteRows(RowPipeline pipeline, RowWriter writer, long totalBytes, CancellationToken cancellationToken)
    {
        foreach (RowBatch batch in pipeline.Batches())
        {
            foreach (ParsedRow row in batch.Rows)
            {
                writer.Write(row, batch.Columns);
            }

            _callbacks.Progress?.Report(new ImportProgress(batch.BytesRead, totalBytes, writer.RowsRead));
            cancellationToken.ThrowIfCancellationRequested();
        }

        writer.Flush();
    }

    private static int FindArchitectureColumn(IRecordSource source, BenchmarkImportOptions options)
    {
        if (source.Columns.Count == 0)
        {
            throw new BenchmarkFileException(options.Path, 1, "The file contains no records, so there is nothing to import.");
        }

        if (source.Columns.Count > BenchmarkTable.MaxColumns)
        {
            throw new BenchmarkFileException(options.Path, 1, $"The file has {source.Columns.Count} columns, but the cache stores at most {BenchmarkTable.MaxColumns}.");
        }

        int position = ArchitectureColumns.FindArchitecture(source.Columns, options.ArchitectureColumn);
        if (position < 0)
        {
            throw new ArchitectureColumnNotFoundException(options.Path, ArchitectureColumns.DescribeMissing(source.Columns, options.ArchitectureColumn));
        }

        return position;
    }

    private bool RemoveExisting(SqliteConnection connection, SqliteTransaction transaction, string name, bool replace)
    {
        if (BenchmarkStore.FindId(connection, transaction, name) is not long id)
        {
            return false;
        }

        if (!replace)
        {
            throw new BenchmarkExistsException(name, _databasePath);
        }

        BenchmarkStore.Delete(connection, transaction, id);
        return true;
    }

    private static long InsertBenchmark(SqliteConnection connection, SqliteTransaction transaction, string name, string path, string format, int architectureColumn)
    {
        using SqliteCommand insert = CacheConnection.Command(connection, transaction, """
            INSERT INTO benchmarks (name, source, format, imported_at, row_count, architecture_column, search_spaces)
            VALUES ($name, $source, $format, $importedAt, 0, $architectureColumn, '')
            RETURNING id;
            """);
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$source", path);
        insert.Parameters.AddWithValue("$format", format);
        insert.Parameters.AddWithValue("$importedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$architectureColumn", architectureColumn);
        return (long)insert.ExecuteScalar()!;
    }

    internal static void InsertColumns(SqliteConnection connection, SqliteTransaction transaction, long id, IReadOnlyList<string> columns, int firstPosition, int endPosition)
    {
        using SqliteCommand insert = CacheConnection.Command(connection, transaction, "INSERT INTO benchmark_columns (benchmark_id, position, name) VALUES ($id, $position, $name);");
        SqliteParameter position = insert.Parameters.Add("$position", SqliteType.Integer);
        SqliteParameter name = insert.Parameters.Add("$name", SqliteType.Text);
        insert.Parameters.AddWithValue("$id", id);
        for (int i = firstPosition; i < endPosition; i++)
        {
            position.Value = i;
            name.Value = columns[i];
            insert.ExecuteNonQuery();
        }
    }

    private static void FinishBenchmark(SqliteConnection connection, SqliteTransaction transaction, long id, long rows, IEnumerable<SearchSpace> searchSpaces)
    {
        using SqliteCommand update = CacheConnection.Command(connection, transaction, "UPDATE benchmarks SET row_count = $rows, search_spaces = $spaces WHERE id = $id;");
        update.Parameters.AddWithValue("$rows", rows);
        update.Parameters.AddWithValue("$spaces", string.Join(",", searchSpaces.Order()));
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
    }
}

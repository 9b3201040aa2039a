using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using OxyPlot;

namespace Canopy.Plotting;

/// <summary>Writes plot models as SVG with OxyPlot's exporter, which needs no native libraries.</summary>
public static partial class SvgPlotWriter
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => new byte[] { 0xEF, 0xBB, 0xBF };

    /// <summary>Renders <paramref name="model"/> into <paramref name="stream"/> at the given size in pixels.</summary>
    /// <exception cref="InvalidOperationException">OxyPlot failed to lay out or render the model.</exception>
    /// <exception cref="PlotRangeException">A coordinate of the drawing is not a finite number.</exception>
    public static void Export(PlotModel model, Stream stream, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);

        // The workaround places text by its measured height instead of dominant-baseline, which converters such as
        // librsvg ignore, so plots keep their layout when turned into PDF or PNG for a paper.
        var measurer = new PixelTextMeasurer(width, height);
        var exporter = new SvgExporter
        {
            Width = width,
            Height = height,
            TextMeasurer = measurer,
            UseVerticalTextAlignmentWorkaround = true,
        };

        // A first drawing measures the room for each title, so that a long one is drawn smaller rather than cut. The
        // plot is drawn again only when a title shrank, because a large scatter plot takes long to draw.
        using var firstDrawing = new MemoryStream();
        exporter.Export(model, firstDrawing);
        using var secondDrawing = new MemoryStream();
        MemoryStream drawing = firstDrawing;
        if (PlotTextFit.Shrink(model, measurer))
        {
            exporter.Export(model, secondDrawing);
            drawing = secondDrawing;
        }

        // OxyPlot writes a UTF-8 byte-order mark, which XML allows but some strict SVG tools reject.
        ReadOnlySpan<byte> bytes = drawing.GetBuffer().AsSpan(0, (int)drawing.Length);
        if (bytes.StartsWith(Utf8ByteOrderMark))
        {
            bytes = bytes[Utf8ByteOrderMark.Length..];
        }

        // The range checks before drawing catch the known cases; this catches the rest, as no SVG may hold Infinity.
        if (NonFiniteCoordinate().IsMatch(Encoding.UTF8.GetString(bytes)))
        {
            throw new PlotRangeException(
                "The values are too large or too close together for double-precision coordinates, so the drawing held a coordinate that is not a finite number. Scale them by a power of ten before plotting.");
        }

        stream.Write(bytes);

        // OxyPlot catches its own layout errors and draws the message into the image instead of throwing.
        if (model.GetLastPlotException() is { } failure)
        {
            throw new InvalidOperationException($"OxyPlot could not render the plot: {failure.Message}", failure);
        }
    }

    /// <summary>
    /// Writes the SVG to a temporary file beside <paramref name="path"/> and then moves it over the target, so a
    /// failure leaves either the old file or none, never a half-written one.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The folder does not allow creating or replacing files.</exception>
    /// <exception cref="IOException">Writing or moving the file failed; the message names the target path.</exception>
    public static FileInfo WriteFile(PlotModel model, string path, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"The path '{path}' names a root, not a file.", nameof(path));
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Export(model, stream, width, height);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            DeleteIfPresent(temporary);

            // The temporary name is an internal detail, so the message names the file the caller asked for.
            if (exception is UnauthorizedAccessException)
            {
                throw new UnauthorizedAccessException(
                    $"Access to '{fullPath}' was denied. Writing the plot needs permission to create and replace files in the folder '{directory}'.", exception);
            }

            throw new IOException($"Writing '{fullPath}' failed: {exception.Message.Replace(temporary, fullPath, StringComparison.Ordinal)}", exception);
        }
        catch
        {
            DeleteIfPresent(temporary);
            throw;
        }

        return new FileInfo(fullPath);
    }

    // An attribute value such as cx="Infinity", y="-Infinity" or points="60.7,NaN 61.2,NaN".
    [GeneratedRegex("=\"[^\"]*(?<![A-Za-z])(?:-?Infinity|NaN)(?![A-Za-z])[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex NonFiniteCoordinate();

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

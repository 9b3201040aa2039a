using System;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Canopy.Plotting;

/// <summary>
/// Fits the text of a plot to the room that a first layout showed. Titles, axis titles and legend titles that are too
/// long are drawn smaller instead of being cut at both ends. Legend entries share one font size, so a long one is
/// shortened instead.
/// </summary>
internal static class PlotTextFit
{
    /// <summary>The smallest font size, in pixels, that text is shrunk to. Text that does not fit at this size is shortened.</summary>
    public const double MinimumFontSize = 9;

    // OxyPlot adds up a legend's widths in another order than the room is computed here, so text that OxyPlot made room
    // for can measure a few units in the last place wider than the room.
    private const double RoundingSlack = 1e-6;

    /// <summary>Shrinks or shortens every text of a laid-out model that does not fit, and returns whether any text changed.</summary>
    public static bool Shrink(PlotModel model, PixelTextMeasurer measurer)
    {
        string font = model.TitleFont ?? model.DefaultFont;
        double titleRoom = model.TitleArea.Width * model.TitleClippingLength;
        bool changed = Fit(
            measurer, model.Title, font, model.TitleFontSize, model.TitleFontWeight, titleRoom, size => model.TitleFontSize = size, text => model.Title = text);
        changed |= Fit(
            measurer, model.Subtitle, font, model.SubtitleFontSize, model.SubtitleFontWeight, titleRoom, size => model.SubtitleFontSize = size, text => model.Subtitle = text);

        foreach (Axis axis in model.Axes)
        {
            // ScreenMin and ScreenMax are opposite corners of the plot area, so only one coordinate is the axis length.
            double length = axis.IsVertical() ? Math.Abs(axis.ScreenMax.Y - axis.ScreenMin.Y) : Math.Abs(axis.ScreenMax.X - axis.ScreenMin.X);
            string axisFont = axis.TitleFont ?? axis.Font ?? model.DefaultFont;
            double size = FirstSize(axis.TitleFontSize, axis.FontSize, model.DefaultFontSize);
            changed |= Fit(
                measurer,
                axis.ActualTitle,
                axisFont,
                size,
                axis.TitleFontWeight,
                length * axis.TitleClippingLength,
                fitted => axis.TitleFontSize = fitted,
                text => (axis.Title, axis.Unit) = (text, null));
        }

        foreach (LegendBase legend in model.Legends)
        {
            // OxyPlot 2.2 draws each entry on one line and clips it at the right edge of the legend box, which was
            // narrower than the widest entry in rendered modes plots, or lies beyond the image.
            double textStart = legend.LegendArea.Left + legend.LegendPadding + legend.LegendSymbolLength + legend.LegendSymbolMargin;
            double entryRoom = Math.Min(model.PlotBounds.Right, legend.LegendArea.Right) - legend.LegendPadding - textStart;
            changed |= ShortenEntries(model, measurer, legend, entryRoom);

            // OxyPlot 2.2 sizes a legend by its entries, so a longer title starts at the legend's left edge and runs
            // on past it, up to the right edge of the image.
            double room = model.PlotBounds.Right - legend.LegendArea.Left - (2 * legend.LegendPadding);
            changed |= Fit(
                measurer,
                legend.LegendTitle,
                legend.LegendTitleFont ?? model.DefaultFont,
                legend.LegendTitleFontSize,
                legend.LegendTitleFontWeight,
                room,
                size => legend.LegendTitleFontSize = size,
                text => legend.LegendTitle = text);
        }

        return changed;
    }

    // An axis leaves its font sizes unset (NaN) to inherit them from the model.
    private static double FirstSize(params double[] sizes) => Array.Find(sizes, size => !double.IsNaN(size));

    private static bool Fit(
        PixelTextMeasurer measurer, string? text, string font, double size, double weight, double room, Action<double> setSize, Action<string> setText)
    {
        if (string.IsNullOrEmpty(text) || room <= 0)
        {
            return false;
        }

        double width = measurer.MeasureText(text, font, size, weight).Width;
        if (width <= room + RoundingSlack)
        {
            return false;
        }

        double fitted = Math.Max(MinimumFontSize, Math.Floor(size * room / width));
        setSize(fitted);

        // Text too long even at the smallest size ends in "...", which shows that it goes on, instead of being cut at
        // both ends. The PDF metrics OxyPlot measures with give the single ellipsis character no width.
        if (measurer.MeasureText(text, font, fitted, weight).Width > room)
        {
            setText(Shorten(measurer, text, font, fitted, weight, room));
        }

        return true;
    }

    private static bool ShortenEntries(PlotModel model, PixelTextMeasurer measurer, LegendBase legend, double room)
    {
        bool changed = false;
        string font = legend.LegendFont ?? model.DefaultFont;
        foreach (Series series in model.Series)
        {
            if (series.RenderInLegend && !string.IsNullOrEmpty(series.Title) &&
                measurer.MeasureText(series.Title, font, legend.LegendFontSize, legend.LegendFontWeight).Width > room + RoundingSlack)
            {
                series.Title = Shorten(measurer, series.Title, font, legend.LegendFontSize, legend.LegendFontWeight, room);
                changed = true;
            }
        }

        return changed;
    }

    private static string Shorten(PixelTextMeasurer measurer, string text, string font, double size, double weight, double room)
    {
        for (int length = text.Length - 1; length > 0; length--)
        {
            string shortened = text[..length].TrimEnd() + "...";
            if (measurer.MeasureText(shortened, font, size, weight).Width <= room)
            {
                return shortened;
            }
        }

        return "...";
    }
}

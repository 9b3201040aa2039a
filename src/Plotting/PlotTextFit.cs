using System;
using OxyPlot;
using OxyPlot.Axes;

namespace Canopy.Plotting;

/// <summary>
/// Shrinks the title, subtitle and axis titles that a first layout showed to be longer than the room OxyPlot keeps
/// for them, so that small images and long property names are drawn smaller instead of being cut at both ends.
/// </summary>
internal static class PlotTextFit
{
    /// <summary>The smallest font size, in pixels, that text is shrunk to. Text that does not fit at this size is clipped.</summary>
    public const double MinimumFontSize = 9;

    /// <summary>Shrinks every text of a laid-out model that does not fit, and returns whether any size changed.</summary>
    public static bool Shrink(PlotModel model, PixelTextMeasurer measurer)
    {
        string font = model.TitleFont ?? model.DefaultFont;
        double titleRoom = model.TitleArea.Width * model.TitleClippingLength;
        bool changed = Fit(measurer, model.Title, font, model.TitleFontSize, model.TitleFontWeight, titleRoom, size => model.TitleFontSize = size);
        changed |= Fit(measurer, model.Subtitle, font, model.SubtitleFontSize, model.SubtitleFontWeight, titleRoom, size => model.SubtitleFontSize = size);

        foreach (Axis axis in model.Axes)
        {
            double length = Math.Abs(axis.ScreenMax.X - axis.ScreenMin.X) + Math.Abs(axis.ScreenMax.Y - axis.ScreenMin.Y);
            string axisFont = axis.TitleFont ?? axis.Font ?? model.DefaultFont;
            double size = FirstSize(axis.TitleFontSize, axis.FontSize, model.DefaultFontSize);
            changed |= Fit(measurer, axis.ActualTitle, axisFont, size, axis.TitleFontWeight, length * axis.TitleClippingLength, fitted => axis.TitleFontSize = fitted);
        }

        return changed;
    }

    // An axis leaves its font sizes unset (NaN) to inherit them from the model.
    private static double FirstSize(params double[] sizes) => Array.Find(sizes, size => !double.IsNaN(size));

    private static bool Fit(PixelTextMeasurer measurer, string? text, string font, double size, double weight, double room, Action<double> setSize)
    {
        if (string.IsNullOrEmpty(text) || room <= 0)
        {
            return false;
        }

        double width = measurer.MeasureText(text, font, size, weight).Width;
        if (width <= room)
        {
            return false;
        }

        setSize(Math.Max(MinimumFontSize, Math.Floor(size * room / width)));
        return true;
    }
}

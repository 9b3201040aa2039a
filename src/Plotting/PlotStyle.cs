using System;
using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace Canopy.Plotting;

/// <summary>
/// The look shared by every Canopy plot: fonts readable at 800×600, invariant-culture numbers, and series styles
/// that stay distinguishable in greyscale because lightness, dash pattern and marker all change together.
/// </summary>
internal static class PlotStyle
{
    /// <summary>The font list written into the SVG. Liberation Sans has Arial's metrics and replaces it on Linux.</summary>
    public const string FontFamily = "Arial, Helvetica, 'Liberation Sans', sans-serif";

    public const double TextSize = 14;
    public const double TitleSize = 18;

    /// <summary>
    /// The free space in pixels between the title of a left axis and its widest tick label. Other axes pass it to
    /// OxyPlot as their AxisTitleDistance.
    /// </summary>
    public const double AxisTitleGap = 8;

    // OxyPlot 2.2 subtracts the model's AxisTierDistance from the room it lays out for an axis when it places the
    // axis title, so the title of a left axis sits that much closer to the labels than AxisTitleDistance sets.
    private const double AxisTierDistance = 4;

    // The descender of Liberation Sans and Arial is 0.212 em. With the vertical text alignment workaround, the SVG
    // exporter puts the baseline of a left axis title on the edge of its measured box. The descenders of letters
    // such as g, p and ( therefore reach this far past the box towards the tick labels.
    private const double DescentPerEm = 0.212;

    // The smallest spacing in pixels between the ticks of a horizontal numeric axis: the width of a label such as
    // 1,200,000 at TextSize plus a gap.
    private const double HorizontalTickSpacing = 90;

    // Viridis sampled at t = 0, 0.1, …, 0.8. Its lightness rises monotonically, so greyscale keeps the order.
    // Beyond 0.8 the yellow is too light against a white background.
    private static readonly OxyColor[] Viridis =
    {
        OxyColor.Parse("#440154"), OxyColor.Parse("#482878"), OxyColor.Parse("#3E4A89"),
        OxyColor.Parse("#31688E"), OxyColor.Parse("#26828E"), OxyColor.Parse("#1F9E89"),
        OxyColor.Parse("#35B779"), OxyColor.Parse("#6DCD59"), OxyColor.Parse("#B4DE2C"),
    };

    private static readonly LineStyle[] LineStyles =
    {
        LineStyle.Solid, LineStyle.Dash, LineStyle.Dot, LineStyle.DashDot,
        LineStyle.LongDash, LineStyle.DashDashDot, LineStyle.LongDashDot, LineStyle.DashDotDot,
    };

    private static readonly MarkerType[] Markers =
    {
        MarkerType.Circle, MarkerType.Square, MarkerType.Triangle, MarkerType.Diamond,
        MarkerType.Cross, MarkerType.Star, MarkerType.Plus,
    };

    /// <summary>
    /// Returns the colour of series <paramref name="index"/> of <paramref name="count"/>, spread from dark to light.
    /// Lines stop at a mid green (t = 0.6), because a thin line in the lighter greens fades into the white
    /// background. Outlined bars use the range up to t = 0.8.
    /// </summary>
    public static OxyColor SeriesColor(int index, int count, bool forLines = false)
    {
        if (count <= 1)
        {
            return Viridis[3];
        }

        int last = forLines ? 6 : Viridis.Length - 1;
        double position = (double)index / (count - 1) * last;
        int lower = Math.Min((int)Math.Floor(position), last - 1);
        return OxyColor.Interpolate(Viridis[lower], Viridis[lower + 1], position - lower);
    }

    public static LineStyle SeriesLineStyle(int index) => LineStyles[index % LineStyles.Length];

    public static MarkerType SeriesMarker(int index) => Markers[index % Markers.Length];

    /// <summary>Creates an empty model with a white background, the shared fonts and a legend below the plot area.</summary>
    public static PlotModel CreateModel(string title, string? subtitle)
    {
        var model = new PlotModel
        {
            Title = title,
            Subtitle = subtitle,
            Culture = CultureInfo.InvariantCulture,
            DefaultFont = FontFamily,
            DefaultFontSize = TextSize,
            TitleFontSize = TitleSize,
            SubtitleFontSize = TextSize,
            Background = OxyColors.White,
            PlotAreaBorderColor = OxyColors.Gray,
            Padding = new OxyThickness(12),
            AxisTierDistance = AxisTierDistance,
        };
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.BottomCenter,
            LegendOrientation = LegendOrientation.Horizontal,
            LegendFontSize = TextSize,
            LegendSymbolLength = 36,

            // Rows of entries flow at their own widths, so without a gap the text of one row touches a symbol below it.
            LegendLineSpacing = 4,
        });
        return model;
    }

    /// <summary>
    /// Styles an axis with the shared font size and light dotted gridlines. A numeric axis writes its labels in one
    /// notation, as <see cref="AxisNumberFormat"/> chooses it.
    /// </summary>
    public static T Configure<T>(T axis, AxisPosition position, string title)
        where T : Axis
    {
        // A category axis is a LinearAxis in OxyPlot, but its labels are the category names.
        if (axis is LinearAxis linear and not CategoryAxis)
        {
            AxisNumberFormat.Apply(linear);

            // OxyPlot spaces ticks about 60 pixels apart, which labels such as 1,200,000 or 1.5×10^8 overfill.
            if (position is AxisPosition.Bottom or AxisPosition.Top)
            {
                axis.IntervalLength = HorizontalTickSpacing;
            }
        }

        axis.Position = position;
        axis.Title = title;
        axis.FontSize = TextSize;
        axis.TitleFontSize = TextSize;
        axis.MajorGridlineStyle = LineStyle.Dot;
        axis.MajorGridlineColor = OxyColor.FromRgb(200, 200, 200);
        axis.AxisTitleDistance = position == AxisPosition.Left
            ? AxisTitleGap + AxisTierDistance + (DescentPerEm * TextSize)
            : AxisTitleGap;
        return axis;
    }

    /// <summary>Formats a coefficient to three decimals, or "undefined" when it is NaN.</summary>
    public static string FormatCoefficient(double value) =>
        double.IsNaN(value) ? "undefined" : value.ToString("0.000", CultureInfo.InvariantCulture);
}

using OxyPlot;

namespace Canopy.Plotting;

/// <summary>
/// Measures text for the SVG exporter in pixels. By default OxyPlot 2.2's SvgExporter measures with the PDF
/// context, which returns points (1/72 in), but SVG font sizes are pixels (1/96 in). Unscaled, every label is
/// laid out 25% too narrow, so legend entries overlap.
/// </summary>
internal sealed class PixelTextMeasurer : PdfRenderContext
{
    private const double PixelsPerPoint = 96.0 / 72.0;

    public PixelTextMeasurer(double width, double height)
        : base(width, height, OxyColors.White)
    {
    }

    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        OxySize size = base.MeasureText(text, fontFamily, fontSize, fontWeight);
        return new OxySize(size.Width * PixelsPerPoint, size.Height * PixelsPerPoint);
    }
}

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

    // The PDF context measures with Helvetica's metrics. A viewer without Arial, Helvetica or Liberation Sans draws
    // the text in its own sans-serif font, such as DejaVu Sans, which sets legend text about 11% wider, and OxyPlot
    // clips a legend entry at the width it measured. The margin leaves room for such a font.
    private const double FallbackFontMargin = 1.15;

    public PixelTextMeasurer(double width, double height)
        : base(width, height, OxyColors.White)
    {
    }

    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        OxySize size = base.MeasureText(text, fontFamily, fontSize, fontWeight);
        return new OxySize(size.Width * PixelsPerPoint * FallbackFontMargin, size.Height * PixelsPerPoint);
    }
}

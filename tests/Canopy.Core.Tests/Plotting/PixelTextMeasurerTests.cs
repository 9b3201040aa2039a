using System.Collections.Generic;
using System.Linq;
using Canopy.Plotting;
using OxyPlot;
using Xunit;

namespace Canopy.Tests.Plotting;

public class PixelTextMeasurerTests
{
    // Advance widths of DejaVu Sans 2.37 in font units (2,048 per em), read from the hmtx table of DejaVuSans.ttf.
    // Viewers without Arial, Helvetica or Liberation Sans draw plot text in this font on many Linux systems.
    private static readonly Dictionary<char, int> DejaVuSansAdvance = new()
    {
        [' '] = 651, ['('] = 799, [')'] = 799, ['2'] = 1303, ['E'] = 1294, ['R'] = 1423, ['a'] = 1255, ['d'] = 1300,
        ['e'] = 1260, ['g'] = 1300, ['i'] = 569, ['l'] = 569, ['m'] = 1995, ['n'] = 1298, ['o'] = 1253, ['r'] = 842,
        ['s'] = 1067, ['t'] = 803, ['u'] = 1298, ['v'] = 1212, ['z'] = 1075,
    };

    [Theory]
    [InlineData("Random (2 seeds)")]
    [InlineData("RegularizedEvolution (2 seeds)")]
    public void LegendTextHasRoomForDejaVuSans(string text)
    {
        var measurer = new PixelTextMeasurer(1, 1);
        double dejaVuWidth = text.Sum(character => DejaVuSansAdvance[character]) / 2048.0 * PlotStyle.TextSize;

        double measured = measurer.MeasureText(text, PlotStyle.FontFamily, PlotStyle.TextSize, FontWeights.Normal).Width;

        Assert.True(measured >= dejaVuWidth, $"measured {measured:F1} px, DejaVu Sans needs {dejaVuWidth:F1} px");
    }
}

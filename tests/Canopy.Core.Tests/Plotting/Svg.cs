using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Canopy.Plotting;
using OxyPlot;

namespace Canopy.Tests.Plotting;

/// <summary>Renders plot models and reads the SVG back as XML for assertions.</summary>
internal static class Svg
{
    public static readonly XNamespace Namespace = "http://www.w3.org/2000/svg";

    public static XDocument Render(PlotModel model, double width = 800, double height = 600)
    {
        using var stream = new MemoryStream();
        SvgPlotWriter.Export(model, stream, width, height);
        stream.Position = 0;
        return Parse(stream);
    }

    /// <summary>Parses SVG as XML; the DOCTYPE names an external DTD, which is skipped rather than fetched.</summary>
    public static XDocument Parse(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using XmlReader reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader);
    }

    public static List<string> Texts(XDocument svg) =>
        svg.Descendants(Namespace + "text").Select(text => text.Value).ToList();

    public static int Count(XDocument svg, string element) => svg.Descendants(Namespace + element).Count();
}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace DocGen.Tests.Docx;

/// <summary>A word of a rendered page with its box in mm from the top-left corner (pdftotext -bbox-layout).</summary>
internal sealed record PdfWord(int Page, string Text, double XMin, double YMin, double XMax, double YMax)
{
    public double YCentre => (YMin + YMax) / 2;
}

internal static class PdfWords
{
    private const double MmPerPt = 25.4 / 72;

    public static (int Pages, IReadOnlyList<PdfWord> Words) Read(string pdf)
    {
        string html = LibreOffice.PdfToText(pdf, "-bbox-layout");
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var doc = XDocument.Load(reader);
        var words = new List<PdfWord>();
        int page = 0;
        foreach (var p in doc.Descendants().Where(e => e.Name.LocalName == "page"))
        {
            page++;
            foreach (var w in p.Descendants().Where(e => e.Name.LocalName == "word"))
                words.Add(new PdfWord(page, w.Value, Mm(w, "xMin"), Mm(w, "yMin"), Mm(w, "xMax"), Mm(w, "yMax")));
        }
        return (page, words);
    }

    private static double Mm(XElement e, string name) =>
        double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture) * MmPerPt;
}

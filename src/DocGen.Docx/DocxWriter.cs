using System.Text;
using System.Xml;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// Writes a <see cref="M.Document"/> as an editable Word document laid out to GB/T 9704—2012: A4, 37/35/28/26 mm margins,
/// a 22 × 28 document grid, named styles for every paragraph and character style, page numbers "— N —" alternating
/// right/left. Output is deterministic (same document, same bytes) and the writer keeps no shared state, so any number
/// of documents can be written in parallel.
/// </summary>
public static class DocxWriter
{
    private const string Ct = "application/vnd.openxmlformats-officedocument.";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string Main = "word/document.xml";

    public static void Write(M.Document doc, Stream output)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);

        var package = new DocxPackage();
        WriteParts(doc, package);
        package.Save(output, doc.Info.Date);
    }

    private static void WriteParts(M.Document doc, DocxPackage package)
    {
        var geometry = new PageGeometry(doc.Styles);

        // Relationship ids and part names are fixed, as Word names them, so the output is the same on every run.
        package.Relate("", "rId1", Rel + "officeDocument", Main);
        package.Relate("", "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        package.Relate("", "rId3", Rel + "extended-properties", "docProps/app.xml");
        using (var core = new MemoryStream())
        {
            CoreProperties.Write(core, doc.Info);
            package.Add("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", core.ToArray());
        }
        package.Add("docProps/app.xml", Ct + "extended-properties+xml", AppProperties());

        void MainPart(string id, string kind, string name, byte[] root)
        {
            package.Relate(Main, id, Rel + kind, "word/" + name);
            package.Add("word/" + name, Ct + "wordprocessingml." + kind + "+xml", root);
        }
        MainPart("rId1", "styles", "styles.xml", WordStyles.Build(doc, geometry));
        MainPart("rId2", "settings", "settings.xml", WordSettings.Build(doc));
        MainPart("rId3", "fontTable", "fontTable.xml", FontTable.Build(doc.Styles));

        var number = doc.Styles.Page.PageNumber;
        var footers = new List<(string Type, string Id)>();
        if (number.OddEvenAlternate)
        {
            MainPart("rId4", "footer", "footer1.xml", PageNumberFooters.Build(number, StyleIds.PageNumberOdd, 1));
            MainPart("rId5", "footer", "footer2.xml", PageNumberFooters.Build(number, StyleIds.PageNumberEven, 2));
            footers.Add(("default", "rId4"));
            footers.Add(("even", "rId5"));
        }
        else
        {
            // Without alternation every page is numbered like an odd page (as in the PDF writer).
            MainPart("rId4", "footer", "footer1.xml", PageNumberFooters.Build(number, StyleIds.PageNumberOdd, 1));
            footers.Add(("default", "rId4"));
        }

        using var document = new MemoryStream();
        using (var xml = new WordXml(document))
        {
            xml.Start("document");
            // Declared once at the root rather than on every footer reference.
            xml.NamespaceDeclaration("r", WordXml.R);
            xml.NamespaceDeclaration("w", WordXml.W);
            xml.Start("body");
            new BodyWriter(doc, geometry, xml).Write();
            SectionProperties(xml, geometry, footers);
            xml.End();
            xml.End();
        }
        package.Add(Main, Ct + "wordprocessingml.document.main+xml", document.ToArray());
    }

    /// <summary>docProps/app.xml: the application that wrote the file, in the prefix the SDK gave its namespace.</summary>
    private static byte[] AppProperties()
    {
        const string Ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("ap", "Properties", Ns);
            xml.WriteElementString("ap", "Application", Ns, "DocGen");
            xml.WriteEndElement();
        }
        return output.ToArray();
    }

    /// <summary>w:sectPr: the footers, A4, the GB/T 9704 margins and the document grid.</summary>
    private static void SectionProperties(WordXml xml, PageGeometry geometry, List<(string Type, string Id)> footers)
    {
        xml.Start("sectPr");
        foreach (var (type, id) in footers)
        {
            xml.Start("footerReference");
            xml.Attribute("type", type);
            xml.RelationshipAttribute("id", id);
            xml.End();
        }
        xml.Start("pgSz");
        xml.Attribute("w", geometry.WidthTwips);
        xml.Attribute("h", geometry.HeightTwips);
        xml.End();
        xml.Start("pgMar");
        xml.Attribute("top", geometry.TopTwips);
        xml.Attribute("right", geometry.RightTwips);
        xml.Attribute("bottom", geometry.BottomTwips);
        xml.Attribute("left", geometry.LeftTwips);
        xml.Attribute("header", LayoutConstants.HeaderDistanceTwips);
        xml.Attribute("footer", geometry.FooterTwips);
        xml.Attribute("gutter", 0);
        xml.End();
        xml.Start("docGrid");
        xml.Attribute("type", "linesAndChars");
        xml.Attribute("linePitch", geometry.LinePitchTwips);
        xml.Attribute("charSpace", geometry.CharSpace);
        xml.End();
        xml.End();
    }
}

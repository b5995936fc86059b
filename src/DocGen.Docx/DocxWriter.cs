using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
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
        package.Add("docProps/app.xml", Ct + "extended-properties+xml", new DocumentFormat.OpenXml.ExtendedProperties.Properties(
            new DocumentFormat.OpenXml.ExtendedProperties.Application("DocGen")));

        void MainPart(string id, string kind, string name, OpenXmlPartRootElement root)
        {
            package.Relate(Main, id, Rel + kind, "word/" + name);
            package.Add("word/" + name, Ct + "wordprocessingml." + kind + "+xml", root);
        }
        MainPart("rId1", "styles", "styles.xml", WordStyles.Build(doc, geometry));
        MainPart("rId2", "settings", "settings.xml", WordSettings.Build(doc));
        MainPart("rId3", "fontTable", "fontTable.xml", FontTable.Build(doc.Styles));

        var number = doc.Styles.Page.PageNumber;
        var sectPr = new SectionProperties();
        if (number.OddEvenAlternate)
        {
            MainPart("rId4", "footer", "footer1.xml", PageNumberFooters.Build(number, StyleIds.PageNumberOdd, 1));
            MainPart("rId5", "footer", "footer2.xml", PageNumberFooters.Build(number, StyleIds.PageNumberEven, 2));
            sectPr.Append(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rId4" },
                new FooterReference { Type = HeaderFooterValues.Even, Id = "rId5" });
        }
        else
        {
            // Without alternation every page is numbered like an odd page (as in the PDF writer).
            MainPart("rId4", "footer", "footer1.xml", PageNumberFooters.Build(number, StyleIds.PageNumberOdd, 1));
            sectPr.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = "rId4" });
        }
        sectPr.Append(
            new PageSize { Width = (uint)geometry.WidthTwips, Height = (uint)geometry.HeightTwips },
            new PageMargin
            {
                Top = geometry.TopTwips,
                Bottom = geometry.BottomTwips,
                Left = (uint)geometry.LeftTwips,
                Right = (uint)geometry.RightTwips,
                Header = (uint)LayoutConstants.HeaderDistanceTwips,
                Footer = (uint)geometry.FooterTwips,
                Gutter = 0U,
            },
            new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = geometry.LinePitchTwips, CharacterSpace = geometry.CharSpace });

        var body = new Body();
        foreach (var element in new BodyWriter(doc, geometry).Write())
            body.Append(element);
        body.Append(sectPr);
        var document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        // Declared once at the root rather than on every footer reference.
        document.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        package.Add(Main, Ct + "wordprocessingml.document.main+xml", document);
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public static void Write(M.Document doc, Stream output)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);

        using var package = new MemoryStream();
        WritePackage(doc, package);
        DeterministicZip.Repack(package, output, doc.Info.Date);
    }

    private static void WritePackage(M.Document doc, Stream stream)
    {
        var geometry = new PageGeometry(doc.Styles);
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);

        // Relationship ids are given explicitly: the SDK's generated ids are random.
        var main = word.AddNewPart<MainDocumentPart>(MainContentType, "rId1");
        var core = word.AddNewPart<CoreFilePropertiesPart>("rId2");
        using (var coreStream = core.GetStream(FileMode.Create))
            CoreProperties.Write(coreStream, doc.Info);
        word.AddNewPart<ExtendedFilePropertiesPart>("rId3").Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
            new DocumentFormat.OpenXml.ExtendedProperties.Application("DocGen"));

        main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = WordStyles.Build(doc, geometry);
        main.AddNewPart<DocumentSettingsPart>("rId2").Settings = WordSettings.Build(doc);
        main.AddNewPart<FontTablePart>("rId3").Fonts = FontTable.Build(doc.Styles);

        var number = doc.Styles.Page.PageNumber;
        var sectPr = new SectionProperties();
        if (number.OddEvenAlternate)
        {
            main.AddNewPart<FooterPart>("rId4").Footer = PageNumberFooters.Build(number, StyleIds.PageNumberOdd, 1);
            main.AddNewPart<FooterPart>("rId5").Footer = PageNumberFooters.Build(number, StyleIds.PageNumberEven, 2);
            sectPr.Append(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rId4" },
                new FooterReference { Type = HeaderFooterValues.Even, Id = "rId5" });
        }
        else
        {
            // Without alternation every page is numbered like an odd page (as in the PDF writer).
            main.AddNewPart<FooterPart>("rId4").Footer = PageNumberFooters.Build(number, StyleIds.PageNumberOdd, 1);
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
        main.Document = document;
    }
}

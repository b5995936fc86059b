using DocGen.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;

namespace DocGen.Tests.Docx;

public class DocxValidityTests
{
    [Fact]
    public void Report_has_no_schema_errors()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    /// <summary>
    /// Every optional element of styles.xml, settings.xml and the footers, which the shipped style sheets do not all use: a bold
    /// paragraph style, a left indent, character styles that set bold on and off, no CJK–Latin space, the Windows font names
    /// and footers that do not alternate. The parts are written element by element, so the schema's order is what this checks.
    /// </summary>
    [Fact]
    public void Every_optional_style_property_is_written_in_the_schemas_order()
    {
        var edge = SampleDocuments.EdgeCases();
        var sheet = edge.Styles;
        var paragraphs = new Dictionary<string, ParagraphStyle>(sheet.Paragraphs)
        {
            ["body"] = sheet.Paragraphs["body"] with { Bold = true, LeftIndentChars = 2, KeepWithNext = true, PageBreakBefore = true },
        };
        var characters = new Dictionary<string, CharacterStyle>(sheet.Characters)
        {
            ["boldOn"] = new("boldOn", "加粗", "hei", Bold: true),
            ["boldOff"] = new("boldOff", "不加粗", null, Bold: false),
        };
        sheet = new DocGen.Docx.DocxOptions(DocGen.Docx.DocxFontNames.Windows).ApplyTo(
            sheet with { Paragraphs = paragraphs, Characters = characters, CjkLatinSpacingEm = 0 });
        using var word = DocxFiles.Open(DocxFiles.Write(edge with { Styles = sheet }));
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        string styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml;
        foreach (string expected in new[] { "<w:b w:val=\"true\" />", "<w:b w:val=\"false\" />", "w:leftChars=\"200\"", "<w:pageBreakBefore />", "<w:autoSpaceDE w:val=\"false\" />", "w:eastAsia=\"仿宋\"" })
            Assert.Contains(expected, styles, StringComparison.Ordinal);
    }

    [Fact]
    public void Edge_cases_have_no_schema_errors()
    {
        using var word = DocxFiles.Open(DocxFiles.Write(SampleDocuments.EdgeCases()));
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }
}

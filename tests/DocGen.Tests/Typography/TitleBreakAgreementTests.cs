using DocGen.Model;
using DocGen.Pdf;
using DocGen.Tests.Docx;
using DocGen.Tests.Pdf;
using DocGen.Tests.Support;
using DocGen.Typography;

namespace DocGen.Tests.Typography;

/// <summary>The DOCX and the PDF ask one title-break chooser (<see cref="TitleBreak"/>), so both break a title at the same character.</summary>
public class TitleBreakAgreementTests
{
    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Both_writers_break_each_examples_title_at_the_same_character(string example)
    {
        var build = Pipelines.Default.Build(Repo.Example(example));
        var doc = Assert.IsType<Document>(build.Document);
        var titleBlocks = doc.Blocks.Select((b, i) => (b, i))
            .Where(x => x.b is Paragraph p && doc.Styles.Paragraph(p.Style) is { Align: HAlign.Center, OutlineLevel: 0, SnapToGrid: false })
            .Select(x => x.i).ToHashSet();
        Assert.NotEmpty(titleBlocks);

        var layout = PdfFixture.Renderer.Layout(doc);
        var pdfTitles = layout.Pages.SelectMany(p => p.Lines).Where(l => l.Kind == LineKind.Paragraph && titleBlocks.Contains(l.BlockIndex))
            .GroupBy(l => l.BlockIndex).Select(g => string.Join("|", g.Select(l => l.Text))).ToList();

        using var docx = DocxFiles.Open(DocxFiles.Write(doc));
        var docxParagraphs = docx.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch
            {
                DocumentFormat.OpenXml.Wordprocessing.Text t => t.Text,
                DocumentFormat.OpenXml.Wordprocessing.Break => "|",
                _ => "",
            }))).ToList();
        foreach (var title in pdfTitles)
            Assert.Contains(title, docxParagraphs);
    }

    [Fact]
    public void The_chooser_prefers_a_break_after_the_year()
    {
        string title = "自治区人民政府办公厅2023年政府信息公开工作年度报告";
        var cps = title.EnumerateRunes().Select(r => r.Value).ToArray();
        var widths = TitleBreak.EstimatedAdvances(cps, 22, CjkLatinSpacing.DefaultEm);
        int? at = TitleBreak.BreakAfter(cps, widths, 442.2, 22);
        Assert.Equal("自治区人民政府办公厅2023年", title[..(at!.Value + 1)]);
    }
}

using DocGen.Model;
using DocGen.Pdf;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>The PDF's own settings ("pdf" in styles.json) reach the PDF writer through the style sheet without the model knowing them.</summary>
public class PdfOptionsTests
{
    [Fact]
    public void The_template_turns_hinting_off_and_a_sheet_without_a_pdf_section_keeps_it()
    {
        var styles = Pipelines.Default.Templates.Load("gov-info-annual-2021").Styles;
        Assert.False(PdfOptions.Of(styles).FontHinting);
        Assert.True(PdfOptions.Of(styles with { WriterSettings = new Dictionary<string, string>() }).FontHinting);
        Assert.True(PdfOptions.Of(new PdfOptions(FontHinting: true).ApplyTo(styles)).FontHinting);
    }

    [Fact]
    public void The_model_style_sheet_names_no_writer()
    {
        var writerSpecific = typeof(StyleSheet).GetProperties().Select(p => p.Name)
            .Where(n => n.StartsWith("Pdf", StringComparison.Ordinal) || n.StartsWith("Docx", StringComparison.Ordinal)).ToList();
        Assert.Empty(writerSpecific);
    }
}

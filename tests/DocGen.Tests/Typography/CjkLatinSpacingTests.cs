using DocGen.Model;
using DocGen.Pdf;
using DocGen.Tests.Docx;
using DocGen.Tests.Pdf;
using DocGen.Typography;

namespace DocGen.Tests.Typography;

/// <summary>The space between Chinese and Latin letters or digits, soft hyphens and combining marks, in both writers.</summary>
public class CjkLatinSpacingTests
{
    private static List<PlacedGlyph> Glyphs(StyleSheet styles, string text) =>
        PdfFixture.Renderer.Layout(new Document(PdfFixture.Info, styles, [PdfFixture.P("body", text)]))
            .Pages[0].Lines.Where(l => l.Kind == LineKind.Paragraph).SelectMany(l => l.Glyphs).ToList();

    /// <summary>Each character's origin in the line, in order.</summary>
    private static List<(string Ch, double X)> Origins(StyleSheet styles, string text) =>
        Glyphs(styles, text).SelectMany(g => g.Text.EnumerateRunes().Zip(g.CharacterOrigins(), (r, x) => (r.ToString(), x))).ToList();

    [Fact]
    public void The_pdf_puts_a_fifth_of_an_em_between_chinese_and_digits_as_libreoffice_does()
    {
        // 年 and 月 are 16 pt; with the space the digit starts 0.2 em (3.2 pt) after the end of 年, as LibreOffice sets it.
        var o = Origins(PdfFixture.Styles, "全年2023年1月。");
        double afterNian = o[1].X + 16, two = o[2].X;
        Assert.Equal(CjkLatinSpacing.DefaultEm * 16, two - afterNian, 0.3);
        double afterDigits = o[5].X + 8, nian = o[6].X;   // Liberation Serif digits are half an em
        Assert.Equal(CjkLatinSpacing.DefaultEm * 16, nian - afterDigits, 0.3);
    }

    [Fact]
    public void The_style_sheet_can_turn_the_space_off()
    {
        var off = PdfFixture.Styles with { CjkLatinSpacingEm = 0 };
        var o = Origins(off, "全年2023年1月。");
        Assert.True(o[2].X - (o[1].X + 16) < 1, $"a space of {o[2].X - o[1].X - 16:0.00} pt remains");
        // and the DOCX then asks Word not to add it either
        using var docx = DocxFiles.Open(DocxFiles.Write(new Document(PdfFixture.Info, off, [PdfFixture.P("body", "2023年")])));
        var defaults = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!;
        Assert.False(defaults.AutoSpaceDE!.Val!.Value);
        Assert.False(defaults.AutoSpaceDN!.Val!.Value);
    }

    [Fact]
    public void The_docx_states_words_automatic_spacing_explicitly()
    {
        using var docx = DocxFiles.Open(DocxFiles.Write(new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", "2023年")])));
        var defaults = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!;
        Assert.True(defaults.AutoSpaceDE!.Val!.Value);
        Assert.True(defaults.AutoSpaceDN!.Val!.Value);
    }

    [Fact]
    public void A_soft_hyphen_is_drawn_in_neither_writer()
    {
        string text = "政府\u00AD信息公开，Trans\u00ADparency。";
        string pdf = string.Concat(Glyphs(PdfFixture.Styles, text).Select(g => g.Text));
        Assert.Equal("政府信息公开，Transparency。", pdf);
        using var docx = DocxFiles.Open(DocxFiles.Write(new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", text)])));
        Assert.Contains("政府信息公开，Transparency。", docx.MainDocumentPart!.Document.Body!.InnerText);
        Assert.DoesNotContain('\u00AD', docx.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void An_accent_typed_as_a_combining_mark_joins_its_letter()
    {
        // e + U+0301 is composed to é (NFC) and drawn with the Latin font like any letter.
        string pdf = string.Concat(Glyphs(PdfFixture.Styles, "Cafe\u0301与政府。").Select(g => g.Text));
        Assert.Equal("Café与政府。", pdf);
    }

    [Fact]
    public void A_combining_mark_after_a_chinese_character_stays_over_it_and_takes_no_room()
    {
        var with = Origins(PdfFixture.Styles, "政\u0323府信息。");
        var without = Origins(PdfFixture.Styles, "政府信息。");
        var mark = with.Single(o => o.Ch == "\u0323");
        var zheng = with.Single(o => o.Ch == "政");
        var fu = with.Single(o => o.Ch == "府");
        Assert.InRange(mark.X, zheng.X, fu.X + 0.01);                     // over its base, not over the next character
        Assert.Equal(without.Single(o => o.Ch == "府").X, fu.X, 0.01);   // and the line is set as without it
    }
}

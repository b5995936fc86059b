using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.Docx;

/// <summary>The 公文 page and type measures (A4, margins, 22 × 28 grid, sizes) as they must appear in the XML.</summary>
public class DocxPageAndStyleTests
{
    [Fact]
    public void Page_is_A4_with_gbt9704_margins_and_a_22_by_28_grid()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var sectPr = word.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = sectPr.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = sectPr.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        var grid = sectPr.GetFirstChild<DocGrid>()!;
        Assert.Equal(DocGridValues.LinesAndChars, grid.Type!.Value);
        Assert.Equal(579, grid.LinePitch!.Value);
        Assert.True(22 * 579 <= 16838 - 2098 - 1984);
        // Word's character pitch is the default font size plus charSpace/4096 pt: 28 of them must fit 156 mm, 29 must not.
        double pitchPt = 16 + grid.CharacterSpace!.Value / 4096.0;
        Assert.InRange(8845 / 20.0 / pitchPt, 28.0, 28.999);
    }

    [Fact]
    public void Footer_puts_the_page_number_7mm_below_the_type_area()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var margin = word.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
        var odd = Style(word, "PageNumberOdd");
        int lineTwips = int.Parse(odd.StyleParagraphProperties!.SpacingBetweenLines!.Line!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LineSpacingRuleValues.Exact, odd.StyleParagraphProperties.SpacingBetweenLines.LineRule!.Value);
        // Top of the number line = bottom margin − footer distance − line height = 7 mm (397 twips).
        Assert.Equal(397, margin.Bottom!.Value - (int)margin.Footer!.Value - lineTwips);
        Assert.Equal(280, lineTwips); // 四号 = 14 pt
    }

    [Fact]
    public void Odd_and_even_footers_alternate_right_and_left_with_a_page_field()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var main = word.MainDocumentPart!;
        Assert.NotNull(main.DocumentSettingsPart!.Settings.GetFirstChild<EvenAndOddHeaders>());
        var refs = main.Document.Body!.Elements<SectionProperties>().Single().Elements<FooterReference>().ToList();
        Assert.Equal(2, refs.Count);

        Footer FooterOf(HeaderFooterValues type) =>
            ((FooterPart)main.GetPartById(refs.Single(r => r.Type!.Value == type).Id!.Value!)).Footer;
        foreach (var (type, styleId, jc, indentIsRight) in new[]
        {
            (HeaderFooterValues.Default, "PageNumberOdd", JustificationValues.Right, true),
            (HeaderFooterValues.Even, "PageNumberEven", JustificationValues.Left, false),
        })
        {
            var footer = FooterOf(type);
            var p = footer.Elements<Paragraph>().Single();
            Assert.Equal(styleId, p.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
            Assert.Equal(" PAGE ", p.Descendants<FieldCode>().Single().Text);
            Assert.StartsWith("— ", p.Descendants<Text>().First().Text, StringComparison.Ordinal);
            Assert.EndsWith(" —", p.Descendants<Text>().Last().Text, StringComparison.Ordinal);

            var style = Style(word, styleId);
            Assert.Equal(jc, style.StyleParagraphProperties!.Justification!.Val!.Value);
            var ind = style.StyleParagraphProperties.Indentation!;
            string indent = (indentIsRight ? ind.Right : ind.Left)!.Value!;
            Assert.Equal("280", indent); // one 字 of the 四号 number
            Assert.Equal(100, (indentIsRight ? ind.RightChars : ind.LeftChars)!.Value);
            Assert.Equal("宋体", style.StyleRunProperties!.RunFonts!.EastAsia!.Value);
            Assert.Equal("28", style.StyleRunProperties.FontSize!.Val!.Value);
        }
    }

    [Fact]
    public void Styles_are_named_word_styles_from_the_style_sheet()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var body = Style(word, "body");
        Assert.Equal("公文正文", body.StyleName!.Val!.Value);
        Assert.Equal("仿宋_GB2312", body.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("Times New Roman", body.StyleRunProperties.RunFonts.Ascii!.Value);
        Assert.Equal("32", body.StyleRunProperties.FontSize!.Val!.Value);
        Assert.Equal(JustificationValues.Both, body.StyleParagraphProperties!.Justification!.Val!.Value);
        var ind = body.StyleParagraphProperties.Indentation!;
        Assert.Equal((200, "640"), (ind.FirstLineChars!.Value, ind.FirstLine!.Value!));
        // Body lines keep the grid pitch so that 22 lines fill the type area.
        Assert.Equal("579", body.StyleParagraphProperties.SpacingBetweenLines!.Line!.Value);

        var title = Style(word, "title");
        Assert.Equal(("公文标题", "方正小标宋简体", "44", JustificationValues.Center),
            (title.StyleName!.Val!.Value, title.StyleRunProperties!.RunFonts!.EastAsia!.Value, title.StyleRunProperties.FontSize!.Val!.Value,
             title.StyleParagraphProperties!.Justification!.Val!.Value));

        // Space before/after in grid lines (Word) and the same in twips (LibreOffice).
        var note = Style(word, "attachmentNote").StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal((100, "579"), (note.BeforeLines!.Value, note.Before!.Value!));
        var attachmentTitle = Style(word, "attachmentTitle").StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal((100, "579", "740"), (attachmentTitle.AfterLines!.Value, attachmentTitle.After!.Value!, attachmentTitle.Line!.Value!));

        var h1 = Style(word, "Heading1");
        Assert.Equal(("一级标题", "黑体", 0), (h1.Aliases!.Val!.Value, h1.StyleRunProperties!.RunFonts!.EastAsia!.Value, h1.StyleParagraphProperties!.OutlineLevel!.Val!.Value));
        Assert.NotNull(h1.StyleParagraphProperties.KeepNext);

        var table = Style(word, "tableText");
        Assert.Equal(("表格文字", "宋体", "21", false), (table.StyleName!.Val!.Value, table.StyleRunProperties!.RunFonts!.EastAsia!.Value,
            table.StyleRunProperties.FontSize!.Val!.Value, table.StyleParagraphProperties!.SnapToGrid!.Val!.Value));
        Assert.Equal(LineSpacingRuleValues.Exact, table.StyleParagraphProperties.SpacingBetweenLines!.LineRule!.Value);

        var runIn = Style(word, "runInHead2Char");
        Assert.Equal((StyleValues.Character, "二级标题字符", "楷体_GB2312"),
            (runIn.Type!.Value, runIn.StyleName!.Val!.Value, runIn.StyleRunProperties!.RunFonts!.EastAsia!.Value));

        Assert.Equal(SampleDocuments.Styles.Paragraphs.Count + SampleDocuments.Styles.Characters.Count,
            StylesOf(word).Count(s => (s.Aliases?.Val?.Value ?? s.StyleName!.Val!.Value) is { } n && (SampleDocuments.Styles.Paragraphs.Values.Any(p => p.DisplayName == n)
                || SampleDocuments.Styles.Characters.Values.Any(c => c.DisplayName == n))));
    }

    [Fact]
    public void Defaults_carry_the_body_font_and_chinese_language()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var run = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("仿宋_GB2312", run.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", run.FontSize!.Val!.Value);
        Assert.Equal("zh-CN", run.Languages!.EastAsia!.Value);
    }

    [Fact]
    public void Text_carries_styles_not_direct_formatting()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var body = word.MainDocumentPart!.Document.Body!;
        var topParagraphs = body.Elements<Paragraph>().ToList();
        Assert.All(topParagraphs, p => Assert.NotNull(p.ParagraphProperties?.ParagraphStyleId));
        // Only the run-in head (character style) and the bold span have run properties beyond the East Asian font hint.
        Assert.All(body.Descendants<Run>(), r => Assert.Equal(FontTypeHintValues.EastAsia, r.RunProperties!.RunFonts!.Hint!.Value));
        Assert.All(body.Descendants<RunFonts>(), f => Assert.Null(f.EastAsia));
        var formatted = body.Descendants<Run>().Where(r => r.RunProperties!.ChildElements.Count > 1).ToList();
        Assert.Equal(2, formatted.Count);
        Assert.Equal("runInHead2Char", formatted[0].RunProperties!.RunStyle!.Val!.Value);
        Assert.Equal("（一）主动公开。", formatted[0].InnerText);
        Assert.NotNull(formatted[1].RunProperties!.Bold);
        Assert.Equal("规范性文件12件", formatted[1].InnerText);
        Assert.Equal(2, topParagraphs.Count(p => p.ParagraphProperties!.ParagraphStyleId!.Val!.Value == "title"));
    }

    [Fact]
    public void Settings_carry_the_gbt15834_line_breaking_rules()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var settings = word.MainDocumentPart!.DocumentSettingsPart!.Settings;
        var before = settings.GetFirstChild<NoLineBreaksBeforeKinsoku>()!;
        var after = settings.GetFirstChild<NoLineBreaksAfterKinsoku>()!;
        Assert.Equal(("zh-CN", "zh-CN"), (before.Language!.Value, after.Language!.Value));
        foreach (char c in "。，、；：？！”’）》〉〕】") Assert.Contains(c, before.Val!.Value!);
        foreach (char c in "“‘（《〈〔【") Assert.Contains(c, after.Val!.Value!);
        var defaults = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!;
        Assert.True(defaults.Kinsoku!.Val!.Value);
    }

    [Fact]
    public void Core_properties_come_from_the_document_info()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var props = word.PackageProperties;
        Assert.Equal(SampleDocuments.Info.Title, props.Title);
        Assert.Equal(SampleDocuments.Info.Author, props.Creator);
        Assert.Equal("zh-CN", props.Language);
        Assert.Equal(SampleDocuments.Info.Date.UtcDateTime, props.Created!.Value.ToUniversalTime());
        Assert.Equal(SampleDocuments.Info.Date.UtcDateTime, props.Modified!.Value.ToUniversalTime());
    }

    [Fact]
    public void Page_break_and_spacers_become_paragraph_properties_and_empty_body_paragraphs()
    {
        using var word = DocxFiles.Open(DocxFiles.Write(SampleDocuments.EdgeCases()));
        var body = word.MainDocumentPart!.Document.Body!;
        var firstTable = body.Elements<Table>().First();
        // The page break before the table lands on its first cell paragraph: no empty line at the top of the page.
        Assert.NotNull(firstTable.Descendants<Paragraph>().First().ParagraphProperties!.PageBreakBefore);
        // Two tables in a row are kept apart by a paragraph (Word would merge them otherwise).
        Assert.IsType<Paragraph>(firstTable.NextSibling());
        // Spacer(1.5): one grid line plus a half-line exact paragraph, both in the body style.
        var spacer = body.Elements<Table>().ElementAt(1).ElementsAfter().OfType<Paragraph>().Take(2).ToList();
        Assert.All(spacer, p => Assert.Equal("body", p.ParagraphProperties!.ParagraphStyleId!.Val!.Value));
        Assert.Equal("290", spacer[1].ParagraphProperties!.SpacingBetweenLines!.Line!.Value);
        // The document ends with a table, so a closing paragraph follows it.
        Assert.IsType<Paragraph>(body.Elements<SectionProperties>().Single().PreviousSibling());
        // Non-alternating page numbers: one footer, every page numbered like an odd page, no even-page setting.
        Assert.Null(word.MainDocumentPart.DocumentSettingsPart!.Settings.GetFirstChild<EvenAndOddHeaders>());
        var footerRef = body.Elements<SectionProperties>().Single().Elements<FooterReference>().Single();
        var footer = ((FooterPart)word.MainDocumentPart.GetPartById(footerRef.Id!.Value!)).Footer;
        Assert.Equal("PageNumberOdd", footer.Descendants<ParagraphStyleId>().Single().Val!.Value);
        // Hard line break and tab inside a run.
        var first = body.Elements<Paragraph>().ElementAt(1);
        Assert.Single(first.Descendants<Break>());
        Assert.Single(first.Descendants<TabChar>());
    }

    [Theory]
    [InlineData("自治区人民政府办公厅2023年政府信息公开工作年度报告", "自治区人民政府办公厅2023年|政府信息公开工作年度报告")]
    [InlineData("宁夏回族自治区2018年政府信息公开工作年度报告", "宁夏回族自治区2018年|政府信息公开工作年度报告")]
    [InlineData("2023年政府信息公开工作年度报告", "2023年政府信息公开工作年度报告")]
    public void Long_titles_break_into_two_balanced_lines_at_a_word_boundary(string title, string expected)
    {
        var doc = new DocGen.Model.Document(SampleDocuments.Info, SampleDocuments.Styles, [SampleDocuments.P("title", title), SampleDocuments.P("body", title)]);
        using var word = DocxFiles.Open(DocxFiles.Write(doc));
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        string Lines(Paragraph p) => string.Concat(p.Descendants().Select(e => e is Break ? "|" : e is Text t ? t.Text : ""));
        Assert.Equal(expected, Lines(paragraphs[0]));
        Assert.Equal(title, Lines(paragraphs[1])); // body text is never broken by hand
    }

    private static IEnumerable<Style> StylesOf(WordprocessingDocument word) =>
        word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>();

    private static Style Style(WordprocessingDocument word, string id) => StylesOf(word).Single(s => s.StyleId!.Value == id);
}

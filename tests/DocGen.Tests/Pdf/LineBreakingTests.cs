using DocGen.Model;
using DocGen.Pdf;

namespace DocGen.Tests.Pdf;

/// <summary>GB/T 15834 line breaking and GB/T 9704 pagination rules, checked on planned lines.</summary>
public class LineBreakingTests
{
    private const string NoStart = "，。、；：？！）》〉」』】〕”’%";
    private const string NoEnd = "（《〈「『【〔“‘";

    private static readonly LayoutResult Long = PdfFixture.Renderer.Layout(PdfFixture.LongReport());

    private static List<LaidLine> ParagraphLines(LayoutResult r) => r.Pages.SelectMany(p => p.Lines).Where(l => l.Kind == LineKind.Paragraph).ToList();

    [Fact]
    public void No_line_starts_with_a_closing_mark_or_ends_with_an_opening_mark()
    {
        foreach (var l in ParagraphLines(Long).Where(l => l.Text.Length > 0))
        {
            Assert.DoesNotContain(l.Text[0], NoStart);
            Assert.DoesNotContain(l.Text[^1], NoEnd);
        }
    }

    [Fact]
    public void Dashes_ellipses_and_document_numbers_are_never_split()
    {
        var lines = ParagraphLines(Long);
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            string a = lines[i].Text, b = lines[i + 1].Text;
            if (a.Length == 0 || b.Length == 0) continue;
            Assert.False(a[^1] == '—' && b[0] == '—', $"—— split: {a} | {b}");
            Assert.False(a[^1] == '…' && b[0] == '…', $"…… split: {a} | {b}");
            Assert.False(char.IsAsciiDigit(a[^1]) && char.IsAsciiDigit(b[0]), $"number split: {a} | {b}");
        }
        Assert.Contains(lines, l => l.Text.Contains("〔2021〕30号", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pause_mark_that_would_start_a_line_takes_the_character_before_it_down()
    {
        // Indent 2 + 26 characters fill the line; the 。 may not start the next line and keeps its full cell (the DOCX says
        // doNotCompress, LibreOffice does not hang it), so 务 goes down with it.
        string text = new string('政', 25) + "务。" + new string('公', 30) + "。";
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", text)]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.Equal(new string('政', 25), lines[0].Text);
        Assert.StartsWith("务。", lines[1].Text);
        Assert.Equal(Units.MmToPt(28 + 156), lines[0].X + lines[0].Width, 0.5);
    }

    [Fact]
    public void A_run_longer_than_a_line_is_split_where_the_line_is_full_rather_than_leaving_a_stretched_line()
    {
        string url = "https://www.nx.gov.cn/zwgk/zfxxgkzl/zfxxgkndbg/a/very/long/path/that/cannot/fit/on/one/line/index.html";
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", "网址" + url + "。")]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.StartsWith("网址https://", lines[0].Text);
        Assert.Equal("网址" + url + "。", string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.True(l.X + l.Width <= Units.MmToPt(28 + 156) + 0.5));
    }

    [Fact]
    public void An_opening_mark_moves_to_the_next_line_with_the_text_it_opens()
    {
        string text = new string('政', 25) + "《条例》" + new string('公', 30);
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", text)]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.Equal(new string('政', 25), lines[0].Text);
        Assert.StartsWith("《条例》", lines[1].Text);
        // The short first line is justified to the full measure.
        Assert.Equal(Units.MmToPt(28 + 156), lines[0].X + lines[0].Width, 0.5);
    }

    [Theory]
    [InlineData("宁夏回族自治区2018年政府信息公开工作年度报告", "宁夏回族自治区2018年", "政府信息公开工作年度报告")]
    [InlineData("自治区人民政府办公厅2023年政府信息公开工作年度报告", "自治区人民政府办公厅2023年", "政府信息公开工作年度报告")]
    public void A_long_title_breaks_into_balanced_lines_at_a_word_boundary(string title, string first, string second)
    {
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("title", title)]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.Equal([first, second], lines.Select(l => l.Text));
        double centre = Units.MmToPt(28 + 78);
        Assert.All(lines, l => Assert.Equal(centre, l.X + l.Width / 2, 0.5));
    }

    [Fact]
    public void A_heading_is_never_the_last_line_of_a_page()
    {
        foreach (var p in Long.Pages)
        {
            var last = p.Lines.Where(l => l.Kind == LineKind.Paragraph).LastOrDefault();
            if (last is null) continue;
            Assert.False(last.Style.StartsWith("heading", StringComparison.Ordinal), $"page {p.Number} ends with heading {last.Text}");
        }
    }

    [Fact]
    public void A_paragraph_that_crosses_a_page_edge_fills_the_page_to_its_last_line()
    {
        // GB/T 9704: 22 lines a page. Like the DOCX (widow control off), no line is moved on to leave room at a page's foot.
        double bottom = Units.MmToPt(297 - 35);
        int crossings = 0;
        for (int i = 0; i + 1 < Long.Pages.Count; i++)
        {
            var lastLines = Long.Pages[i].Lines.Where(l => l.Kind == LineKind.Paragraph).ToList();
            var nextLines = Long.Pages[i + 1].Lines.Where(l => l.Kind == LineKind.Paragraph).ToList();
            if (lastLines.Count == 0 || nextLines.Count == 0 || lastLines[^1].BlockIndex != nextLines[0].BlockIndex) continue;
            crossings++;
            // After a table the lines are off the page's grid; either way no further line would have fitted.
            double left = bottom - (lastLines[^1].Top + lastLines[^1].Height);
            Assert.True(left < lastLines[^1].Height - 0.01, $"page {i + 1} left {left:0.0} pt free before the paragraph went on");
        }
        Assert.True(crossings > 0, "the long report has no paragraph that crosses a page edge");
    }

    [Fact]
    public void A_heading_on_a_pages_last_line_but_one_stays_there_with_the_first_line_of_its_text()
    {
        // Keep-with-next asks only for the next paragraph's first line when widow control is off, as the DOCX sets it: Word
        // and LibreOffice then break that paragraph after its first line rather than move the heading on.
        var blocks = Enumerable.Range(0, 20).Select(i => (Block)PdfFixture.P("body", "本段为填充文字。")).ToList();
        blocks.Add(PdfFixture.P("heading1", "五、存在的主要问题及改进情况"));
        blocks.Add(PdfFixture.P("body", PdfFixture.BodyText(3, 6)));
        var r = PdfFixture.Renderer.Layout(new Document(PdfFixture.Info, PdfFixture.Styles, blocks));
        var first = r.Pages[0].Lines.Where(l => l.Kind == LineKind.Paragraph).ToList();
        Assert.Equal(22, first.Count);
        Assert.Equal("heading1", first[20].Style);
        Assert.Equal(21, first[21].BlockIndex);
        Assert.Contains(r.Pages[1].Lines, l => l.BlockIndex == 21);
    }

    [Fact]
    public void Page_break_and_spacer_are_honoured()
    {
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles,
        [
            PdfFixture.P("body", "第一页。"),
            new Spacer(2),
            PdfFixture.P("body", "空两行之后。"),
            new PageBreak(),
            PdfFixture.P("body", "第二页。"),
        ]);
        var r = PdfFixture.Renderer.Layout(doc);
        Assert.Equal(2, r.Pages.Count);
        var p1 = r.Pages[0].Lines.Where(l => l.Kind == LineKind.Paragraph).ToList();
        Assert.Equal(3 * PdfFixture.Styles.LinePitchPt, p1[1].Top - p1[0].Top, 3);
        Assert.Equal("第二页。", r.Pages[1].Lines.First(l => l.Kind == LineKind.Paragraph).Text);
    }
}

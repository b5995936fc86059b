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
    public void NoLineStartsWithAClosingMarkOrEndsWithAnOpeningMark()
    {
        foreach (var l in ParagraphLines(Long).Where(l => l.Text.Length > 0))
        {
            Assert.DoesNotContain(l.Text[0], NoStart);
            Assert.DoesNotContain(l.Text[^1], NoEnd);
        }
    }

    [Fact]
    public void DashesEllipsesAndDocumentNumbersAreNeverSplit()
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
    public void AClosingMarkThatWouldStartALineIsSetHalfWidthWhenThatFits()
    {
        // Indent 2 + "12" (about one cell) + 24 characters leave less than a cell but more than half of one for the 。.
        string text = "12" + new string('政', 24) + "。" + new string('公', 30) + "。";
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", text)]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.EndsWith("政。", lines[0].Text);
        Assert.Equal(Units.MmToPt(28 + 156), lines[0].X + lines[0].Width, 0.5);
        Assert.Equal('公', lines[1].Text[0]);
    }

    [Fact]
    public void OtherwiseTheCharacterBeforeTheMarkMovesDownWithIt()
    {
        // Indent 2 + 26 characters fill the line exactly; the 。 may not start the next line, so 务 goes down with it.
        string text = new string('政', 25) + "务。" + new string('公', 30) + "。";
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", text)]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.Equal(new string('政', 25), lines[0].Text);
        Assert.StartsWith("务。", lines[1].Text);
        Assert.Equal(Units.MmToPt(28 + 156), lines[0].X + lines[0].Width, 0.5);
    }

    [Fact]
    public void ARunLongerThanALineIsSplitWhereTheLineIsFullRatherThanLeavingAStretchedLine()
    {
        string url = "https://www.nx.gov.cn/zwgk/zfxxgkzl/zfxxgkndbg/a/very/long/path/that/cannot/fit/on/one/line/index.html";
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", "网址" + url + "。")]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.StartsWith("网址https://", lines[0].Text);
        Assert.Equal("网址" + url + "。", string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.True(l.X + l.Width <= Units.MmToPt(28 + 156) + 0.5));
    }

    [Fact]
    public void AnOpeningMarkMovesToTheNextLineWithTheTextItOpens()
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
    public void ALongTitleBreaksIntoBalancedLinesAtAWordBoundary(string title, string first, string second)
    {
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("title", title)]);
        var lines = ParagraphLines(PdfFixture.Renderer.Layout(doc));
        Assert.Equal([first, second], lines.Select(l => l.Text));
        double centre = Units.MmToPt(28 + 78);
        Assert.All(lines, l => Assert.Equal(centre, l.X + l.Width / 2, 0.5));
    }

    [Fact]
    public void AHeadingIsNeverTheLastLineOfAPage()
    {
        foreach (var p in Long.Pages)
        {
            var last = p.Lines.Where(l => l.Kind == LineKind.Paragraph).LastOrDefault();
            if (last is null) continue;
            Assert.False(last.Style.StartsWith("heading", StringComparison.Ordinal), $"page {p.Number} ends with heading {last.Text}");
        }
    }

    [Fact]
    public void NoLoneFirstOrLastLineOfAParagraphAtAPageEdge()
    {
        for (int i = 0; i + 1 < Long.Pages.Count; i++)
        {
            var lastLines = Long.Pages[i].Lines.Where(l => l.Kind == LineKind.Paragraph).ToList();
            var nextLines = Long.Pages[i + 1].Lines.Where(l => l.Kind == LineKind.Paragraph).ToList();
            if (lastLines.Count == 0 || nextLines.Count == 0) continue;
            var tail = lastLines[^1];
            var head = nextLines[0];
            if (tail.BlockIndex != head.BlockIndex) continue;   // the paragraph did not cross this page edge
            int before = lastLines.Count(l => l.BlockIndex == tail.BlockIndex);
            int after = nextLines.Count(l => l.BlockIndex == head.BlockIndex);
            Assert.True(before >= 2, $"lone first line at the foot of page {i + 1}: {tail.Text}");
            Assert.True(after >= 2 || before + after <= 3, $"lone last line at the head of page {i + 2}: {head.Text}");
        }
    }

    [Fact]
    public void PageBreakAndSpacerAreHonoured()
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

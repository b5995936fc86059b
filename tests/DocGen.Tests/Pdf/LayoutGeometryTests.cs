using DocGen.Model;
using DocGen.Pdf;

namespace DocGen.Tests.Pdf;

/// <summary>GB/T 9704 geometry of the planned pages: margins, the 22 × 28 grid, page numbers.</summary>
public class LayoutGeometryTests
{
    private static readonly LayoutResult Long = PdfFixture.Renderer.Layout(PdfFixture.LongReport());
    private static readonly double Tol = Units.MmToPt(0.5);
    private static readonly double Left = Units.MmToPt(28), Top = Units.MmToPt(37), Right = Units.MmToPt(28 + 156), Bottom = Units.MmToPt(37 + 225);

    private static IEnumerable<LaidLine> BodyLines(PageLayout p) => p.Lines.Where(l => l.Kind == LineKind.Paragraph && l.Style == "body");

    [Fact]
    public void Long_report_runs_over_many_pages()
    {
        Assert.InRange(Long.Pages.Count, 8, 20);
        Assert.All(Long.Pages, p => Assert.Equal(210, Units.PtToMm(p.WidthPt), 1));
    }

    [Fact]
    public void Body_text_stays_inside_the_type_area_with_standard_margins()
    {
        foreach (var p in Long.Pages)
        {
            var text = p.Lines.Where(l => l.Kind != LineKind.PageNumber).ToList();
            Assert.All(text, l =>
            {
                Assert.True(l.X >= Left - Tol, $"page {p.Number}: line starts at {Units.PtToMm(l.X):F2} mm: {l.Text}");
                Assert.True(l.X + l.Width <= Right + Tol, $"page {p.Number}: line ends at {Units.PtToMm(l.X + l.Width):F2} mm: {l.Text}");
                Assert.True(l.Top >= Top - Tol && l.Top + l.Height <= Bottom + Tol, $"page {p.Number}: line box {Units.PtToMm(l.Top):F2} mm: {l.Text}");
            });
            // The first line (or table row) of every page starts at the top of the type area (37 mm).
            Assert.Equal(Top, text.Select(l => l.Top).Concat(p.Cells.Select(c => c.Top)).Min(), Tol);
        }
        // Continuation lines of body paragraphs start exactly at the left margin (28 mm); first lines are indented 2 字.
        var body = Long.Pages.SelectMany(BodyLines).ToList();
        Assert.All(body.Where(l => !l.FirstOfParagraph), l => Assert.Equal(Left, l.X, Tol));
        Assert.All(body.Where(l => l.FirstOfParagraph), l => Assert.Equal(Left + 2 * PdfFixture.Styles.CharPitchPt, l.X, Tol));
    }

    [Fact]
    public void Justified_lines_reach_the_right_margin_and_last_lines_are_flush_left()
    {
        var body = Long.Pages.SelectMany(BodyLines).ToList();
        Assert.All(body.Where(l => !l.LastOfParagraph), l => Assert.Equal(Right, l.X + l.Width, Tol));
        Assert.Contains(body, l => l.LastOfParagraph && l.X + l.Width < Right - 20);
    }

    [Fact]
    public void Body_follows_the_grid_of_22_lines_and_28_characters()
    {
        double pitch = PdfFixture.Styles.LinePitchPt;
        Assert.Equal(Units.MmToPt(225.0 / 22), pitch, 3);
        foreach (var p in Long.Pages)
        {
            var body = BodyLines(p).Concat(p.Lines.Where(l => l.Style.StartsWith("heading", StringComparison.Ordinal))).ToList();
            Assert.True(body.Count <= 22, $"page {p.Number} has {body.Count} body lines");
            Assert.All(body, l => Assert.Equal(pitch, l.Height, 3));
            foreach (var l in body)
            {
                // Each full-width character takes one grid cell; digits and Latin letters take about half a cell.
                double cells = l.Text.EnumerateRunes().Sum(r => r.Value < 0x250 ? 0.5 : 1.0);
                Assert.True(cells <= 28.5, $"page {p.Number}: {cells} cells: {l.Text}");
            }
        }
        // A full line of Han characters holds exactly 28.
        Assert.Contains(Long.Pages.SelectMany(BodyLines), l => l.Text.EnumerateRunes().All(r => r.Value >= 0x250) && l.Text.Length == 28);
        // Page 2 is all body text: 22 lines.
        Assert.Equal(22, Long.Pages[1].Lines.Count(l => l.Kind == LineKind.Paragraph));
    }

    [Fact]
    public void Grid_characters_sit_on_the_character_pitch()
    {
        double cell = PdfFixture.Styles.CharPitchPt;
        // A full line of 28 Chinese characters, justified over the measure (not one whose final mark hangs half width).
        var line = Long.Pages.SelectMany(BodyLines).First(l => l.Text.EnumerateRunes().All(r => r.Value >= 0x250) && l.Text.Length == 28 && !l.FirstOfParagraph
            && !DocGen.Typography.LineBreakRules.IsNoStart(l.Text[^1]));
        var origins = line.Glyphs.SelectMany(g => g.CharacterOrigins()).ToList();
        Assert.Equal(28, origins.Count);
        // Measured condensed as in the DOCX (15.5 pt) and justified: the 28 characters fill the 28 cells of the measure.
        Assert.Equal(28 * cell, origins[^1] + 16 - origins[0], 0);
        for (int i = 1; i < origins.Count; i++)
            Assert.InRange(origins[i] - origins[i - 1], 15.5, 16.2);
    }

    [Fact]
    public void Page_numbers_alternate_sides_seven_millimetres_below_the_type_area()
    {
        var pn = PdfFixture.Styles.Page.PageNumber;
        foreach (var p in Long.Pages)
        {
            var num = Assert.Single(p.Lines, l => l.Kind == LineKind.PageNumber);
            Assert.Equal($"— {p.Number} —", num.Text);
            Assert.Equal(Bottom + Units.MmToPt(7), num.Top, 0.01);
            Assert.Equal(pn.SizePt, num.Glyphs[0].SizePt);
            if (p.Number % 2 == 1) Assert.Equal(Right - pn.SizePt, num.X + num.Width, 0.5);
            else Assert.Equal(Left + pn.SizePt, num.X, 0.5);
        }
    }

    [Fact]
    public void Title_is_centred_in_its_own_pitch_and_uses_the_bold_face()
    {
        var title = Long.Pages[0].Lines.First();
        Assert.Equal("title", title.Style);
        Assert.Equal(37, title.Height, 3);
        double centre = (Left + Right) / 2;
        Assert.Equal(centre, title.X + title.Width / 2, 1);
        // The stand-in for 方正小标宋 is a real bold face (Noto Serif CJK SC Bold), so nothing is emboldened on top of it.
        Assert.All(title.Glyphs.Where(g => !char.IsAsciiDigit(g.Text[0])), g => Assert.EndsWith("NotoSerifCJK-Bold.ttc", g.Face.Path, StringComparison.Ordinal));
        Assert.All(title.Glyphs, g => Assert.False(g.Bold));
        Assert.All(title.Glyphs, g => Assert.Equal(22, g.SizePt));
    }

    [Fact]
    public void Run_in_head_uses_the_kai_font_and_the_rest_the_fangsong_font()
    {
        var line = Long.Pages.SelectMany(BodyLines).First(l => l.FirstOfParagraph && l.Text.StartsWith("（一）", StringComparison.Ordinal));
        var chars = line.Glyphs.SelectMany(g => g.Text.EnumerateRunes().Select(r => (Char: r.ToString(), g.Face.Path))).ToList();
        int stop = chars.FindIndex(c => c.Char == "。");
        Assert.All(chars.Take(stop + 1), c => Assert.Contains("gkai00mp", c.Path, StringComparison.Ordinal));
        Assert.Contains("NotoSerifCJK-Regular", chars[stop + 1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Digits_use_the_latin_font_of_the_role()
    {
        var line = Long.Pages.SelectMany(p => p.Lines).First(l => l.Text.Contains("2038", StringComparison.Ordinal));
        var digits = line.Glyphs.Where(g => g.Text.All(char.IsAsciiDigit)).ToList();
        Assert.Contains("2038", string.Concat(digits.Select(g => g.Text)), StringComparison.Ordinal);
        Assert.All(digits, g => Assert.Contains("LiberationSerif-Regular", g.Face.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Outline_has_the_six_first_level_headings()
    {
        var level1 = Long.Outline.Where(o => o.Level == 1).ToList();
        Assert.Equal(6, level1.Count);
        Assert.Equal("一、总体情况", level1[0].Title);
        Assert.True(level1.Zip(level1.Skip(1)).All(p => p.First.PageIndex <= p.Second.PageIndex));
        // Each bookmark points at the page and height where its heading was finally placed.
        foreach (var o in Long.Outline)
            Assert.Contains(Long.Pages[o.PageIndex].Lines, l => l.Text == o.Title && Math.Abs(l.Top - o.Top) < 0.01);
        Assert.Contains(Long.Outline, o => o.Level == 2 && o.Title == "（一）全区政务公开工作要点落实情况");
    }
}

using DocGen.Pdf;

namespace DocGen.Tests.Pdf;

/// <summary>
/// How page text is written: the runs of one line segment (one baseline, font, size, weight and scale) share one
/// Tj/TJ, and every glyph still lands where the layout placed it.
/// </summary>
public class TextOperatorTests
{
    private sealed record Painted(PlacedGlyph Run, LaidLine Line);

    private static readonly Lazy<(LayoutResult Layout, byte[] Pdf)[]> Documents = new(() =>
        [.. new[] { PdfFixture.LongReport(), PdfFixture.TableAcrossPages() }.Select(d => (PdfFixture.Renderer.Layout(d), PdfFixture.Render(d)))]);

    /// <summary>The runs the painter draws on a page, in drawing order (blank runs are skipped, as there).</summary>
    private static List<Painted> PaintedRuns(PageLayout page) =>
        [.. page.Lines.SelectMany(l => l.Glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Text)).Select(g => new Painted(g, l)))];

    /// <summary>The horizontal scale as written (Tz, four decimals): grid text is scaled so the advance equals the pitch.</summary>
    private static double Tz(PlacedGlyph g)
    {
        double scale = 1;
        if (g.Pitch is { } pitch)
        {
            double natural = g.Face.AdvanceEm(System.Text.Rune.GetRuneAt(g.Text, 0).Value) * g.SizePt;
            if (natural > 0) scale = pitch / natural;
        }
        return Math.Round(scale * 100, 4, MidpointRounding.AwayFromZero);
    }

    private static List<TextShow> Shows(byte[] content, List<Painted> runs)
    {
        var advances = runs.SelectMany(r => r.Run.Text.EnumerateRunes().Select(c => r.Run.Face.AdvanceEm(c.Value))).ToList();
        return PageContent.Shows(content, n => advances[n]);
    }

    [Fact]
    public void Each_line_segment_is_shown_by_one_operator()
    {
        int runsInAll = 0, showsInAll = 0;
        foreach (var (layout, pdf) in Documents.Value)
        {
            var contents = PageContent.Streams(pdf);
            Assert.Equal(layout.Pages.Count, contents.Count);
            for (int p = 0; p < contents.Count; p++)
            {
                var runs = PaintedRuns(layout.Pages[p]);
                // A new segment starts wherever the baseline, face, size, weight or scale changes between drawn runs, and
                // where the text passes to another structure element or artifact (a marked-content sequence ends there).
                int segments = runs.Where((r, i) => i == 0 || !SameSegment(runs[i - 1], r)
                    || !Equals(Owner(layout.Pages[p], runs[i - 1]), Owner(layout.Pages[p], r))).Count();
                var shows = Shows(contents[p], runs);
                Assert.Equal(segments, shows.Count);
                runsInAll += runs.Count;
                showsInAll += shows.Count;
            }
        }
        // The fixture must exercise merging: justified lines place most CJK glyphs as runs of their own. (Each structure element
        // or artifact ends its marked-content sequence, and condensed Latin text is placed glyph by glyph, so the ratio is below 2.)
        Assert.True(runsInAll > 1.5 * showsInAll, $"{runsInAll} runs, {showsInAll} text-showing operators");
    }

    /// <summary>
    /// What a run is tagged as: its paragraph (the fixtures' run-in heads are in another face, which starts a segment anyway),
    /// its table cell, or an artifact (page numbers; cells the planner repeated on a continuation page).
    /// </summary>
    private static object Owner(PageLayout page, Painted r)
    {
        var l = r.Line;
        if (l.Kind == LineKind.PageNumber) return "page number";
        if (l.Kind == LineKind.Paragraph) return l.BlockIndex;
        bool repeated = page.Cells.Any(c => c.Repeated && c.Row == l.Row && c.Column == l.Column
            && l.Top >= c.Top - 0.01 && l.Top <= c.Top + c.Height && l.X >= c.X - 0.01 && l.X <= c.X + c.Width);
        return repeated ? "repeated" : (l.BlockIndex, l.Row, l.Column);
    }

    private static bool SameSegment(Painted a, Painted b) =>
        a.Line.Baseline == b.Line.Baseline && a.Run.Face == b.Run.Face && a.Run.SizePt == b.Run.SizePt
        && a.Run.Bold == b.Run.Bold && Tz(a.Run) == Tz(b.Run);

    [Fact]
    public void Every_glyph_lands_where_the_layout_placed_it()
    {
        int glyphs = 0;
        foreach (var (layout, pdf) in Documents.Value)
        {
            var contents = PageContent.Streams(pdf);
            for (int p = 0; p < contents.Count; p++)
            {
                var page = layout.Pages[p];
                var runs = PaintedRuns(page);
                var shown = Shows(contents[p], runs).SelectMany(s => s.Origins).ToList();
                var expected = runs.SelectMany(r => r.Run.CharacterOrigins().Select((x, k) => (r, k, X: r.Line.X + x, Y: page.HeightPt - r.Line.Baseline))).ToList();
                Assert.Equal(expected.Count, shown.Count);
                for (int i = 0; i < expected.Count; i++)
                {
                    var (run, k, x, y) = expected[i];
                    // Simulated bold adds character spacing inside a run, which the layout does not count: only a bold run's start is checked.
                    if (run.Run.Bold && k > 0) continue;
                    // Moves are written to 0.0001 pt, so a few thousandths of a point of rounding may add up along a page; a misplaced glyph is off by far more.
                    Assert.True(Math.Abs(shown[i].X - x) < 0.01 && Math.Abs(shown[i].Y - y) < 0.01,
                        $"page {p + 1}, '{run.Run.Text}' glyph {k}: at ({shown[i].X:F4}, {shown[i].Y:F4}), layout ({x:F4}, {y:F4})");
                    glyphs++;
                }
            }
        }
        Assert.True(glyphs > 1000, $"{glyphs} glyphs checked");
    }
}

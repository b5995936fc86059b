namespace DocGen.Pdf.Drawing;

/// <summary>Paints a finished plan through the drawing seam; it decides nothing about placement.</summary>
internal static class Painter
{
    /// <summary>A run with a fixed pitch is drawn with its glyphs scaled so that the font's advance equals the pitch.</summary>
    private static double ScaleX(PlacedGlyph g)
    {
        if (g.Pitch is not { } pitch) return 1;
        double natural = g.Face.AdvanceEm(System.Text.Rune.GetRuneAt(g.Text, 0).Value) * g.SizePt;
        return natural > 0 ? pitch / natural : 1;
    }

    public static void Paint(LayoutResult layout, IDocumentCanvas canvas)
    {
        foreach (var page in layout.Pages)
        {
            var c = canvas.AddPage(page.WidthPt, page.HeightPt);
            foreach (var r in page.Rules) c.DrawLine(r.X1, r.Y1, r.X2, r.Y2, r.WidthPt);
            foreach (var line in page.Lines)
                foreach (var g in line.Glyphs)
                    if (!string.IsNullOrWhiteSpace(g.Text))
                        c.DrawGlyphRun(line.X + g.X, line.Baseline, g.Text, g.Face, g.SizePt, g.Bold, ScaleX(g));
        }
        foreach (var o in layout.Outline) canvas.AddBookmark(o.Level, o.Title, o.PageIndex, o.Top);
    }
}

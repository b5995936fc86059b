namespace DocGen.Pdf.Drawing;

/// <summary>Paints a finished plan through the drawing seam; it decides nothing about placement.</summary>
internal static class Painter
{
    public static void Paint(LayoutResult layout, IDocumentCanvas canvas)
    {
        foreach (var page in layout.Pages)
        {
            var c = canvas.AddPage(page.WidthPt, page.HeightPt);
            foreach (var r in page.Rules) c.DrawLine(r.X1, r.Y1, r.X2, r.Y2, r.WidthPt);
            foreach (var line in page.Lines)
                foreach (var g in line.Glyphs)
                    if (!string.IsNullOrWhiteSpace(g.Text))
                        c.DrawGlyphRun(line.X + g.X, line.Baseline, g.Text, g.Face, g.SizePt, g.Bold);
        }
        foreach (var o in layout.Outline) canvas.AddBookmark(o.Level, o.Title, o.PageIndex, o.Top);
    }
}

using DocGen.Model;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// Paints a finished plan onto the canvas and tags it as it goes; it decides nothing about placement. Every piece of text
/// is marked as the content of its structure element (<see cref="DocumentTags"/>) or as an artifact: the page numbers, and
/// a table's header rows and span labels drawn again on a continuation page (their content was tagged where it first
/// appeared). Rules are artifacts too (<see cref="PdfPageCanvas.Finish"/>).
/// </summary>
internal static class Painter
{
    /// <summary>A run with a fixed pitch is drawn with its glyphs scaled so that the font's advance equals the pitch.</summary>
    private static double ScaleX(PlacedGlyph g)
    {
        if (g.Pitch is not { } pitch) return 1;
        double natural = g.Face.AdvanceEm(System.Text.Rune.GetRuneAt(g.Text, 0).Value) * g.SizePt;
        return natural > 0 ? pitch / natural : 1;
    }

    public static void Paint(Document doc, LayoutResult layout, PdfDocumentCanvas canvas)
    {
        var tags = new DocumentTags(doc, canvas.Tree);
        tags.Build();
        // Table cells already drawn on an earlier page: drawn again here, they are a repetition for the eye.
        var drawn = new HashSet<(int Block, int Row, int Column)>();
        foreach (var page in layout.Pages)
        {
            var c = canvas.AddPage(page.WidthPt, page.HeightPt);
            foreach (var r in page.Rules) c.DrawLine(r.X1, r.Y1, r.X2, r.Y2, r.WidthPt);
            var onThisPage = new HashSet<(int, int, int)>();
            foreach (var line in page.Lines)
            {
                StructElement? cell = null;
                if (line.Kind == LineKind.TableCell)
                {
                    var key = (line.BlockIndex, line.Row, line.Column);
                    cell = drawn.Contains(key) ? null : tags.Cell(line.BlockIndex, line.Row, line.Column);
                    onThisPage.Add(key);
                }
                foreach (var g in line.Glyphs)
                {
                    if (string.IsNullOrWhiteSpace(g.Text)) continue;
                    switch (line.Kind)
                    {
                        case LineKind.PageNumber: c.Mark(null, Artifact.PageNumber); break;
                        case LineKind.TableCell: c.Mark(cell); break;
                        default: c.Mark(tags.ParagraphRun(line.BlockIndex, g.Text)); break;
                    }
                    c.DrawGlyphRun(line.X + g.X, line.Baseline, g.Text, g.Face, g.SizePt, g.Bold, ScaleX(g));
                }
            }
            drawn.UnionWith(onThisPage);
        }
        foreach (var o in layout.Outline) canvas.AddBookmark(o);
    }
}

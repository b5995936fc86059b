using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// The drawing seam: everything the painter needs from a PDF library. Coordinates are points from the page's
/// top-left corner. Only <see cref="PdfSharpDocumentCanvas"/> knows PDFsharp, so the library could be replaced.
/// </summary>
internal interface IPageCanvas
{
    /// <summary>
    /// Draws text on a baseline starting at x, with the face's own advances (no shaping, no kerning), the glyphs
    /// scaled horizontally by <paramref name="scaleX"/> (1 = as designed).
    /// </summary>
    void DrawGlyphRun(double x, double baseline, string text, FontFace face, double sizePt, bool bold, double scaleX = 1);

    void DrawLine(double x1, double y1, double x2, double y2, double widthPt);
}

/// <summary>A PDF being written: pages, bookmarks, document information, and the final save.</summary>
internal interface IDocumentCanvas : IDisposable
{
    IPageCanvas AddPage(double widthPt, double heightPt);

    void AddBookmark(int level, string title, int pageIndex, double top);

    void Save(Stream output);
}

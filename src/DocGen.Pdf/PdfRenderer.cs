using System.Text;
using DocGen.Model;
using DocGen.Pdf.Drawing;
using DocGen.Pdf.Fonts;
using DocGen.Pdf.Layout;

namespace DocGen.Pdf;

/// <summary>
/// Lays out a <see cref="Document"/> with our own CJK layout engine (GB/T 9704 grid, GB/T 15834 line breaking) and
/// writes it as a tagged PDF (PDF/UA-1, PDF/A-2a) with our own file writer. Thread-safe: fonts are parsed once per process and shared; each call has its own state.
/// </summary>
public sealed class PdfRenderer(FontSettings settings)
{
    /// <summary>Plans pages, lines, glyph positions, table cells and rules without drawing anything.</summary>
    public LayoutResult Layout(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        try { return new DocumentLayout(doc, new FontContext(doc.Styles, settings)).Run(); }
        catch (FontFormatException e) { throw Damaged(e); }
    }

    /// <summary>Lays out and writes the PDF. The same document always gives the same bytes.</summary>
    public void Render(Document doc, Stream output)
    {
        var layout = Layout(doc);
        try
        {
            var canvas = new PdfDocumentCanvas(doc.Info, Fingerprint(doc, layout), PdfOptions.Of(doc.Styles).FontHinting);
            Painter.Paint(doc, layout, canvas);
            canvas.Save(output);
        }
        catch (FontFormatException e) { throw Damaged(e); }
    }

    /// <summary>A glyph program found broken only when it is measured or subset (fonts are read lazily) is a font error, not a crash.</summary>
    private static DocGenException Damaged(FontFormatException e) =>
        DiagnosticCatalog.FontUnsupported.Fail($"字体文件不能使用：{e.Message}", $"a font file cannot be used: {e.Message}");

    private static string Fingerprint(Document doc, LayoutResult layout)
    {
        var sb = new StringBuilder();
        sb.Append(doc.Info.Title).Append('\u0001').Append(doc.Info.Author).Append('\u0001').Append(doc.Info.Date.ToUnixTimeSeconds());
        foreach (var p in layout.Pages)
            foreach (var l in p.Lines) sb.Append('\n').Append(l.Text);
        return sb.ToString();
    }
}

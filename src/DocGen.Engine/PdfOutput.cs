using DocGen.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Engine;

/// <summary>The print-ready PDF from our own layout engine; one renderer (and its parsed fonts) serves every report of a run.</summary>
public sealed class PdfOutput(FontSettings fonts) : IDocumentWriter
{
    private readonly PdfRenderer _renderer = new(fonts);

    /// <param name="fontDirectories">Folders of the user's licensed font files (仿宋_GB2312.ttf …), searched before the stand-ins.</param>
    public PdfOutput(IReadOnlyList<string> fontDirectories) : this(new FontSettings(fontDirectories)) { }

    public string Format => "pdf";
    public string Extension => ".pdf";
    public void Write(Document document, Stream output) => _renderer.Render(document, output);

    /// <summary>
    /// What the PDF would refuse, found without writing: every character no font covers (each at its place in the data file; the
    /// layout itself stops at the first), then, with <paramref name="layout"/>, the layout's own errors (a table row taller than a
    /// page). Render checks the characters before writing; validate runs both, so it refuses exactly what render refuses.
    /// </summary>
    public void Check(Document document, bool layout)
    {
        var missing = FontReport.MissingGlyphErrors(document, fonts);
        if (missing.Count > 0) throw new DocGenException(FailureKind.Font, missing);
        if (layout) _renderer.Layout(document);
    }
}

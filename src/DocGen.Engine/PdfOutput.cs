using DocGen.Model;
using DocGen.Pdf;

namespace DocGen.Engine;

/// <summary>The print-ready PDF from our own layout engine; one renderer (and its parsed fonts) serves every report of a run.</summary>
public sealed class PdfOutput(FontSettings fonts) : IDocumentWriter
{
    private readonly PdfRenderer _renderer = new(fonts);

    public string Format => "pdf";
    public string Extension => ".pdf";
    public void Write(Document document, Stream output) => _renderer.Render(document, output);
}

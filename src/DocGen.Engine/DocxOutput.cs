using DocGen.Docx;
using DocGen.Model;

namespace DocGen.Engine;

/// <summary>The editable Word document.</summary>
public sealed class DocxOutput : IDocumentWriter
{
    public string Format => "docx";
    public string Extension => ".docx";
    public void Write(Document document, Stream output) => DocxWriter.Write(document, output);
}

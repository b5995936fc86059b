using DocGen.Model;

namespace DocGen.Engine;

/// <summary>An output format: the seam through which the pipeline hands the document model to a writer.</summary>
public interface IDocumentWriter
{
    /// <summary>Format name on the command line (docx, pdf).</summary>
    string Format { get; }
    string Extension { get; }
    void Write(Document document, Stream output);
}

using DocGen.Docx;
using DocumentFormat.OpenXml.Packaging;

namespace DocGen.Tests.Docx;

/// <summary>Writes documents to bytes and opens them again for inspection.</summary>
internal static class DocxFiles
{
    private static readonly Lazy<byte[]> ReportBytes = new(() => Write(SampleDocuments.Report()));

    /// <summary>The sample report, written once per test run (the writer is deterministic, so sharing is safe).</summary>
    public static byte[] Report => ReportBytes.Value;

    public static byte[] Write(Model.Document doc)
    {
        using var stream = new MemoryStream();
        DocxWriter.Write(doc, stream);
        return stream.ToArray();
    }

    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
}

using System.Text;
using DocGen.Engine;
using DocGen.Model;

namespace DocGen.Serve;

/// <summary>
/// Writes a data file through <see cref="AtomicOutput"/>, like every other file DocGen writes: a hidden temporary file, flushed,
/// then renamed over the old one, so a failed or killed save never leaves half a data file and never damages the one there.
/// </summary>
internal static class DataFileOutput
{
    public static void Write(string fullPath, string text, StyleSheet styles)
    {
        // AtomicOutput writes documents through writers; this writer ignores the (empty) document and writes the text.
        var nothing = new Document(new DocumentInfo("", ""), styles, []);
        AtomicOutput.WriteAll(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath), nothing,
            [new TextOutput(Encoding.UTF8.GetBytes(text), Path.GetExtension(fullPath))]);
    }

    private sealed class TextOutput(byte[] bytes, string extension) : IDocumentWriter
    {
        public string Format => "json";
        public string Extension => extension;
        public void Write(Document document, Stream output) => output.Write(bytes);
    }
}

using System.Text;
using DocGen.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.EndToEnd;

/// <summary>The text a reader gets out of each generated file matches the published report.</summary>
public class ReferenceOutputTests
{
    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Pdf_text_matches_the_reference_report(string example)
    {
        string text = Tools.PdfText(ExampleOutputs.Pdf(example));
        TextSimilarity.AssertMatchesReference(example, text);
    }

    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Docx_text_matches_the_reference_report(string example)
    {
        TextSimilarity.AssertMatchesReference(example, DocxText(ExampleOutputs.Docx(example)));
    }

    /// <summary>Paragraph texts in document order, table cells row by row (what Word's "save as text" gives).</summary>
    public static string DocxText(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        var sb = new StringBuilder();
        foreach (var p in doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>())
        {
            foreach (var el in p.Descendants())
            {
                if (el is Text t) sb.Append(t.Text);
                else if (el is Break) sb.Append('\n');
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}

using System.Text;
using DocGen.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.EndToEnd;

/// <summary>Issue 2's bar: the text a reader gets out of each generated file matches the published report.</summary>
public class ReferenceOutputTests
{
    public static TheoryData<string> Examples => ExampleOutputs.All;

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_text_matches_the_reference_report(string example)
    {
        string text = Tools.PdfText(ExampleOutputs.Pdf(example));
        AssertMatches(example, text);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Docx_text_matches_the_reference_report(string example)
    {
        AssertMatches(example, DocxText(ExampleOutputs.Docx(example)));
    }

    private static void AssertMatches(string example, string actual)
    {
        string reference = File.ReadAllText(Repo.ReferenceReport(example));
        double ratio = TextSimilarity.Ratio(reference, actual);
        Assert.True(ratio >= 0.97, $"{example}: similarity {ratio:F4} < 0.97");
        var missing = TextSimilarity.MissingNumbers(reference, actual);
        Assert.True(missing.Count == 0, $"{example}: numbers of the reference missing: {string.Join(", ", missing)}");
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

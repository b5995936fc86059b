using System.Text.RegularExpressions;
using DocGen.Tests.Support;

namespace DocGen.Tests.Docx;

/// <summary>A real example, written as DOCX and rendered by LibreOffice, reads like the published report it transcribes.</summary>
public partial class DocxExampleRenderingTests
{
    [LibreOfficeFact]
    public void Rendered_example_text_matches_the_reference_report()
    {
        const string name = "pingluo-county-2023";
        var doc = Pipelines.Default.Build(Repo.Example(name)).Document!;
        string pdf = LibreOffice.ConvertToPdf(DocxFiles.Write(doc), name);
        // Layout mode reads table rows left to right, as the reference text has them.
        string rendered = PageNumber().Replace(LibreOffice.PdfToText(pdf, "-layout"), "");
        string reference = File.ReadAllText(Repo.ReferenceReport(name));

        double ratio = TextSimilarity.Ratio(reference, rendered);
        Assert.True(ratio >= 0.95, $"similarity {ratio:F4}");
        Assert.Empty(TextSimilarity.MissingNumbers(reference, rendered));
    }

    /// <summary>The footer lines "— N —", which the reference text (body only) does not have.</summary>
    [GeneratedRegex(@"^\s*—\s*\d+\s*—\s*$", RegexOptions.Multiline)]
    private static partial Regex PageNumber();
}

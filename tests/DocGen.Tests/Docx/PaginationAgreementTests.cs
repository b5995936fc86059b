using System.Text.RegularExpressions;
using DocGen.Tests.Support;

namespace DocGen.Tests.Docx;

/// <summary>
/// The DOCX, as LibreOffice lays it out (the stand-in for Word here, with the shared font aliases), and DocGen's PDF
/// paginate alike: the same number of pages and the same first line on at least 90 % of the pages.
/// </summary>
public class PaginationAgreementTests
{
    [LibreOfficeTheory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void The_docx_in_libreoffice_and_the_pdf_have_the_same_pages(string example)
    {
        string docx = ExampleOutputs.Docx(example), pdf = ExampleOutputs.Pdf(example);
        string converted = LibreOffice.ConvertToPdf(File.ReadAllBytes(docx), example);
        try
        {
            var lo = FirstLines(converted);
            var ours = FirstLines(pdf);
            var differing = Enumerable.Range(0, Math.Min(lo.Count, ours.Count)).Where(i => lo[i] != ours[i])
                .Select(i => $"page {i + 1}: LibreOffice 「{lo[i]}」, PDF 「{ours[i]}」").ToList();
            Assert.True(lo.Count == ours.Count, $"{example}: LibreOffice {lo.Count} pages, PDF {ours.Count}\n{string.Join("\n", differing)}");
            Assert.True(lo.Count - differing.Count >= 0.9 * lo.Count,
                $"{example}: the first line differs on {differing.Count} of {lo.Count} pages\n{string.Join("\n", differing)}");
        }
        finally
        {
            LibreOffice.DeleteOutput(converted);
        }
    }

    /// <summary>The topmost line of text of each page (words within 9 pt of the highest, left to right), without the page number.</summary>
    private static List<string> FirstLines(string pdf)
    {
        string xml = LibreOffice.PdfToText(pdf, "-bbox");
        var pages = new List<string>();
        foreach (Match page in Regex.Matches(xml, "<page [^>]*>(.*?)</page>", RegexOptions.Singleline))
        {
            var words = Regex.Matches(page.Groups[1].Value, "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"[\\d.]+\">(.*?)</word>")
                .Select(m => (X: Num(m.Groups[1].Value), Y: Num(m.Groups[2].Value), Text: System.Net.WebUtility.HtmlDecode(m.Groups[3].Value)))
                .Where(w => w.Y < 740)   // the page number sits 7 mm below the type area (262 mm = 743 pt)
                .ToList();
            if (words.Count == 0) { pages.Add(""); continue; }
            double top = words.Min(w => w.Y);
            pages.Add(string.Concat(words.Where(w => w.Y < top + 9).OrderBy(w => w.X).Select(w => w.Text)));
        }
        return pages;
    }

    private static double Num(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

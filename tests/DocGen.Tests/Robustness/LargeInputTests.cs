using System.Text.Json.Nodes;
using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>Sizes a clerk never means but sometimes sends: generated here, never committed.</summary>
public class LargeInputTests
{
    private static JsonObject Base() => JsonNode.Parse(File.ReadAllText(CorpusCase.Load("valid-minimal").Input))!.AsObject();

    [Fact]
    public void File_of_200_MB_is_refused_by_its_size_without_being_read()
    {
        string path = Path.Combine(DataFiles.TempDir(), "huge.json");
        using (var fs = new FileStream(path, FileMode.CreateNew)) fs.SetLength(200L * 1024 * 1024); // sparse: no disk used

        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = Pipelines.Default.Build(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(FailureKind.InvalidData, result.Failure);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("E-DATA-TOO-LARGE", d.Id);
        Assert.Contains("200 MB", d.Message);
        DiagnosticAssert.IsClear(d);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes: the file was read");
    }

    [Fact]
    public void Paragraph_of_50000_characters_renders_whole()
    {
        const string unit = "政府信息公开工作稳步推进，公开质量持续提升。";
        var data = Base();
        string text = string.Concat(Enumerable.Repeat(unit, 50_000 / unit.Length + 1))[..50_000];
        data["sections"]!["problems"] = new JsonArray(text);

        var (docx, pdf) = Render(data, "long-paragraph");

        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
            Assert.Contains(text, doc.MainDocumentPart!.Document.Body!.InnerText);
        // Page numbers (— 3 —) stand between the lines of a paragraph that runs over pages.
        string pdfText = System.Text.RegularExpressions.Regex.Replace(string.Concat(Tools.PdfText(pdf).Where(c => !char.IsWhiteSpace(c))), "—\\d+—", "");
        int start = pdfText.IndexOf(text[..40], StringComparison.Ordinal);
        Assert.True(start >= 0, "the paragraph's start is not in the PDF");
        int same = 0;
        while (same < text.Length && start + same < pdfText.Length && pdfText[start + same] == text[same]) same++;
        Assert.True(same == text.Length, $"PDF text differs at character {same}: 「{pdfText.Substring(start + same, Math.Min(30, pdfText.Length - start - same))}」");
    }

    [Fact]
    public void Section_of_10000_paragraphs_renders_whole()
    {
        var data = Base();
        data["sections"]!["other"] = new JsonArray(Enumerable.Range(1, 10_000).Select(i => (JsonNode)JsonValue.Create($"第{i}项工作按计划完成。")!).ToArray());

        var (docx, pdf) = Render(data, "many-paragraphs");

        // pdftotext reads the space between Chinese and digits as a blank ("第 1 项").
        string pdfText = Tools.PdfText(pdf).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("第1项工作按计划完成。", pdfText);
        Assert.Contains("第10000项工作按计划完成。", pdfText);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        Assert.True(doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Count() > 10_000);
    }

    private static (string Docx, string Pdf) Render(JsonObject data, string name)
    {
        string dir = DataFiles.TempDir();
        string input = DataFiles.Write(data, dir, name + ".json");
        var renderer = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], []));
        var o = renderer.Render(input, Path.Combine(dir, "out"));
        Assert.True(o.Ok, string.Join("\n", o.Diagnostics));
        return (o.Outputs.Single(f => f.EndsWith(".docx", StringComparison.Ordinal)), o.Outputs.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
    }
}

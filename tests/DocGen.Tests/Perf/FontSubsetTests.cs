using System.Text.Json;
using DocGen.Model;
using DocGen.Tests.Pdf;
using DocGen.Tests.Support;

namespace DocGen.Tests.Perf;

/// <summary>
/// The embedded fonts hold the glyphs drawn and nothing else: no empty slots for the rest of a CJK face (they were most of
/// a report's PDF size), and what is there still draws and extracts right (the golden images and pdftotext tests cover that).
/// </summary>
public class FontSubsetTests
{
    [Fact]
    public void Each_embedded_font_program_holds_only_the_glyphs_the_document_draws()
    {
        // Four distinct Han characters in the body font, the digits in its Latin (TrueType) face; the page number is drawn in
        // the 宋体 role's own face (半角宋体阿拉伯数字).
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", "公开公开，信息信息2023。")]);
        var path = PdfFixture.WriteTemp(PdfFixture.Render(doc), "subset");
        var programs = FontPrograms(path);
        Assert.NotEmpty(programs);
        foreach (var program in programs)
        {
            int numGlyphs = NumGlyphs(program);
            Assert.InRange(numGlyphs, 2, 12);   // .notdef + the characters drawn (and composite parts, if any)
            Assert.True(program.Length < 40_000, $"a font program of {numGlyphs} glyphs weighs {program.Length} bytes");
        }
        var (_, text, _) = ProcessRunner.Run("pdftotext", path, "-");
        // The CJK–Latin space before the digits (Word's automatic spacing) reads as a space in the extracted text.
        Assert.Contains("公开公开，信息信息 2023。", text);
    }

    [Fact]
    public void The_same_glyphs_in_another_document_get_the_same_subset_tag()
    {
        var a = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", "公开信息。")]);
        var b = new Document(PdfFixture.Info with { Title = "另一份报告" }, PdfFixture.Styles, [PdfFixture.P("body", "公开信息。")]);
        Assert.Equal(FontNames(PdfFixture.WriteTemp(PdfFixture.Render(a), "tag-a")), FontNames(PdfFixture.WriteTemp(PdfFixture.Render(b), "tag-b")));
    }

    private static List<string> FontNames(string pdf)
    {
        var (code, output, _) = ProcessRunner.Run("pdffonts", pdf);
        Assert.Equal(0, code);
        return output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l => l.Split(' ')[0]).ToList();
    }

    /// <summary>Every /FontFile2 stream, decoded, through qpdf.</summary>
    private static List<byte[]> FontPrograms(string pdf)
    {
        var (code, json, _) = ProcessRunner.Run("qpdf", "--json", pdf);
        Assert.True(code == 0, json);
        using var parsed = JsonDocument.Parse(json);
        var refs = new List<string>();
        foreach (var obj in parsed.RootElement.GetProperty("qpdf")[1].EnumerateObject())
            if (obj.Value.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("/FontFile2", out var file))
                refs.Add(file.GetString()!.Split(' ')[0]);
        return refs.Select(r => ProcessRunner.RunOk("qpdf", $"--show-object={r}", "--filtered-stream-data", pdf).StdoutBytes).ToList();
    }

    private static int NumGlyphs(byte[] sfnt)
    {
        int numTables = sfnt[4] << 8 | sfnt[5];
        for (int i = 0; i < numTables; i++)
        {
            int r = 12 + 16 * i;
            if (System.Text.Encoding.ASCII.GetString(sfnt, r, 4) != "maxp") continue;
            int off = sfnt[r + 8] << 24 | sfnt[r + 9] << 16 | sfnt[r + 10] << 8 | sfnt[r + 11];
            return sfnt[off + 4] << 8 | sfnt[off + 5];
        }
        throw new InvalidDataException("no maxp table");
    }
}

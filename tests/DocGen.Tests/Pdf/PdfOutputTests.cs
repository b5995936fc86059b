using System.Text;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>The written file: reproducible bytes, qpdf-clean, text extractable where the layout put it, bookmarks, size.</summary>
public class PdfOutputTests
{
    private static readonly Lazy<byte[]> LongPdf = new(() => PdfFixture.Render(PdfFixture.LongReport()));

    [Fact]
    public void Same_input_gives_identical_bytes()
    {
        var again = PdfFixture.Render(PdfFixture.LongReport());
        Assert.Equal(LongPdf.Value, again);
    }

    [Fact]
    public void Parallel_renders_give_the_same_bytes_as_sequential_ones()
    {
        var docs = new[] { PdfFixture.TableAcrossPages(), PdfFixture.LongReport(), PdfFixture.TableAcrossPages() };
        var parallel = new byte[docs.Length][];
        Parallel.For(0, docs.Length, i => parallel[i] = PdfFixture.Render(docs[i]));
        Assert.Equal(LongPdf.Value, parallel[1]);
        Assert.Equal(parallel[0], parallel[2]);
    }

    [Fact]
    public void Qpdf_check_passes()
    {
        var path = PdfFixture.WriteTemp(LongPdf.Value, "qpdf");
        var (code, output, _) = ProcessRunner.Run("qpdf", "--check", path);
        Assert.True(code == 0, output);
        // Every stream, fonts included, decodes completely (PDFsharp's own Flate output would warn here).
        (code, output, _) = ProcessRunner.Run("qpdf", "--check", "--decode-level=all", path);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Document_information_and_outline_are_written()
    {
        var path = PdfFixture.WriteTemp(LongPdf.Value, "info");
        var (code, info, _) = ProcessRunner.Run("pdfinfo", path);
        Assert.Equal(0, code);
        Assert.Contains("测试机关2023年政府信息公开工作年度报告", info);
        Assert.Contains("Author:          测试机关", info);
        Assert.Contains("CreationDate:    Mon Jan 15 00:00:00 2024 UTC", info);
        var (_, json, _) = ProcessRunner.Run("qpdf", "--json", "--json-key=outlines", path);
        Assert.Contains("一、总体情况", json);
        Assert.Contains("（一）全区政务公开工作要点落实情况", json);
    }

    [Fact]
    public void Text_extracts_in_reading_order_at_the_standard_margins()
    {
        var path = PdfFixture.WriteTemp(LongPdf.Value, "bbox");
        var (code, html, _) = ProcessRunner.Run("pdftotext", "-f", "2", "-l", "2", "-bbox-layout", path, "-");
        Assert.Equal(0, code);
        var lines = System.Text.RegularExpressions.Regex.Matches(html, "<line xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">")
            .Select(m => (X0: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                          Y0: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                          X1: double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(lines.Count >= 20, html.Length > 2000 ? html[..2000] : html);
        var body = lines.Where(l => l.Y0 < Units.MmToPt(37 + 225)).ToList();
        Assert.Equal(28, Units.PtToMm(body.Min(l => l.X0)), 0.5);
        // Justified lines end at 184 mm; a full-width mark set half width at a line end still reports its full advance.
        var ends = body.Select(l => Units.PtToMm(l.X1)).ToList();
        Assert.All(ends, e => Assert.True(e <= 184 + 3.0, $"line ends at {e:F2} mm"));
        Assert.True(ends.Count(e => Math.Abs(e - 184) <= 0.5) >= ends.Count / 2, string.Join(", ", ends.Select(e => e.ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
        var (_, text, _) = ProcessRunner.Run("pdftotext", "-f", "1", "-l", "1", path, "-");
        // The space between Chinese and digits extracts as a blank ("2023 年"), as in the published reports.
        Assert.Contains("测试机关 2023 年政府信息公开工作年度报告", text);
        Assert.Contains("国办公开办函〔2021〕30 号", text.Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_stays_small_and_embeds_subsets_only()
    {
        Assert.True(LongPdf.Value.Length < 350_000, $"{LongPdf.Value.Length} bytes");
        var path = PdfFixture.WriteTemp(LongPdf.Value, "fonts");
        var (_, fonts, _) = ProcessRunner.Run("pdffonts", path);
        var rows = fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"^[A-Z]{6}\+.*CID (TrueType|Type 0C)\s+Identity-H\s+yes yes yes", r));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(LongPdf.Value, 0, 5));
    }
}

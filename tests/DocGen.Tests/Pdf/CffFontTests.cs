using System.Text;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>
/// OpenType fonts with CFF outlines (the Noto Serif CJK stand-ins, and .otf files a user points DocGen at) are measured and
/// embedded as subsets like TrueType ones; hinting can be left out of the PDF without moving a pixel of the outlines.
/// </summary>
public class CffFontTests
{
    private const string NotoRegular = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    private static Document Sample(bool hinting) =>
        new(PdfFixture.Info, new DocGen.Pdf.PdfOptions(hinting).ApplyTo(PdfFixture.Styles),
        [
            PdfFixture.P("title", "测试机关2023年政府信息公开工作年度报告", "标题"),
            PdfFixture.RunIn("（一）依法公布政府信息。", "全年累计发布信息3712条，其中，行政文件79件、图解88篇；政务微信发布信息639篇。", "p1"),
            PdfFixture.P("body", "坚持质量和实效并举，提高信息发布“含金量”，权威准确传递政策意图、及时快速传播政府声音。", "p2"),
        ]);

    [Fact]
    public void A_cff_face_is_embedded_as_a_compact_cid_font_type0c_subset_whose_text_extracts()
    {
        Assert.True(File.Exists(NotoRegular), "this test needs fonts-noto-cjk");
        var pdf = PdfFixture.Render(Sample(hinting: true));
        var path = PdfFixture.WriteTemp(pdf, "cff");

        var (_, fonts, _) = ProcessRunner.Run("pdffonts", path);
        var rows = fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.Contains(rows, r => r.Contains("NotoSerifCJKsc-Regular", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("NotoSerifCJKsc-Bold", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Contains("Noto", StringComparison.Ordinal)),
            r => Assert.Matches(@"^[A-Z]{6}\+NotoSerifCJKsc-\w+\s+CID Type 0C\s+Identity-H\s+yes yes yes", r));

        var (code, check, _) = ProcessRunner.Run("qpdf", "--check", path);
        Assert.True(code == 0, check);
        var (_, text, _) = ProcessRunner.Run("pdftotext", "-raw", path, "-");
        string flat = text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("坚持质量和实效并举，提高信息发布“含金量”", flat);
        Assert.Contains("（一）依法公布政府信息。全年累计发布信息3712条", flat);
        // A whole Noto face is 26 MB; about sixty glyphs of it must weigh tens of kilobytes.
        Assert.True(pdf.Length < 60_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void The_ink_box_of_a_cff_glyph_comes_from_its_outline()
    {
        var layout = PdfFixture.Renderer.Layout(Sample(hinting: true));
        var glyphs = layout.Pages[0].Lines.SelectMany(l => l.Glyphs).ToList();
        var face = glyphs.First(g => g.Text.Contains('、', StringComparison.Ordinal)).Face;
        Assert.EndsWith("NotoSerifCJK-Regular.ttc", face.Path, StringComparison.Ordinal);

        var comma = face.InkBox('、')!.Value;        // a simplified-Chinese pause mark sits low and to the left of its box
        Assert.InRange(comma.XMin, 0.0, 0.3);
        Assert.InRange(comma.XMax, 0.1, 0.5);
        Assert.InRange(comma.YMax, 0.0, 0.35);

        var one = face.InkBox('一')!.Value;          // 一 is a wide, thin horizontal stroke near the middle of the em
        Assert.True(one.XMax - one.XMin > 0.8, $"width {one.XMax - one.XMin}");
        Assert.True(one.YMax - one.YMin < 0.12, $"height {one.YMax - one.YMin}");
        Assert.InRange((one.YMin + one.YMax) / 2, 0.25, 0.55);
    }

    [Fact]
    public void Every_character_of_the_stand_in_cff_faces_has_an_outline_we_can_read()
    {
        // Each glyph program is flattened (its subroutine calls inlined) and walked for its box: a malformed or unsupported
        // program throws. This covers every glyph the regular and bold stand-ins map a BMP character to.
        var glyphs = PdfFixture.Renderer.Layout(Sample(hinting: true)).Pages[0].Lines.SelectMany(l => l.Glyphs).ToList();
        var faces = glyphs.Select(g => g.Face).Where(f => f.Path.Contains("NotoSerifCJK", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(2, faces.Count);
        foreach (var face in faces)
        {
            int covered = 0, inked = 0;
            for (int cp = 0x20; cp < 0x10000; cp++)
            {
                if (!face.Covers(cp)) continue;
                covered++;
                if (face.InkBox(cp) is { } box && box.XMax > box.XMin) inked++;
            }
            Assert.True(covered > 40_000, $"{face.Path}: {covered} characters");
            Assert.True(inked > covered * 0.99, $"{face.Path}: {inked} of {covered} characters have ink");
        }
    }

    [Fact]
    public void Leaving_out_hinting_makes_the_file_smaller_and_changes_no_pixel()
    {
        // Poppler draws without hinting, so both files must rasterise identically: the outlines themselves are untouched,
        // for the CFF faces (stem hints and hint masks dropped) and the TrueType 楷体 face (instructions and fpgm/prep/cvt dropped).
        var hinted = PdfFixture.Render(Sample(hinting: true));
        var bare = PdfFixture.Render(Sample(hinting: false));
        Assert.True(bare.Length < hinted.Length - 1000, $"{bare.Length} vs {hinted.Length} bytes");

        string dir = Path.Combine(Path.GetTempPath(), "docgen-pdf-tests", $"hinting-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        var pages = new List<byte[]>();
        foreach (var (pdf, name) in new[] { (hinted, "hinted"), (bare, "bare") })
        {
            string path = Path.Combine(dir, name + ".pdf");
            File.WriteAllBytes(path, pdf);
            var (code, output, _) = ProcessRunner.Run("pdftoppm", "-r", "150", "-gray", "-f", "1", "-l", "1", path, Path.Combine(dir, name));
            Assert.True(code == 0, output);
            pages.Add(File.ReadAllBytes(Directory.GetFiles(dir, name + "*.pgm").Single()));
        }
        Assert.True(pages[0].AsSpan().SequenceEqual(pages[1]), "the page rasterises differently without hinting");
        Assert.Contains(pages[0], b => b < 128);  // and there is ink on it
    }

    [Fact]
    public void A_cff_subset_stores_its_glyphs_in_the_faces_order_and_maps_them_to_their_cids()
    {
        // CIDs are handed out in order of first use; the programs are stored in the face's glyph order (for Noto's Hanzi,
        // code point order), which deflates smaller, and the charset tells readers which CID each stored program draws.
        const string text = "龙齐门长中一";   // first used in falling code point order
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", text, "p0")]);
        var path = PdfFixture.WriteTemp(PdfFixture.Render(doc), "cff-order");
        string qdf = path + ".qdf.pdf";
        var (code, output, _) = ProcessRunner.Run("qpdf", "--qdf", "--object-streams=disable", path, qdf);
        Assert.True(code == 0, output);
        string raw = Encoding.Latin1.GetString(File.ReadAllBytes(qdf));
        var objects = System.Text.RegularExpressions.Regex.Matches(raw, @"\n(\d+) 0 obj\n(.*?)\nendobj", System.Text.RegularExpressions.RegexOptions.Singleline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        string Stream(string obj) => obj[(obj.IndexOf("stream\n", StringComparison.Ordinal) + 7)..obj.LastIndexOf("endstream", StringComparison.Ordinal)];
        int Ref(string obj, string key) => int.Parse(System.Text.RegularExpressions.Regex.Match(obj, "/" + key + @" (\d+) 0 R").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var type0 = objects.Values.Single(o => o.Contains("/Subtype /Type0", StringComparison.Ordinal) && o.Contains("NotoSerifCJKsc-Regular", StringComparison.Ordinal));
        var unicodeOfCid = System.Text.RegularExpressions.Regex.Matches(Stream(objects[Ref(type0, "ToUnicode")]), @"<([0-9A-F]{4})> <([0-9A-F]{4})>")
            .ToDictionary(m => Convert.ToInt32(m.Groups[1].Value, 16), m => Convert.ToInt32(m.Groups[2].Value, 16));
        var cidFont = objects[int.Parse(System.Text.RegularExpressions.Regex.Match(type0, @"/DescendantFonts\s*\[\s*(\d+) 0 R").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
        var cff = Encoding.Latin1.GetBytes(Stream(objects[Ref(objects[Ref(cidFont, "FontDescriptor")], "FontFile3")]));

        var cidOfStored = CffCharset(cff);
        var hanzi = cidOfStored.Skip(1).Select(cid => unicodeOfCid[cid]).Where(u => text.Contains((char)u, StringComparison.Ordinal)).ToList();
        Assert.Equal(text.Length, hanzi.Count);
        Assert.Equal(hanzi.Order().ToList(), hanzi);                             // stored by glyph (code point) order …
        Assert.Equal(Enumerable.Range(0, cidOfStored.Count), cidOfStored.Order()); // … each CID stored exactly once
        var (_, extracted, _) = ProcessRunner.Run("pdftotext", "-raw", path, "-");
        Assert.Contains(text, extracted);                                         // and the text still reads in first-use order
    }

    /// <summary>The CID of every glyph a bare CFF program stores, from its charset (formats 0 and 2; glyph 0 is CID 0).</summary>
    private static List<int> CffCharset(byte[] cff)
    {
        int p = cff[2];                                  // header size
        p = SkipIndex(cff, p);                           // Name INDEX
        int topStart = IndexData(cff, p, out int topEnd);
        int charsetAt = 0, charStringsAt = 0;
        var operands = new List<int>();
        for (int q = topStart; q < topEnd;)
        {
            int b = cff[q];
            if (b == 29) { operands.Add(cff[q + 1] << 24 | cff[q + 2] << 16 | cff[q + 3] << 8 | cff[q + 4]); q += 5; }
            else if (b == 28) { operands.Add((short)(cff[q + 1] << 8 | cff[q + 2])); q += 3; }
            else if (b >= 32 && b <= 246) { operands.Add(b - 139); q++; }
            else if (b >= 247 && b <= 250) { operands.Add((b - 247) * 256 + cff[q + 1] + 108); q += 2; }
            else if (b >= 251 && b <= 254) { operands.Add(-(b - 251) * 256 - cff[q + 1] - 108); q += 2; }
            else
            {
                if (b == 15) charsetAt = operands[^1];
                if (b == 17) charStringsAt = operands[^1];
                q += b == 12 ? 2 : 1;
                operands.Clear();
            }
        }
        int glyphs = cff[charStringsAt] << 8 | cff[charStringsAt + 1];
        var cids = new List<int> { 0 };
        int at = charsetAt + 1;
        if (cff[charsetAt] == 0)
            while (cids.Count < glyphs) { cids.Add(cff[at] << 8 | cff[at + 1]); at += 2; }
        else
        {
            Assert.Equal(2, cff[charsetAt]);
            while (cids.Count < glyphs)
            {
                int first = cff[at] << 8 | cff[at + 1], left = cff[at + 2] << 8 | cff[at + 3];
                for (int k = 0; k <= left; k++) cids.Add(first + k);
                at += 4;
            }
        }
        return cids;
    }

    private static int IndexData(byte[] b, int p, out int end)
    {
        int count = b[p] << 8 | b[p + 1], offSize = b[p + 2];
        int Offset(int i) { int v = 0; for (int k = 0; k < offSize; k++) v = v << 8 | b[p + 3 + i * offSize + k]; return v; }
        int data = p + 3 + (count + 1) * offSize - 1;
        end = data + Offset(count);
        return data + Offset(0);
    }

    private static int SkipIndex(byte[] b, int p)
    {
        if ((b[p] << 8 | b[p + 1]) == 0) return p + 2;
        IndexData(b, p, out int end);
        return end;
    }

    private const string UrwRoman = "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf";

    private static Document WithLatinFont(string latinFontPath)
    {
        var fs = PdfFixture.Styles.Font("fangsong");
        var role = fs with { PdfLatinFonts = [new FontCandidate(latinFontPath)] };
        var styles = PdfFixture.Styles with { Fonts = new Dictionary<string, FontRole>(PdfFixture.Styles.Fonts) { ["fangsong"] = role } };
        return new Document(PdfFixture.Info, styles, [PdfFixture.P("body", "2023年共受理申请61件，Report No. 12328。", "p0")]);
    }

    [Fact]
    public void A_name_keyed_cff_font_serves_latin_text_too()
    {
        // URW's C059 is a plain (name-keyed, not CID-keyed) CFF font: its one Private DICT becomes the subset's only font dictionary.
        Assert.True(File.Exists(UrwRoman), "this test needs fonts-urw-base35 (scripts/ensure-deps.sh --test)");
        var path = PdfFixture.WriteTemp(PdfFixture.Render(WithLatinFont(UrwRoman)), "cff-latin");
        var (_, fonts, _) = ProcessRunner.Run("pdffonts", path);
        Assert.Matches(@"[A-Z]{6}\+C059-Roman\s+CID Type 0C\s+Identity-H\s+yes yes yes", fonts);
        var (_, text, _) = ProcessRunner.Run("pdftotext", "-raw", path, "-");
        Assert.Contains("2023 年共受理申请 61 件，Report No. 12328。", text.Replace("\n", "", StringComparison.Ordinal));
        var (code, check, _) = ProcessRunner.Run("qpdf", "--check", path);
        Assert.True(code == 0, check);
    }

    [Fact]
    public void A_damaged_cff_font_is_a_font_error_not_a_crash()
    {
        Assert.True(File.Exists(UrwRoman), "this test needs fonts-urw-base35 (scripts/ensure-deps.sh --test)");
        var bytes = File.ReadAllBytes(UrwRoman);
        // Overwrite the back half of the CFF table (glyph programs, Private DICT, subroutines) with callsubr operators.
        int dir = 12, tables = bytes[4] << 8 | bytes[5];
        for (int i = 0; i < tables; i++, dir += 16)
        {
            if (System.Text.Encoding.ASCII.GetString(bytes, dir, 4) != "CFF ") continue;
            int off = bytes[dir + 8] << 24 | bytes[dir + 9] << 16 | bytes[dir + 10] << 8 | bytes[dir + 11];
            int len = bytes[dir + 12] << 24 | bytes[dir + 13] << 16 | bytes[dir + 14] << 8 | bytes[dir + 15];
            Array.Fill(bytes, (byte)10, off + len / 2, len / 2);
        }
        string damaged = Path.Combine(Path.GetTempPath(), $"docgen-damaged-cff-{Environment.ProcessId}.otf");
        File.WriteAllBytes(damaged, bytes);

        var e = Assert.Throws<DocGenException>(() => PdfFixture.Renderer.Render(WithLatinFont(damaged), Stream.Null));
        Assert.Equal("E-FONT-UNSUPPORTED", e.Id);
        Assert.Equal(FailureKind.Font, e.Kind);
        Assert.Contains(damaged, e.Message);
    }

    [Fact]
    public void A_cff2_variable_font_is_rejected_with_a_clear_message()
    {
        // The smallest file that is an OpenType font with CFF2 outlines: the header and one table record.
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes("OTTO").CopyTo(bytes, 0);
        bytes[5] = 1;                                              // numTables
        Encoding.ASCII.GetBytes("CFF2").CopyTo(bytes, 12);
        bytes[12 + 11] = 28;                                       // offset
        bytes[12 + 15] = 4;                                        // length
        string path = Path.Combine(Path.GetTempPath(), $"docgen-cff2-{Environment.ProcessId}.otf");
        File.WriteAllBytes(path, bytes);
        var role = new FontRole("song", "宋体", "Times New Roman", [new FontCandidate(path)], []);
        var styles = PdfFixture.Styles with { Fonts = new Dictionary<string, FontRole>(PdfFixture.Styles.Fonts) { ["song"] = role } };
        var doc = new Document(PdfFixture.Info, styles, [PdfFixture.P("body", "正文。")]);

        var e = Assert.Throws<DocGenException>(() => PdfFixture.Renderer.Layout(doc));
        Assert.Equal("E-FONT-UNSUPPORTED", e.Id);
        Assert.Contains("CFF2", e.Message);
        Assert.Contains(path, e.Message);
    }
}

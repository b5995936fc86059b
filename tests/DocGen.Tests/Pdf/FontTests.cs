using DocGen.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Tests.Pdf;

/// <summary>Font chains: resolution, missing glyphs (loud), missing fonts (naming every path), the report (CFF fonts: CffFontTests).</summary>
public class FontTests
{
    [Fact]
    public void A_character_no_font_covers_fails_naming_its_code_point_and_place()
    {
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles,
            [PdfFixture.P("body", "本年度共受理申请\U0010FFFD件，同比增长。", "sections.overview[2]")]);
        var e = Assert.Throws<DocGenException>(() => PdfFixture.Renderer.Render(doc, Stream.Null));
        Assert.Equal("E-GLYPH-MISSING", e.Id);
        Assert.Equal(FailureKind.Font, e.Kind);
        Assert.Contains("U+10FFFD", e.Message);
        Assert.Contains("sections.overview[2]", e.Message);
        Assert.Contains("共受理申请", e.Message);
    }

    [Fact]
    public void Find_missing_lists_every_uncovered_character_with_its_place()
    {
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles,
        [
            PdfFixture.P("body", "正常文字。", "p0"),
            PdfFixture.P("body", "表情\U0001FAE8与\U0010FFFD。", "p1"),
        ]);
        var missing = FontReport.FindMissing(doc, PdfFixture.Fonts);
        Assert.Equal(["U+1FAE8", "U+10FFFD"], missing.Select(m => m.CodePointLabel));
        Assert.All(missing, m => Assert.Equal("p1", m.Where));
        Assert.All(missing, m => Assert.Equal("fangsong", m.Role));
    }

    [Fact]
    public void A_role_without_any_font_fails_naming_the_role_the_official_name_and_every_path_tried()
    {
        var dir = Path.Combine(Path.GetTempPath(), "docgen-empty-fonts");
        var role = new FontRole("fangsong", "仿宋_GB2312", "Times New Roman", [new FontCandidate("仿宋_GB2312.ttf"), new FontCandidate("/nonexistent/simfang.ttf")], []);
        var styles = PdfFixture.Styles with { Fonts = new Dictionary<string, FontRole>(PdfFixture.Styles.Fonts) { ["fangsong"] = role } };
        var doc = new Document(PdfFixture.Info, styles, [PdfFixture.P("body", "正文。")]);
        var e = Assert.Throws<DocGenException>(() => new PdfRenderer(new FontSettings([dir])).Layout(doc));
        Assert.Equal("E-FONT-MISSING", e.Id);
        Assert.Contains("fangsong", e.Message);
        Assert.Contains("仿宋_GB2312", e.Message);
        Assert.Contains(Path.Combine(dir, "仿宋_GB2312.ttf"), e.Message);
        Assert.Contains("/nonexistent/simfang.ttf", e.Message);
        Assert.Contains("--fonts-dir", e.Message);
    }

    [Fact]
    public void A_windows_font_folder_list_splits_on_semicolons_and_keeps_drive_letters()
    {
        Assert.Equal([@"C:\Fonts", @"D:\公司字体"], FontSettings.SplitFolderList(@"C:\Fonts; D:\公司字体;", ';'));
        Assert.Equal(["/a", "/b"], FontSettings.SplitFolderList("/a::/b", ':'));
        Assert.Empty(FontSettings.SplitFolderList(null, ':'));
    }

    [Fact]
    public void Bare_names_are_found_in_the_configured_font_folders()
    {
        var role = new FontRole("kai", "楷体_GB2312", "Times New Roman", [new FontCandidate("GKAI00MP.TTF")], []);
        var styles = PdfFixture.Styles with { Fonts = new Dictionary<string, FontRole>(PdfFixture.Styles.Fonts) { ["kai"] = role } };
        var report = FontReport.Describe(styles, new FontSettings(["/usr/share/fonts/truetype/arphic-gkai00mp"]));
        var kai = Assert.Single(report, r => r.Role == "kai");
        Assert.Equal("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", kai.ChosenFile);
        Assert.Null(kai.Problem);
    }

    [Fact]
    public void A_user_font_overwritten_in_place_while_the_process_runs_does_not_disturb_rendering()
    {
        // `docgen watch` keeps running while a clerk copies a newer 楷体_GB2312.ttf over the old one. A font file of this size is
        // read into memory, not mapped, so the rewrite (here: truncated to nothing) cannot pull the bytes from under a render.
        string dir = Path.Combine(Path.GetTempPath(), $"docgen-user-fonts-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        string font = Path.Combine(dir, "楷体_GB2312.ttf");
        File.Copy("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", font, overwrite: true);
        var renderer = new PdfRenderer(new FontSettings([dir]));
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.RunIn("（一）依法公布政府信息。", "全年发布信息3712条。", "p0")]);
        using var first = new MemoryStream();
        renderer.Render(doc, first);

        using (var f = new FileStream(font, FileMode.Open, FileAccess.Write)) f.SetLength(0);
        using var second = new MemoryStream();
        renderer.Render(doc, second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Contains(renderer.Layout(doc).Pages[0].Lines.SelectMany(l => l.Glyphs), g => g.Face.Path == font);
    }

    [Fact]
    public void Describe_reports_every_role_with_its_candidates_and_the_chosen_file()
    {
        var report = FontReport.Describe(PdfFixture.Styles, PdfFixture.Fonts);
        Assert.Equal(["fangsong", "hei", "kai", "song", "xiaobiaosong"], report.Select(r => r.Role));
        var fs = report.Single(r => r.Role == "fangsong");
        Assert.Equal("仿宋_GB2312", fs.OfficialName);
        Assert.Equal("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#2", fs.ChosenFile);
        Assert.Equal("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", fs.ChosenLatinFile);
        Assert.Equal("not found", fs.Candidates[0].Status);
        Assert.Contains(fs.Candidates, c => c.Status == "found" && c.ResolvedPath == "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
    }
}

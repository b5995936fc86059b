using DocGen.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>A role finds its font by the family names in the font's name table, whatever the file is called.</summary>
public class FontDiscoveryTests
{
    private const string Kai = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";

    private static StyleSheet WithRole(FontRole role) =>
        PdfFixture.Styles with { Fonts = new Dictionary<string, FontRole>(PdfFixture.Styles.Fonts) { [role.Key] = role } };

    [Fact]
    public void A_font_copied_under_an_arbitrary_file_name_is_found_by_its_family_name()
    {
        Assert.True(File.Exists(Kai), "this test needs fonts-arphic-gkai00mp (scripts/ensure-deps.sh)");
        string dir = DataFiles.TempDir();
        string copy = Path.Combine(dir, "sub", "X7Q2.TTF");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Kai, copy);
        // The role names the font as an office machine would (its Chinese family name); no candidate file has that name.
        var role = new FontRole("kai", "AR PL KaitiM GB", "Times New Roman", [new FontCandidate("楷体_GB2312.ttf"), new FontCandidate("/nonexistent/fallback.ttf")], []);
        var report = FontReport.Describe(WithRole(role), new FontSettings([dir])).Single(r => r.Role == "kai");

        Assert.Equal(copy, report.ChosenFile);
        var used = report.Candidates.Single(c => c.ResolvedPath == copy);
        Assert.Equal(FontMatch.FamilyName("AR PL KaitiM GB"), used.Match);
        Assert.Null(report.Problem);
    }

    [Fact]
    public void A_chinese_family_name_finds_the_font_too()
    {
        Assert.True(File.Exists(Kai), "this test needs fonts-arphic-gkai00mp (scripts/ensure-deps.sh)");
        string dir = DataFiles.TempDir();
        string copy = Path.Combine(dir, "kt.ttf");
        File.Copy(Kai, copy);
        // gkai00mp's name table carries the Chinese family name 文鼎ＰＬ中楷 besides the English one.
        var names = DocGenFontNames(copy);
        string chinese = names.First(n => n.Any(c => c >= 0x4E00));
        var role = new FontRole("kai", chinese, "Times New Roman", [new FontCandidate("楷体_GB2312.ttf")], []);
        var report = FontReport.Describe(WithRole(role), new FontSettings([dir])).Single(r => r.Role == "kai");
        Assert.Equal(copy, report.ChosenFile);
    }

    [Fact]
    public void The_file_name_stays_the_fast_path()
    {
        string dir = DataFiles.TempDir();
        File.Copy(Kai, Path.Combine(dir, "楷体_GB2312.ttf"));
        var role = new FontRole("kai", "楷体_GB2312", "Times New Roman", [new FontCandidate("楷体_GB2312.ttf")], []);
        var report = FontReport.Describe(WithRole(role), new FontSettings([dir])).Single(r => r.Role == "kai");
        Assert.Equal(Path.Combine(dir, "楷体_GB2312.ttf"), report.ChosenFile);
        Assert.Equal(FontMatch.FileName, report.Candidates[0].Match);
    }

    /// <summary>The family names of a font file, read with the strings of its name table (platform 3, UTF-16BE).</summary>
    private static List<string> DocGenFontNames(string path)
    {
        var b = File.ReadAllBytes(path);
        int n = b[4] << 8 | b[5];
        for (int i = 0; i < n; i++)
        {
            int r = 12 + 16 * i;
            if (System.Text.Encoding.ASCII.GetString(b, r, 4) != "name") continue;
            int t = b[r + 8] << 24 | b[r + 9] << 16 | b[r + 10] << 8 | b[r + 11];
            int count = b[t + 2] << 8 | b[t + 3], strings = t + (b[t + 4] << 8 | b[t + 5]);
            var names = new List<string>();
            for (int k = 0; k < count; k++)
            {
                int e = t + 6 + 12 * k;
                int platform = b[e] << 8 | b[e + 1], id = b[e + 6] << 8 | b[e + 7], len = b[e + 8] << 8 | b[e + 9], off = b[e + 10] << 8 | b[e + 11];
                if (platform == 3 && id == 1) names.Add(System.Text.Encoding.BigEndianUnicode.GetString(b, strings + off, len));
            }
            return names;
        }
        return [];
    }
}

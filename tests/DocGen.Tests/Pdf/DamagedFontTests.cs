using System.Text;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>
/// Deterministic corruption of real fonts (a TrueType and a CFF one): bytes flipped and files truncated in the table
/// directory, cmap, hmtx, loca/glyf and CFF tables at many offsets. Every variant renders or is refused as
/// E-FONT-UNSUPPORTED naming the file, never an internal error.
/// </summary>
public class DamagedFontTests
{
    private const string TrueType = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
    private const string Cff = "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf";

    public static TheoryData<string> Fonts => new() { TrueType, Cff };

    [Theory]
    [MemberData(nameof(Fonts))]
    public void Every_damaged_variant_renders_or_is_a_font_error_naming_the_file(string font)
    {
        Assert.True(File.Exists(font), $"this test needs {font} (scripts/ensure-deps.sh --test)");
        var original = File.ReadAllBytes(font);
        string dir = DataFiles.TempDir();
        var outcomes = new Dictionary<string, int>();
        int n = 0;
        foreach (var (name, bytes) in Variants(original))
        {
            string path = Path.Combine(dir, $"v{n++:D3}-{name}.ttf");
            File.WriteAllBytes(path, bytes);
            string outcome;
            try
            {
                PdfFixture.Renderer.Render(WithLatinFont(path), Stream.Null);
                outcome = "rendered";
            }
            catch (DocGenException e) when (e.Id == "E-FONT-UNSUPPORTED")
            {
                Assert.True(e.Message.Contains(path, StringComparison.Ordinal), $"{name}: the message does not name the file: {e.Message}");
                Assert.Equal(FailureKind.Font, e.Kind);
                outcome = "E-FONT-UNSUPPORTED";
            }
            catch (Exception e)
            {
                Assert.Fail($"{name} ({path}): {e.GetType().Name}: {e.Message}");
                throw;
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.True(n >= 100, $"only {n} variants");
        Assert.True(outcomes.GetValueOrDefault("E-FONT-UNSUPPORTED") > 0, "no variant was refused: the corruption does not reach the parser");
    }

    private static Document WithLatinFont(string path)
    {
        var fs = PdfFixture.Styles.Font("fangsong");
        var role = fs with { PdfLatinFonts = [new FontCandidate(path)] };
        var styles = PdfFixture.Styles with { Fonts = new Dictionary<string, FontRole>(PdfFixture.Styles.Fonts) { ["fangsong"] = role } };
        return new Document(PdfFixture.Info, styles, [PdfFixture.P("body", "2023年共受理申请61件，Report No. 12328 (ABCxyz)。", "p0")]);
    }

    /// <summary>Per region: 12 offsets spread over it, each flipped (xor 0xFF) and set to 0x7F; and 6 truncations inside it.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Variants(byte[] font)
    {
        int tables = font[4] << 8 | font[5];
        var regions = new List<(string Tag, int Off, int Len)> { ("dir", 0, 12 + 16 * tables) };
        for (int i = 0; i < tables; i++)
        {
            int r = 12 + 16 * i;
            string tag = Encoding.ASCII.GetString(font, r, 4).Trim();
            int off = font[r + 8] << 24 | font[r + 9] << 16 | font[r + 10] << 8 | font[r + 11];
            int len = font[r + 12] << 24 | font[r + 13] << 16 | font[r + 14] << 8 | font[r + 15];
            if (tag is "cmap" or "hmtx" or "loca" or "glyf" or "CFF" or "hhea" or "head" or "maxp") regions.Add((tag, off, len));
        }
        foreach (var (tag, off, len) in regions)
        {
            // The first bytes of a table are its header (counts and offsets), where damage matters most: half the offsets go there.
            var offsets = Enumerable.Range(0, 6).Select(k => off + Math.Min(len - 1, k * 2))
                .Concat(Enumerable.Range(1, 6).Select(k => off + (int)((long)len * k / 7))).Distinct();
            foreach (int at in offsets)
            {
                var flipped = (byte[])font.Clone();
                flipped[at] ^= 0xFF;
                yield return ($"{tag}-flip-{at - off}", flipped);
                var set = (byte[])font.Clone();
                set[at] = 0x7F;
                yield return ($"{tag}-7f-{at - off}", set);
            }
            foreach (int k in new[] { 1, 2, 3, 4, 5, 6 })
            {
                int cut = off + (int)((long)len * k / 7);
                if (cut > 16) yield return ($"{tag}-cut-{cut - off}", font[..cut]);
            }
        }
    }
}

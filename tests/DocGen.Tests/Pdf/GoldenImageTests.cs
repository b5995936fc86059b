namespace DocGen.Tests.Pdf;

/// <summary>
/// Reference page images: pages rasterised with `pdftoppm -gray -r 40` and compared with committed PGMs under
/// Golden/, with a tolerance for anti-aliasing. Regenerate after an intended change with DOCGEN_UPDATE_GOLDEN=1.
/// </summary>
public class GoldenImageTests
{
    private static string GoldenDir => Path.Combine(PdfFixture.RepoRoot, "tests", "DocGen.Tests", "Pdf", "Golden");

    [Theory]
    [InlineData("long", 1)]
    [InlineData("long", 2)]
    [InlineData("table", 1)]
    [InlineData("table", 2)]
    public void PageMatchesItsReferenceImage(string docName, int page)
    {
        var doc = docName == "long" ? PdfFixture.LongReport() : PdfFixture.TableAcrossPages();
        var pdf = PdfFixture.WriteTemp(PdfFixture.Render(doc), $"golden-{docName}-{page}");
        string prefix = Path.Combine(Path.GetDirectoryName(pdf)!, $"{docName}-{page}-{Environment.ProcessId}");
        var (code, output) = PdfOutputTests.Run("pdftoppm", "-gray", "-r", "40", "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, prefix);
        Assert.True(code == 0, output);
        var actual = Pgm.Read(prefix + ".pgm");
        string golden = Path.Combine(GoldenDir, $"{docName}-p{page}.pgm");
        if (Environment.GetEnvironmentVariable("DOCGEN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDir);
            File.Copy(prefix + ".pgm", golden, overwrite: true);
            return;
        }
        Assert.True(File.Exists(golden), $"no reference image {golden}; run the tests once with DOCGEN_UPDATE_GOLDEN=1");
        var expected = Pgm.Read(golden);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        int differing = 0;
        long sum = 0;
        for (int i = 0; i < expected.Pixels.Length; i++)
        {
            int d = Math.Abs(expected.Pixels[i] - actual.Pixels[i]);
            sum += d;
            if (d > 64) differing++;
        }
        double mean = sum / (double)expected.Pixels.Length, share = differing / (double)expected.Pixels.Length;
        Assert.True(mean < 1.0 && share < 0.002, $"page {page} of {docName} differs from {golden}: mean {mean:F3}, {share:P2} of pixels off by > 64");
    }

    [Fact]
    public void ComparisonNoticesAMovedLine()
    {
        // The tolerance must not hide a real change: a page against the next page of the same document differs.
        var a = Pgm.Read(Path.Combine(GoldenDir, "long-p1.pgm"));
        var b = Pgm.Read(Path.Combine(GoldenDir, "long-p2.pgm"));
        int differing = a.Pixels.Zip(b.Pixels).Count(p => Math.Abs(p.First - p.Second) > 64);
        Assert.True(differing / (double)a.Pixels.Length > 0.002);
    }
}

/// <summary>Binary PGM (P5, 8 bit), what pdftoppm -gray writes.</summary>
internal sealed record Pgm(int Width, int Height, byte[] Pixels)
{
    public static Pgm Read(string path)
    {
        var b = File.ReadAllBytes(path);
        int pos = 0;
        string Token()
        {
            while (pos < b.Length && (char.IsWhiteSpace((char)b[pos]) || b[pos] == '#'))
            {
                if (b[pos] == '#') while (pos < b.Length && b[pos] != '\n') pos++;
                else pos++;
            }
            int start = pos;
            while (pos < b.Length && !char.IsWhiteSpace((char)b[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(b, start, pos - start);
        }
        if (Token() != "P5") throw new InvalidDataException(path + " is not a binary PGM");
        int w = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture), h = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (Token() != "255") throw new InvalidDataException(path + " is not 8-bit");
        pos++;
        return new Pgm(w, h, b.AsSpan(pos, w * h).ToArray());
    }
}

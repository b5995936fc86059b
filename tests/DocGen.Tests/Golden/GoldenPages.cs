using System.Globalization;
using System.Net;
using System.Text;
using DocGen.Tests.Support;

namespace DocGen.Tests.Golden;

/// <summary>
/// Where the golden pages live and how a PDF becomes pages to compare: every page rasterised by poppler's pdftoppm at 100 dpi in
/// 8-bit gray (an A4 page is 827 × 1169 pixels, 三号 text 22 pixels high, readable), rounded to the 16 levels the PNGs store.
/// Golden/EXAMPLE/page-NN.png is page NN of examples/EXAMPLE.json; only scripts/update-golden.sh writes them.
/// </summary>
internal static class GoldenPages
{
    public const int Dpi = 100;

    public static string Folder => Path.Combine(Repo.Root, "tests", "DocGen.Tests", "Golden");

    /// <summary>Where a failed comparison leaves its pictures (ignored by git); scripts/update-golden.sh takes the new pages from here.</summary>
    public static string MismatchFolder => Path.Combine(Repo.Root, "tests", "golden-mismatch");

    public static string GoldenPage(string example, int page) => Path.Combine(Folder, example, PageName(page) + ".png");

    public static string PageName(int page) => "page-" + page.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Golden page numbers present for an example (page-01.png …), in order.</summary>
    public static IReadOnlyList<int> GoldenPageNumbers(string example)
    {
        string dir = Path.Combine(Folder, example);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "page-*.png").Select(f => int.Parse(Path.GetFileNameWithoutExtension(f)[5..], CultureInfo.InvariantCulture)).Order().ToList();
    }

    /// <summary>Every page of the PDF, rasterised in one pdftoppm run and rounded to the stored 16 levels.</summary>
    public static IReadOnlyList<GrayImage> Rasterise(string pdf)
    {
        string dir = DataFiles.TempDir();
        try
        {
            ProcessRunner.RunOk("pdftoppm", "-gray", "-r", Dpi.ToString(CultureInfo.InvariantCulture), pdf, Path.Combine(dir, "p"));
            // pdftoppm pads page numbers to the width of the last one (p-1.pgm … or p-01.pgm …): order by the number.
            return Directory.EnumerateFiles(dir, "p-*.pgm")
                .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[2..], CultureInfo.InvariantCulture))
                .Select(f => GrayImage.ReadPgm(f).ToSixteenLevels()).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Writes what a person needs to judge a mismatch into MismatchFolder/EXAMPLE: per page the new page (page-NN.actual.png), the
    /// golden one (page-NN.expected.png) and the difference (page-NN.diff.png); a page that is no more leaves page-NN.gone. Then
    /// rewrites index.html over every example's folder. Returns the index's path.
    /// </summary>
    public static string WriteMismatch(string example, IReadOnlyList<PageMismatch> mismatches)
    {
        string dir = Path.Combine(MismatchFolder, example);
        Directory.CreateDirectory(dir);
        foreach (var m in mismatches)
        {
            string stem = Path.Combine(dir, PageName(m.Page));
            if (m.Actual is { } actual) actual.WritePng(stem + ".actual.png");
            else File.WriteAllText(stem + ".gone", "");
            if (m.Expected is { } expected) File.Copy(GoldenPage(example, m.Page), stem + ".expected.png", overwrite: true);
            if (m.Actual is not null && m.Expected is not null) PageComparison.WriteDifference(m.Expected, m.Actual, stem + ".diff.png");
            File.WriteAllText(stem + ".txt", m.Reason + "\n");
        }
        return WriteIndex();
    }

    /// <summary>Removes an example's pictures of an earlier failed run, so the folder shows only what fails now.</summary>
    public static void ClearMismatch(string example)
    {
        string dir = Path.Combine(MismatchFolder, example);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        WriteIndex();
    }

    /// <summary>
    /// index.html over what MismatchFolder holds, and this machine's font list (fonts.txt) when it differs from the golden one;
    /// the folder is removed when nothing differs. Returns the index's path.
    /// </summary>
    public static string WriteIndex()
    {
        string index = Path.Combine(MismatchFolder, "index.html"), fonts = Path.Combine(MismatchFolder, "fonts.txt");
        bool fontsDiffer = GoldenFonts.DifferenceFromGolden() is not null;
        var examples = Directory.Exists(MismatchFolder) ? Directory.EnumerateDirectories(MismatchFolder).Order(StringComparer.Ordinal).ToList() : [];
        if (examples.Count == 0 && !fontsDiffer)
        {
            if (Directory.Exists(MismatchFolder)) Directory.Delete(MismatchFolder, recursive: true);
            return index;
        }
        Directory.CreateDirectory(MismatchFolder);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>golden page mismatches</title>\n")
            .Append("<style>body{font-family:sans-serif}img{width:31%;border:1px solid #999;margin-right:1%}</style></head><body>\n")
            .Append("<h1>Pages that differ from their golden page</h1>\n<p>Left: golden page; middle: new page; right: difference ")
            .Append("(red: ink only on the golden page, blue: ink only on the new page, yellow: a smaller change). If the change is ")
            .Append("intended, run <code>scripts/update-golden.sh</code> and look at the pages before committing.</p>\n");
        if (fontsDiffer)
        {
            File.WriteAllText(fonts, GoldenFonts.Manifest);
            html.Append("<p>The fonts differ from those the golden pages were drawn with (<a href=\"fonts.txt\">this machine's</a>).</p>\n");
        }
        else if (File.Exists(fonts)) File.Delete(fonts);
        foreach (var dir in examples)
        {
            string example = Path.GetFileName(dir);
            html.Append("<h2>").Append(WebUtility.HtmlEncode(example)).Append("</h2>\n");
            foreach (var reason in Directory.EnumerateFiles(dir, "page-*.txt").Order(StringComparer.Ordinal))
            {
                string stem = example + "/" + Path.GetFileNameWithoutExtension(reason);
                html.Append("<h3>").Append(WebUtility.HtmlEncode(File.ReadAllText(reason).Trim())).Append("</h3>\n<p>");
                foreach (var kind in new[] { "expected", "actual", "diff" })
                    if (File.Exists(Path.Combine(MismatchFolder, $"{stem}.{kind}.png")))
                        html.Append($"<a href=\"{stem}.{kind}.png\"><img src=\"{stem}.{kind}.png\" alt=\"{kind}\"></a>");
                html.Append("</p>\n");
            }
        }
        File.WriteAllText(index, html.Append("</body></html>\n").ToString());
        return index;
    }
}

/// <summary>One page that is not as its golden page: new (no golden page), gone (no longer rendered) or changed.</summary>
internal sealed record PageMismatch(int Page, GrayImage? Expected, GrayImage? Actual, string Reason);

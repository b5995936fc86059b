using DocGen.Model;
using DocGen.Tests.Pdf;
using DocGen.Tests.Support;

namespace DocGen.Tests.Golden;

/// <summary>
/// A picture when layout changes: every page of every example's PDF against its golden page (see <see cref="GoldenPages"/> and,
/// for the tolerance, <see cref="PageComparison"/>). A mismatch leaves the new, the golden and a difference picture with an
/// index.html in tests/golden-mismatch/ and names it; scripts/update-golden.sh takes the new pages after an intended change.
/// </summary>
public class GoldenPageTests
{
    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Every_page_of_the_example_looks_as_its_golden_page(string example)
    {
        GoldenPages.ClearMismatch(example);
        var pages = GoldenPages.Rasterise(ExampleOutputs.Pdf(example));
        var golden = GoldenPages.GoldenPageNumbers(example);
        var mismatches = new List<PageMismatch>();
        for (int page = 1; page <= Math.Max(pages.Count, golden.Count == 0 ? 0 : golden[^1]); page++)
        {
            var actual = page <= pages.Count ? pages[page - 1] : null;
            var expected = golden.Contains(page) ? GrayImage.ReadPng(GoldenPages.GoldenPage(example, page)) : null;
            if (expected is null) mismatches.Add(new(page, null, actual, $"page {page}: new, no golden page"));
            else if (actual is null) mismatches.Add(new(page, expected, null, $"page {page}: no longer rendered (the PDF has {pages.Count} pages)"));
            else if (PageComparison.ChangedPixels(expected, actual) is > 0 and var changed)
                mismatches.Add(new(page, expected, actual, $"page {page}: {changed} pixels changed by more than {PageComparison.Tolerance} of 255 levels"));
        }
        if (mismatches.Count == 0) return;
        string index = GoldenPages.WriteMismatch(example, mismatches);
        string fonts = GoldenFonts.DifferenceFromGolden() is { } why ? $"\nThe fonts differ, which may be why: {why}" : "";
        Assert.Fail($"{example}: {mismatches.Count} of {pages.Count} pages differ from the golden pages:\n  "
            + string.Join("\n  ", mismatches.Select(m => m.Reason))
            + $"\nLook at {index}; if the change is intended, run scripts/update-golden.sh and look at the pages before committing.{fonts}");
    }

    [Fact]
    public void The_golden_pages_are_drawn_with_the_stand_in_fonts_the_readme_command_installs()
    {
        Assert.True(GoldenFonts.Problems.Count == 0, "golden pages need exactly the fonts scripts/ensure-deps.sh installs:\n" + string.Join("\n", GoldenFonts.Problems));
        if (GoldenFonts.DifferenceFromGolden() is { } why)
        {
            GoldenPages.WriteIndex();
            Assert.Fail($"{why}\nIf the font packages were updated on purpose, run scripts/update-golden.sh (it takes {GoldenPages.MismatchFolder}/fonts.txt).");
        }
    }

    [Fact]
    public void Every_golden_folder_belongs_to_an_example()
    {
        var orphans = Directory.EnumerateDirectories(GoldenPages.Folder).Select(Path.GetFileName).Where(d => !ExampleOutputs.Names.Contains(d)).ToList();
        Assert.True(orphans.Count == 0, "golden pages of no example (scripts/update-golden.sh removes them): " + string.Join(", ", orphans));
    }

    [Fact]
    public void The_update_script_refuses_to_run_in_ci()
    {
        var psi = ProcessRunner.Info("bash", Path.Combine(Repo.Root, "scripts", "update-golden.sh"));
        psi.Environment["CI"] = "true";
        var result = ProcessRunner.Run(psi);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never in CI", result.Stderr);
    }

    [Theory]
    [InlineData("。")]
    [InlineData(".")]
    public void The_comparison_notices_one_missing_full_stop_in_table_text(string stop)
    {
        // The smallest change a reader can see: the closing full stop of a left-aligned 表格文字 cell, the smallest type of the reports.
        static GrayImage Page(string cell)
        {
            var table = new Table("T", [40, 40], 0, [new TableRow([new TableCell(0, 0, [cell], 1, 1, HAlign.Left), new TableCell(0, 1, ["1"]) { IsValue = true }])]);
            var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", "正文。"), table]);
            return GoldenPages.Rasterise(PdfFixture.WriteTemp(PdfFixture.Render(doc), $"golden-stop-{cell.Length}-{(int)cell[^1]}"))[0];
        }
        var with = Page("其他" + stop);
        Assert.Equal(0, PageComparison.ChangedPixels(with, Page("其他" + stop)));
        Assert.InRange(PageComparison.ChangedPixels(with, Page("其他")), 1, 100);
    }
}

using System.Text.RegularExpressions;

namespace DocGen.Tests.Docx;

/// <summary>The sample report converted once by LibreOffice; shared by the rendering tests (each conversion costs ~2 s).</summary>
public sealed class RenderedReport : IDisposable
{
    private readonly Lazy<(string Pdf, int Pages, IReadOnlyList<PdfWord> Words)> _rendered = new(() =>
    {
        string pdf = LibreOffice.ConvertToPdf(DocxFiles.Report, "report");
        var (pages, words) = PdfWords.Read(pdf);
        return (pdf, pages, words);
    });

    public string Pdf => _rendered.Value.Pdf;
    public int Pages => _rendered.Value.Pages;
    internal IReadOnlyList<PdfWord> Words => _rendered.Value.Words;

    public void Dispose()
    {
        if (_rendered.IsValueCreated) LibreOffice.DeleteOutput(_rendered.Value.Pdf);
    }
}

/// <summary>
/// Geometry of the rendered report against GB/T 9704 (mm from the top-left of the sheet): type area 28–184 mm across,
/// 37–262 mm down; 22 lines of 28 characters; page numbers 7 mm below the type area, one 字 (四号) in from alternating sides.
/// </summary>
public class DocxLibreOfficeTests(RenderedReport report) : IClassFixture<RenderedReport>
{
    private const double Left = 28, Right = 184, Top = 37, Bottom = 262;
    private const double CharMm = 156.0 / 28;
    private const double PageNumberCharMm = 14 * 25.4 / 72; // one 四号 character

    [LibreOfficeFact]
    public void Grid_page_holds_exactly_22_lines_of_28_characters()
    {
        var lines = Enumerable.Range(1, 23).Select(n => report.Words.Single(w => w.Text == SampleDocuments.GridLine(n))).ToList();
        int page = lines[0].Page;
        Assert.All(lines.Take(22), l => Assert.Equal(page, l.Page)); // each 26-character line (after the 2-字 indent) stays one line
        Assert.Equal(page + 1, lines[22].Page);                     // and the 23rd starts the next page
        Assert.Equal(page + 1, report.Pages);

        Assert.InRange(lines[0].YMin, Top, Top + 4);
        Assert.InRange(lines[21].YMax, Bottom - 4, Bottom);
        double pitchPt = (lines[21].YMin - lines[0].YMin) / 21 * 72 / 25.4;
        Assert.InRange(pitchPt, 28.8, 29.1); // 225 mm / 22
        Assert.All(lines, l => Assert.InRange(l.XMin, Left + 2 * CharMm - 0.5, Left + 2 * CharMm + 0.8));

        // 27 characters after the indent do not fit: the last one wraps alone.
        var next = report.Words.Where(w => w.Page == page + 1 && w.YMin > lines[22].YMax).OrderBy(w => w.YMin).Take(2).ToList();
        Assert.Equal(SampleDocuments.OverlongLine[..^1], next[0].Text);
        Assert.Equal("溢", next[1].Text);
    }

    [LibreOfficeFact]
    public void Text_appears_in_document_order()
    {
        string text = Regex.Replace(LibreOffice.PdfToText(report.Pdf), @"\s+", "");
        string[] markers =
        [
            "示例机关", "2023年政府信息公开工作年度报告", "根据《中华人民共和国政府信息公开条例》", "一、总体情况",
            "（一）主动公开。全年主动公开政府信息1234条", "三、收到和处理政府信息公开申请情况", "申请人情况", "第０１行", "第２２行", "第２３行",
            "附件：示例统计表",
        ];
        int at = 0;
        foreach (var m in markers)
        {
            int found = text.IndexOf(m, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"「{m}」 not found after position {at}");
            at = found + m.Length;
        }
    }

    [LibreOfficeFact]
    public void Table_values_sit_in_their_grid_columns_row_by_row()
    {
        double[] edges = new double[SampleDocuments.T3WidthsMm.Length + 1];
        edges[0] = Left;
        for (int i = 0; i < SampleDocuments.T3WidthsMm.Length; i++) edges[i + 1] = edges[i] + SampleDocuments.T3WidthsMm[i];

        // The table ends before the page of grid lines that follows it (page numbers are below the type area).
        int gridPage = report.Words.Single(w => w.Text == SampleDocuments.GridLine(1)).Page;
        PdfWord? previousRow = null;
        for (int r = 4; r <= 28; r++)
        {
            var row = Enumerable.Range(4, 7).Select(c => report.Words.Single(w => w.Text == (r * 10 + c - 4).ToString(System.Globalization.CultureInfo.InvariantCulture)
                && w.Page < gridPage && w.YMin < Bottom)).ToList();
            for (int i = 0; i < row.Count; i++)
            {
                Assert.InRange(row[i].XMin, edges[3 + i], edges[4 + i]);
                Assert.InRange(row[i].XMax, edges[3 + i], edges[4 + i]);
                Assert.Equal(row[0].Page, row[i].Page);
                Assert.InRange(row[i].YCentre, row[0].YCentre - 0.3, row[0].YCentre + 0.3);
            }
            if (previousRow is not null)
                Assert.True(row[0].Page > previousRow.Page || row[0].YMin > previousRow.YMax, $"row {r} is not below row {r - 1}");
            previousRow = row[0];
        }
    }

    [LibreOfficeFact]
    public void Merged_labels_are_printed_once_in_their_columns()
    {
        double col1Right = Left + SampleDocuments.T3WidthsMm[0];
        double col2Right = col1Right + SampleDocuments.T3WidthsMm[1];
        // Only words below the table's (repeated) first header row on each page, and on the table's first page below the top
        // of the first row the column's labels span: the labels of the rows above span several columns and wrap (as in the PDF).
        var tableTop = report.Words.Where(w => w.Text == "申请人情况").ToDictionary(w => w.Page, w => w.YMin);
        string Column(double from, double to, string firstRowLabel)
        {
            var first = report.Words.First(w => w.Text.StartsWith(firstRowLabel, StringComparison.Ordinal));
            var top = new Dictionary<int, double>(tableTop) { [first.Page] = first.YMin - 1 };
            return string.Concat(report.Words
                .Where(w => top.TryGetValue(w.Page, out var t) && w.YMin > t && w.XMin >= from && w.XMax <= to && w.YMin < Bottom)
                .OrderBy(w => w.Page).ThenBy(w => w.YMin).Select(w => w.Text));
        }

        // 三、本年度办理结果 spans 22 rows of the ~6 mm column: stacked, in order, once, even across the page break.
        Assert.Equal(SampleDocuments.ResultsLabel, Column(Left, col1Right, "（一）予以公开"));
        Assert.Equal("（三）不予公开（四）无法提供（五）不予处理（六）其他处理", Column(col1Right, col2Right, "1.属于国家秘密"));
        // The header rows repeat on every page the table continues to (its values are 40…286).
        var valuePages = report.Words.Where(w => int.TryParse(w.Text, out int v) && v is >= 40 and <= 286 && w.YMin < Bottom).Select(w => w.Page).Distinct().ToList();
        Assert.True(valuePages.Count >= 2);
        Assert.Equal(valuePages.Order(), report.Words.Where(w => w.Text == "申请人情况").Select(w => w.Page).Order());
    }

    [LibreOfficeFact]
    public void Page_numbers_sit_7mm_below_the_type_area_alternating_sides()
    {
        for (int page = 1; page <= report.Pages; page++)
        {
            var footer = report.Words.Where(w => w.Page == page && w.YMin > Bottom).OrderBy(w => w.XMin).ToList();
            Assert.Equal($"—{page}—", string.Concat(footer.Select(w => w.Text)));
            Assert.All(footer, w => Assert.InRange(w.YMin, Bottom + 7 - 1.5, Bottom + 7 + 1.5));
            if (page % 2 == 1) Assert.InRange(footer[^1].XMax, Right - PageNumberCharMm - 0.3, Right - PageNumberCharMm + 0.3);
            else Assert.InRange(footer[0].XMin, Left + PageNumberCharMm - 0.3, Left + PageNumberCharMm + 0.3);
        }
    }
}

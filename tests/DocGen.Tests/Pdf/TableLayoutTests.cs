using DocGen.Model;
using DocGen.Pdf;

namespace DocGen.Tests.Pdf;

/// <summary>Table 三 of the 2021 format: spans, narrow label column, splitting between rows with repeated headers and labels.</summary>
public class TableLayoutTests
{
    private static readonly LayoutResult Split = PdfFixture.Renderer.Layout(PdfFixture.TableAcrossPages());

    private static List<(PageLayout Page, CellBox Cell)> Cells(LayoutResult r) =>
        r.Pages.SelectMany(p => p.Cells.Select(c => (p, c))).ToList();

    [Fact]
    public void Table_three_breaks_across_pages_between_rows()
    {
        var pages = Cells(Split).Select(x => x.Page.Number).Distinct().ToList();
        Assert.True(pages.Count >= 2, "table 三 should need more than one page here");
        // Every body row appears exactly once outside repeated headers: a row never splits and none is lost.
        var bodyRows = Cells(Split).Where(x => !x.Cell.Repeated && x.Cell.Row >= 3).Select(x => x.Cell.Row).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(3, 25), bodyRows);
        // All cells of a row sit on the same page.
        foreach (var row in Cells(Split).Where(x => x.Cell.RowSpan == 1 && !x.Cell.Repeated).GroupBy(x => x.Cell.Row))
            Assert.Single(row.Select(x => x.Page.Number).Distinct());
    }

    [Fact]
    public void A_row_taller_than_a_page_is_an_error_naming_the_table_and_row_not_a_clipped_page()
    {
        // A 60 mm label column holding 2,000 characters: far taller than the 225 mm type area, and rows never split.
        string longLabel = "不予公开的理由" + string.Concat(Enumerable.Repeat("因涉及第三方合法权益经征求意见后不予公开", 100));
        var table = new Table("applications", [60, 30], 1,
        [
            new TableRow([new TableCell(0, 0, ["项目"]), new TableCell(0, 1, ["件数"])]),
            new TableRow([new TableCell(1, 0, ["（一）予以公开"]), new TableCell(1, 1, ["5"]) { IsValue = true }]),
            new TableRow([new TableCell(2, 0, [longLabel], Align: HAlign.Left), new TableCell(2, 1, ["0"]) { IsValue = true }]),
        ])
        { Source = new SourceRef("tables.applications") };
        var doc = new Document(PdfFixture.Info, PdfFixture.Styles, [PdfFixture.P("body", "正文。"), table]);

        var e = Assert.Throws<DocGenException>(() => PdfFixture.Renderer.Layout(doc));
        Assert.Equal("E-LAYOUT-ROW-TOO-TALL", e.Id);
        Assert.Equal(FailureKind.Template, e.Kind);      // the text is the table's own here; a data file's label override is exit 2 (corpus: label-too-long)
        Assert.Contains("tables.applications第 3 行「不予公开的理由", e.Message);
    }

    [Fact]
    public void Continuation_pages_repeat_the_header_rows_and_the_spanning_label()
    {
        var byPage = Cells(Split).GroupBy(x => x.Page.Number).OrderBy(g => g.Key).ToList();
        foreach (var page in byPage.Skip(1))
        {
            var cells = page.Select(x => x.Cell).ToList();
            // The three header rows, in order, at the top of the table.
            Assert.Contains(cells, c => c.Repeated && c.IsHeader && c.Text == "申请人情况");
            Assert.Contains(cells, c => c.Repeated && c.IsHeader && c.Text == "法人或其他组织");
            Assert.Contains(cells, c => c.Repeated && c.IsHeader && c.Text == "社会公益组织");
            double headerBottom = cells.Where(c => c.IsHeader).Max(c => c.Top + c.Height);
            Assert.All(cells.Where(c => !c.IsHeader), c => Assert.True(c.Top >= headerBottom - 0.01));
            Assert.Equal(PdfFixture.Styles.Page.TopMm, Units.PtToMm(cells.Min(c => c.Top)), 0.5);
        }
        // 三、本年度办理结果 spans 22 rows and runs onto a second page, where its label is drawn again, text and all.
        var labelPages = Split.Pages.Where(p => p.Cells.Any(c => c.Text == "三、本年度办理结果")).ToList();
        Assert.True(labelPages.Count >= 2);
        foreach (var p in labelPages.Skip(1))
        {
            var label = Assert.Single(p.Cells, c => c.Text == "三、本年度办理结果");
            Assert.True(label.Repeated);
            var labelLines = p.Lines.Where(l => l.Row == 5 && l.Column == 0).ToList();
            Assert.Equal("三、本年度办理结果", string.Concat(labelLines.Select(l => l.Text)));
            Assert.All(labelLines, l => Assert.True(l.Top >= label.Top && l.Top + l.Height <= label.Top + label.Height + 0.01));
        }
        Assert.False(Assert.Single(labelPages[0].Cells, c => c.Text == "三、本年度办理结果").Repeated);
    }

    [Fact]
    public void Narrow_label_column_is_set_as_vertical_text_with_the_pause_mark_inside_the_column()
    {
        var page = Split.Pages.First(p => p.Lines.Any(l => l.Row == 5 && l.Column == 0));
        var lines = page.Lines.Where(l => l.Row == 5 && l.Column == 0).ToList();
        Assert.Equal(["三", "、", "本", "年", "度", "办", "理", "结", "果"], lines.Select(l => l.Text));
        var box = page.Cells.Single(c => c.Row == 5 && c.Column == 0);
        // The 、 sits in the upper right of its own cell (vertical setting), and its ink stays inside the column.
        var mark = lines[1].Glyphs[0];
        var ink = mark.Face.InkBox('、')!.Value;
        double inkLeft = lines[1].X + mark.X + ink.XMin * mark.SizePt, inkRight = lines[1].X + mark.X + ink.XMax * mark.SizePt;
        Assert.True(inkLeft > box.X + box.Width / 2 - 1 && inkRight < box.X + box.Width, $"ink {inkLeft:F1}–{inkRight:F1}, column {box.X:F1}–{box.X + box.Width:F1}");
        double inkTop = lines[1].Baseline - ink.YMax * mark.SizePt;
        Assert.True(inkTop < lines[1].Top + lines[1].Height / 2, "the mark should sit in the upper half of its line");
    }

    [Fact]
    public void Cell_text_is_centred_vertically_and_wrapped_to_its_column()
    {
        foreach (var (page, cell) in Cells(Split))
        {
            var lines = page.Lines.Where(l => l.Kind == LineKind.TableCell && l.Row == cell.Row && l.Column == cell.Column).ToList();
            Assert.NotEmpty(lines);
            double textTop = lines.Min(l => l.Top), textBottom = lines.Max(l => l.Top + l.Height);
            Assert.Equal(cell.Top + cell.Height / 2, (textTop + textBottom) / 2, 0.6);
            Assert.All(lines, l => Assert.True(l.X >= cell.X - 0.01 && l.X + l.Width <= cell.X + cell.Width + 0.01, $"{l.Text} leaves its cell"));
        }
    }

    [Fact]
    public void Column_widths_come_from_the_table_and_all_rules_are_half_a_point()
    {
        var table = PdfFixture.TableThree();
        var first = Split.Pages.First(p => p.Cells.Count > 0);
        var corner = first.Cells.First(c => c.Row == 0 && c.Column == 0);
        Assert.Equal(table.ColumnWidthsMm.Take(3).Sum(), Units.PtToMm(corner.Width), 0.01);
        Assert.All(Split.Pages.SelectMany(p => p.Rules), r => Assert.Equal(0.5, r.WidthPt));
        // The table fills the type area width, from the left margin.
        Assert.Equal(28, Units.PtToMm(corner.X), 0.5);
    }

    [Fact]
    public void A_row_is_its_lines_two_cell_margins_and_its_top_rule_high_and_the_table_ends_below_its_bottom_rule()
    {
        // OOXML's cell margins (tblCellMar) lie between the rule and the text, so a rule takes room of its own; LibreOffice
        // sets the DOCX's one-line rows 19.7 pt apart (13.5 pt line, 2 × 2.85 pt margins, 0.5 pt rule), not 19.2 pt.
        var table = new Table("t", [40, 40], 1,
        [
            new TableRow([new TableCell(0, 0, ["项目"]), new TableCell(0, 1, ["件数"])]),
            new TableRow([new TableCell(1, 0, ["予以公开"]), new TableCell(1, 1, ["5"]) { IsValue = true }]),
            new TableRow([new TableCell(2, 0, ["部分公开"]), new TableCell(2, 1, ["0"]) { IsValue = true }]),
        ])
        { Source = new SourceRef("t") };
        var r = PdfFixture.Renderer.Layout(new Document(PdfFixture.Info, PdfFixture.Styles, [table, PdfFixture.P("body", "表后正文。")]));
        var page = r.Pages[0];
        // 1 mm margins as the DOCX writes them: 57 twips = 2.85 pt.
        double rule = 0.5, margin = 57 / 20.0, row = 13.5 + 2 * margin + rule;
        var firstColumn = page.Cells.Where(c => c.Column == 0).OrderBy(c => c.Row).ToList();
        // Cell boxes run along the middle of their rules: the table's top rule lies just inside the type area.
        Assert.Equal(Units.MmToPt(37) + rule / 2, firstColumn[0].Top, 2);
        Assert.All(firstColumn, c => Assert.Equal(row, c.Height, 2));
        var after = page.Lines.Single(l => l.Kind == LineKind.Paragraph);
        Assert.Equal(Units.MmToPt(37) + 3 * row + rule, after.Top, 2);
        // The text sits between the rules' inner edges, a margin from each.
        var line = page.Lines.First(l => l.Kind == LineKind.TableCell && l.Row == 1 && l.Column == 0);
        Assert.Equal(firstColumn[1].Top + rule / 2 + margin, line.Top, 2);
    }

    [Fact]
    public void A_span_label_repeated_on_a_continuation_page_never_makes_its_rows_taller()
    {
        // Word and LibreOffice do not repeat a merged cell's text on the next page, so rows that grew for the repeated label
        // would break the PDF's pages elsewhere than the DOCX's. The label is drawn only where its rows leave room.
        var rows = new List<TableRow> { new([new TableCell(0, 0, ["项目"], ColSpan: 2), new TableCell(0, 2, ["件数"])]) };
        for (int r = 1; r <= 6; r++)
        {
            var cells = new List<TableCell>();
            if (r == 1) cells.Add(new TableCell(1, 0, ["（三）不予公开"], RowSpan: 6));
            cells.Add(new TableCell(r, 1, [$"第{r}项"]));
            cells.Add(new TableCell(r, 2, ["0"]) { IsValue = true });
            rows.Add(new TableRow(cells));
        }
        double row = 13.5 + 2 * 57 / 20.0 + 0.5;
        int crowded = 0;
        for (int filler = 14; filler <= 22; filler++)
        {
            var blocks = Enumerable.Range(0, filler).Select(i => (Block)PdfFixture.P("body", "本段为填充文字。")).ToList();
            blocks.Add(new Table("t", [15, 40, 20], 1, rows) { Source = new SourceRef("t") });
            var r = PdfFixture.Renderer.Layout(new Document(PdfFixture.Info, PdfFixture.Styles, blocks));
            var origin = r.Pages.First(p => p.Cells.Any(c => c.Row == 1 && c.Column == 0 && !c.Repeated));
            int lines = origin.Lines.Count(l => l.Kind == LineKind.TableCell && l.Row == 1 && l.Column == 0);
            foreach (var page in r.Pages.Where(p => p.Cells.Any(c => c.Repeated && !c.IsHeader)))
            {
                Assert.All(page.Cells.Where(c => c.Column == 2 && !c.IsHeader), c => Assert.Equal(row, c.Height, 2));
                var label = page.Cells.Single(c => c.Repeated && !c.IsHeader);
                bool drawn = page.Lines.Any(l => l.Kind == LineKind.TableCell && l.Row == 1 && l.Column == 0);
                if (label.Height - 0.5 - 2 * 57 / 20.0 < lines * 13.5 - 0.01) { crowded++; Assert.False(drawn, $"{filler} filler lines: the label overflows its rows"); }
                else Assert.True(drawn, $"{filler} filler lines: the label has room and is not drawn");
            }
        }
        Assert.True(crowded > 0, "no layout left a repeated label without room");
    }

    [Fact]
    public void A_heading_stays_with_the_table_that_follows_it()
    {
        var filler = Enumerable.Range(0, 19).Select(i => (Block)PdfFixture.P("body", "本段为填充文字。")).ToList();
        filler.Add(PdfFixture.P("heading1", "三、收到和处理政府信息公开申请情况"));
        filler.Add(PdfFixture.TableThree());
        var r = PdfFixture.Renderer.Layout(new Document(PdfFixture.Info, PdfFixture.Styles, filler));
        var headingPage = r.Pages.First(p => p.Lines.Any(l => l.Style == "heading1"));
        Assert.Contains(headingPage.Cells, c => c.Row == 3);
    }
}

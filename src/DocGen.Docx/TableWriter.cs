using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Docx;

/// <summary>
/// Writes a model table through its resolved <see cref="M.TableGrid"/>: an origin cell becomes a w:tc with gridSpan and
/// vMerge="restart"; every row it covers below gets a vMerge continuation cell (which must still hold a w:p).
/// </summary>
internal static class TableWriter
{
    public static W.Table Write(M.StyleSheet sheet, M.Table table, bool pageBreakBefore)
    {
        var grid = new M.TableGrid(table);
        int[] widths = PageGeometry.ColumnTwips(table.ColumnWidthsMm);
        var tableStyle = sheet.Paragraph(table.Style);

        var w = new W.Table();
        w.Append(new TableProperties
        {
            TableStyle = new TableStyle { Val = StyleIds.Table },
            TableWidth = new TableWidth { Width = Str(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
        });
        w.Append(new W.TableGrid(widths.Select(x => new GridColumn { Width = Str(x) })));

        bool blocks = HasLabelRowsInBody(table);
        for (int r = 0; r < grid.RowCount; r++)
        {
            bool keepNext = KeepsWithNext(table, r, blocks);
            var rowProps = new TableRowProperties(new CantSplit());
            var modelRow = table.Rows[r];
            if (modelRow.MinHeightMm > 0)
                rowProps.Append(new TableRowHeight { Val = (uint)M.Units.MmToTwips(modelRow.MinHeightMm), HeightType = HeightRuleValues.AtLeast });
            if (r < table.HeaderRows) rowProps.Append(new TableHeader());
            var row = new TableRow(rowProps);

            for (int c = 0; c < grid.ColumnCount;)
            {
                var cell = grid.At(r, c);
                int width = widths.Skip(cell.Column).Take(cell.ColSpan).Sum();
                bool origin = grid.IsOrigin(r, c);
                var tc = new W.TableCell(CellProperties(cell, width, origin));
                if (origin)
                {
                    var cellStyle = cell.Style is null ? tableStyle : sheet.Paragraph(cell.Style);
                    bool first = true;
                    foreach (var line in cell.Lines.Count == 0 ? [""] : cell.Lines)
                    {
                        var p = CellParagraph(sheet, cell, cellStyle, line);
                        if (keepNext) p.ParagraphProperties!.KeepNext = new KeepNext();
                        if (first && r == 0 && c == 0 && pageBreakBefore) p.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
                        first = false;
                        tc.Append(p);
                    }
                }
                else
                {
                    var ppr = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleIds.Paragraph(sheet, tableStyle) } };
                    if (keepNext) ppr.KeepNext = new KeepNext();
                    tc.Append(new W.Paragraph(ppr));
                }
                row.Append(tc);
                c = cell.Column + cell.ColSpan;
            }
            w.Append(row);
        }
        return w;
    }

    /// <summary>
    /// Word keeps a table row with the next one when every paragraph of the row has keepNext (rows themselves never split:
    /// cantSplit). Kept: the header rows with the first two data rows (a heading above the table then never stands with
    /// one row alone at the foot of a page), a row of labels only with what it introduces, and, in a table made of blocks
    /// (表二: 第二十条第（一）项 / 信息内容 … / values), every row of a block with the next row of that block.
    /// </summary>
    private static bool KeepsWithNext(M.Table table, int row, bool blocks)
    {
        if (row + 1 >= table.Rows.Count) return false;
        if (row < table.HeaderRows + 1) return true;
        if (table.IsLabelRow(row)) return true;
        return blocks && !table.IsLabelRow(row + 1);
    }

    private static bool HasLabelRowsInBody(M.Table table)
    {
        for (int r = table.HeaderRows; r < table.Rows.Count; r++)
            if (table.IsLabelRow(r)) return true;
        return false;
    }

    private static TableCellProperties CellProperties(M.TableCell cell, int widthTwips, bool origin)
    {
        var tcPr = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = Str(widthTwips), Type = TableWidthUnitValues.Dxa },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
        };
        if (cell.ColSpan > 1) tcPr.GridSpan = new GridSpan { Val = cell.ColSpan };
        if (cell.RowSpan > 1)
            tcPr.VerticalMerge = new VerticalMerge { Val = origin ? MergedCellValues.Restart : MergedCellValues.Continue };
        return tcPr;
    }

    private static W.Paragraph CellParagraph(M.StyleSheet sheet, M.TableCell cell, M.ParagraphStyle style, string text)
    {
        var ppr = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleIds.Paragraph(sheet, style) } };
        if (cell.IndentChars != 0)
            ppr.Indentation = new Indentation
            {
                LeftChars = (int)Math.Round(cell.IndentChars * 100),
                Left = Str((int)Math.Round(cell.IndentChars * style.SizePt * 20)),
            };
        // Cell text is never stretched (a justified two-line label reads badly in a narrow column), as in the PDF writer.
        var align = cell.Align == M.HAlign.Justify ? M.HAlign.Left : cell.Align;
        if (align != style.Align) ppr.Justification = new Justification { Val = WordStyles.Justify(align) };

        var p = new W.Paragraph(ppr);
        if (text.Length > 0)
        {
            var run = new Run { RunProperties = new RunProperties { RunFonts = WordStyles.EastAsiaHint() } };
            if (cell.Bold && !style.Bold)
            {
                run.RunProperties.Bold = new Bold();
                run.RunProperties.BoldComplexScript = new BoldComplexScript();
            }
            BodyWriter.AppendText(run, text);
            p.Append(run);
        }
        return p;
    }

    private static string Str(int v) => v.ToString(CultureInfo.InvariantCulture);
}

using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// Writes a model table through its resolved <see cref="M.TableGrid"/>: an origin cell becomes a w:tc with gridSpan and
/// vMerge="restart"; every row it covers below gets a vMerge continuation cell (which must still hold a w:p).
/// </summary>
internal static class TableWriter
{
    public static void Write(WordXml xml, M.StyleSheet sheet, ParagraphStyleIds styleIds, M.Table table, bool pageBreakBefore)
    {
        var grid = new M.TableGrid(table);
        int[] widths = PageGeometry.ColumnTwips(table.ColumnWidthsMm);
        var tableStyle = sheet.Paragraph(table.Style);

        xml.Start("tbl");
        xml.Start("tblPr");
        xml.Empty("tblStyle", "val", StyleIds.Table);
        Width(xml, "tblW", widths.Sum());
        xml.Start("jc");
        xml.Attribute("val", "center");
        xml.End();
        xml.Start("tblLayout");
        xml.Attribute("type", "fixed");
        xml.End();
        xml.End();
        xml.Start("tblGrid");
        foreach (int width in widths) xml.Empty("gridCol", "w", WordXml.Number(width));
        xml.End();

        bool blocks = HasLabelRowsInBody(table);
        for (int r = 0; r < grid.RowCount; r++)
        {
            bool keepNext = KeepsWithNext(table, r, blocks);
            xml.Start("tr");
            xml.Start("trPr");
            xml.Empty("cantSplit");
            var modelRow = table.Rows[r];
            if (modelRow.MinHeightMm > 0)
            {
                xml.Start("trHeight");
                xml.Attribute("val", WordXml.Number(M.Units.MmToTwips(modelRow.MinHeightMm)));
                xml.Attribute("hRule", "atLeast");
                xml.End();
            }
            if (r < table.HeaderRows) xml.Empty("tblHeader");
            xml.End();

            for (int c = 0; c < grid.ColumnCount;)
            {
                var cell = grid.At(r, c);
                int width = 0;
                for (int k = cell.Column; k < cell.Column + cell.ColSpan && k < widths.Length; k++) width += widths[k];
                bool origin = grid.IsOrigin(r, c);
                xml.Start("tc");
                CellProperties(xml, cell, width, origin);
                if (origin)
                {
                    var cellStyle = cell.Style is null ? tableStyle : sheet.Paragraph(cell.Style);
                    bool first = true;
                    foreach (var line in cell.Lines.Count == 0 ? [""] : cell.Lines)
                    {
                        CellParagraph(xml, styleIds.Of(cellStyle), cell, cellStyle, line, keepNext, first && r == 0 && c == 0 && pageBreakBefore);
                        first = false;
                    }
                }
                else
                {
                    xml.Start("p");
                    xml.Start("pPr");
                    xml.Empty("pStyle", "val", styleIds.Of(tableStyle));
                    if (keepNext) xml.Empty("keepNext");
                    xml.End();
                    xml.End();
                }
                xml.End();
                c = cell.Column + cell.ColSpan;
            }
            xml.End();
        }
        xml.End();
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

    private static void CellProperties(WordXml xml, M.TableCell cell, int widthTwips, bool origin)
    {
        xml.Start("tcPr");
        Width(xml, "tcW", widthTwips);
        if (cell.ColSpan > 1) xml.Empty("gridSpan", "val", WordXml.Number(cell.ColSpan));
        if (cell.RowSpan > 1)
        {
            xml.Start("vMerge");
            xml.Attribute("val", origin ? "restart" : "continue");
            xml.End();
        }
        xml.Start("vAlign");
        xml.Attribute("val", "center");
        xml.End();
        xml.End();
    }

    private static void Width(WordXml xml, string element, int twips)
    {
        xml.Start(element);
        xml.Attribute("w", WordXml.Number(twips));
        xml.Attribute("type", "dxa");
        xml.End();
    }

    private static void CellParagraph(WordXml xml, string styleId, M.TableCell cell, M.ParagraphStyle style, string text, bool keepNext, bool pageBreakBefore)
    {
        xml.Start("p");
        xml.Start("pPr");
        xml.Empty("pStyle", "val", styleId);
        if (keepNext) xml.Empty("keepNext");
        if (pageBreakBefore) xml.Empty("pageBreakBefore");
        if (cell.IndentChars != 0)
        {
            xml.Start("ind");
            xml.Attribute("left", WordXml.Number((int)Math.Round(cell.IndentChars * style.SizePt * 20)));
            xml.Attribute("leftChars", WordXml.Number((int)Math.Round(cell.IndentChars * 100)));
            xml.End();
        }
        // Cell text is never stretched (a justified two-line label reads badly in a narrow column), as in the PDF writer.
        var align = cell.Align == M.HAlign.Justify ? M.HAlign.Left : cell.Align;
        if (align != style.Align)
        {
            xml.Start("jc");
            xml.Attribute("val", WordStyles.Justify(align));
            xml.End();
        }
        xml.End();

        if (text.Length > 0)
        {
            xml.Start("r");
            xml.Start("rPr");
            BodyWriter.WriteEastAsiaHint(xml);
            if (cell.Bold && !style.Bold) BodyWriter.WriteBold(xml);
            xml.End();
            BodyWriter.AppendText(xml, text);
            xml.End();
        }
        xml.End();
    }

}

using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>Styles the document needs but a clerk does not pick by hand: the table grid and the page-number paragraphs.</summary>
internal static class UtilityStyles
{
    public const int BorderEighthsOfPoint = (int)(LayoutConstants.TableRuleWidthPt * 8);
    // 1 mm on every side, as the PDF writer pads cells: narrow enough for the ~6 mm column of table 三.
    private static readonly int CellPaddingTwips = M.Units.MmToTwips(LayoutConstants.CellPaddingMm);

    public static void TableGrid(WordXml xml)
    {
        WordStyles.StartStyle(xml, "table", StyleIds.Table);
        xml.Empty("name", "val", "公文表格");
        xml.Start("tblPr");
        xml.Start("tblBorders");
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            xml.Start(side);
            xml.Attribute("val", "single");
            xml.Attribute("color", "000000");
            xml.Attribute("sz", BorderEighthsOfPoint);
            xml.Attribute("space", 0);
            xml.End();
        }
        xml.End();
        xml.Start("tblCellMar");
        foreach (var side in new[] { "top", "left", "bottom", "right" })
        {
            xml.Start(side);
            xml.Attribute("w", CellPaddingTwips);
            xml.Attribute("type", "dxa");
            xml.End();
        }
        xml.End();
        xml.End();
        xml.End();
    }

    /// <summary>四号宋体 page numbers, odd pages flush right and even pages flush left, one 字 in from the type area.</summary>
    public static void PageNumberStyles(WordXml xml, M.StyleSheet sheet, PageGeometry geometry)
    {
        var number = sheet.Page.PageNumber;
        void Make(string id, string name, string jc, bool indentRight)
        {
            WordStyles.StartStyle(xml, "paragraph", id);
            xml.Empty("name", "val", name);
            // Only the footers use them: hidden from the styles pane until used, and not quick styles.
            xml.Empty("semiHidden");
            xml.Empty("unhideWhenUsed");
            xml.Start("pPr");
            WordStyles.OnOff(xml, "snapToGrid", false);
            xml.Start("spacing");
            xml.Attribute("before", 0);
            xml.Attribute("after", 0);
            // Exact height so that the footer distance puts the top of the line 7 mm below the type area.
            WordStyles.ExactLine(xml, geometry.PageNumberLineTwips);
            xml.End();
            xml.Start("ind");
            xml.Attribute(indentRight ? "right" : "left", geometry.PageNumberIndentTwips);
            xml.Attribute(indentRight ? "rightChars" : "leftChars", (int)Math.Round(number.IndentChars * 100));
            xml.Attribute("firstLine", 0);
            xml.Attribute("firstLineChars", 0);
            xml.End();
            xml.Empty("jc", "val", jc);
            xml.End();
            xml.Start("rPr");
            // Page numbers are 半角宋体阿拉伯数字: the digits too are in the role's East Asian face (宋体), not its Latin one.
            string face = FontTable.EastAsiaName(sheet, sheet.Font(number.FontRole));
            WordStyles.WriteFonts(xml, face, face);
            xml.Empty("spacing", "val", "0");
            WordStyles.Sizes(xml, number.SizePt);
            xml.End();
            xml.End();
        }

        Make(StyleIds.PageNumberOdd, "页码（奇数页）", "right", indentRight: true);
        if (number.OddEvenAlternate) Make(StyleIds.PageNumberEven, "页码（偶数页）", "left", indentRight: false);
    }
}

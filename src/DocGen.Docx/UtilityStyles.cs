using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>Styles the document needs but a clerk does not pick by hand: the table grid and the page-number paragraphs.</summary>
internal static class UtilityStyles
{
    public const int BorderEighthsOfPoint = (int)(LayoutConstants.TableRuleWidthPt * 8);
    // 1 mm on every side, as the PDF writer pads cells: narrow enough for the ~6 mm column of table 三.
    private static readonly int CellPaddingTwips = M.Units.MmToTwips(LayoutConstants.CellPaddingMm);

    public static Style TableGrid()
    {
        static T Rule<T>() where T : BorderType, new() => new()
        {
            Val = BorderValues.Single,
            Size = BorderEighthsOfPoint,
            Space = 0,
            Color = "000000",
        };

        var tblPr = new StyleTableProperties
        {
            TableBorders = new TableBorders(
                Rule<TopBorder>(), Rule<LeftBorder>(), Rule<BottomBorder>(), Rule<RightBorder>(),
                Rule<InsideHorizontalBorder>(), Rule<InsideVerticalBorder>()),
            TableCellMarginDefault = new TableCellMarginDefault(
                new TopMargin { Width = CellPaddingTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = (short)CellPaddingTwips, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = CellPaddingTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = (short)CellPaddingTwips, Type = TableWidthValues.Dxa }),
        };
        return new Style
        {
            Type = StyleValues.Table,
            StyleId = StyleIds.Table,
            StyleName = new StyleName { Val = "公文表格" },
            StyleTableProperties = tblPr,
        };
    }

    /// <summary>Page numbers are 半角宋体阿拉伯数字: the digits too are in the role's East Asian face (宋体), not its Latin one.</summary>
    private static RunFonts NumberFonts(M.StyleSheet sheet, M.FontRole role)
    {
        string name = FontTable.EastAsiaName(sheet, role);
        return new RunFonts { Hint = FontTypeHintValues.EastAsia, Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name };
    }

    /// <summary>四号宋体 page numbers, odd pages flush right and even pages flush left, one 字 in from the type area.</summary>
    public static IEnumerable<Style> PageNumberStyles(M.StyleSheet sheet, PageGeometry geometry)
    {
        var number = sheet.Page.PageNumber;
        Style Make(string id, string name, JustificationValues jc, bool indentRight)
        {
            string twips = geometry.PageNumberIndentTwips.ToString(CultureInfo.InvariantCulture);
            int chars = (int)Math.Round(number.IndentChars * 100);
            var ind = indentRight
                ? new Indentation { Right = twips, RightChars = chars, FirstLine = "0", FirstLineChars = 0 }
                : new Indentation { Left = twips, LeftChars = chars, FirstLine = "0", FirstLineChars = 0 };
            var ppr = new StyleParagraphProperties
            {
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines
                {
                    Before = "0",
                    After = "0",
                    // Exact height so that the footer distance puts the top of the line 7 mm below the type area.
                    Line = geometry.PageNumberLineTwips.ToString(CultureInfo.InvariantCulture),
                    LineRule = LineSpacingRuleValues.Exact,
                },
                Indentation = ind,
                Justification = new Justification { Val = jc },
            };
            return new Style
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
                StyleName = new StyleName { Val = name },
                // Only the footers use them: hidden from the styles pane until used, and not quick styles.
                SemiHidden = new SemiHidden(),
                UnhideWhenUsed = new UnhideWhenUsed(),
                StyleParagraphProperties = ppr,
                StyleRunProperties = new StyleRunProperties
                {
                    RunFonts = NumberFonts(sheet, sheet.Font(number.FontRole)),
                    Spacing = new Spacing { Val = 0 },
                    FontSize = new FontSize { Val = WordStyles.HalfPoints(number.SizePt) },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = WordStyles.HalfPoints(number.SizePt) },
                },
            };
        }

        yield return Make(StyleIds.PageNumberOdd, "页码（奇数页）", JustificationValues.Right, indentRight: true);
        if (number.OddEvenAlternate)
            yield return Make(StyleIds.PageNumberEven, "页码（偶数页）", JustificationValues.Left, indentRight: false);
    }
}

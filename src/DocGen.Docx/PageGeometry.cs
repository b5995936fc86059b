using DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// The page numbers Word needs, in twips, derived once from the style sheet's <see cref="PageSetup"/>.
/// Grid pitches are rounded down so that the 22 lines and 28 characters of GB/T 9704 always fit the type area.
/// </summary>
internal sealed class PageGeometry
{
    /// <summary>Word's character grid is expressed relative to the default font size, in 1/4096 pt.</summary>
    private const int CharSpaceUnitsPerPoint = 4096;

    public PageGeometry(StyleSheet styles)
    {
        var page = styles.Page;
        WidthTwips = Units.MmToTwips(page.WidthMm);
        HeightTwips = Units.MmToTwips(page.HeightMm);
        TopTwips = Units.MmToTwips(page.TopMm);
        BottomTwips = Units.MmToTwips(page.BottomMm);
        LeftTwips = Units.MmToTwips(page.LeftMm);
        RightTwips = Units.MmToTwips(page.RightMm);
        TypeAreaWidthTwips = WidthTwips - LeftTwips - RightTwips;
        TypeAreaHeightTwips = HeightTwips - TopTwips - BottomTwips;

        LinePitchTwips = TypeAreaHeightTwips / page.LinesPerPage;
        BodySizePt = styles.Paragraph("body").SizePt;

        // Word lays out (default font size + charSpace/4096 pt) per grid character; round towards a smaller pitch
        // so that 28 characters never overflow the 156 mm line.
        double pitchPt = TypeAreaWidthTwips / 20.0 / page.CharsPerLine;
        CharSpace = (int)Math.Floor((pitchPt - BodySizePt) * CharSpaceUnitsPerPoint);
        CharPitchPt = pitchPt;
        CharsPerLine = page.CharsPerLine;

        var number = page.PageNumber;
        PageNumberLineTwips = Units.PtToTwips(number.SizePt);
        // The page-number line starts OffsetBelowMm under the type area. Word measures the footer from
        // the paper's bottom edge to the bottom of the footer text, so subtract the (exact) line height.
        FooterTwips = BottomTwips - Units.MmToTwips(number.OffsetBelowMm) - PageNumberLineTwips;
        // "One 字 in" counted in characters of the page number itself (四号), as the PDF writer does; in Word this is the
        // paragraph's "1 字符" indent.
        PageNumberIndentTwips = Units.PtToTwips(number.IndentChars * number.SizePt);
    }

    public int WidthTwips { get; }
    public int HeightTwips { get; }
    public int TopTwips { get; }
    public int BottomTwips { get; }
    public int LeftTwips { get; }
    public int RightTwips { get; }
    public int TypeAreaWidthTwips { get; }
    public int TypeAreaHeightTwips { get; }
    public int LinePitchTwips { get; }
    public int CharSpace { get; }
    public double CharPitchPt { get; }
    public int CharsPerLine { get; }
    public double BodySizePt { get; }
    public int PageNumberLineTwips { get; }
    public int FooterTwips { get; }
    public int PageNumberIndentTwips { get; }

    /// <summary>
    /// Converts column widths in mm to twips by rounding the column edges, not each width, so the columns add up
    /// exactly to the rounded table width.
    /// </summary>
    public static int[] ColumnTwips(IReadOnlyList<double> widthsMm)
    {
        var result = new int[widthsMm.Count];
        double edgeMm = 0;
        int previous = 0;
        for (int i = 0; i < widthsMm.Count; i++)
        {
            edgeMm += widthsMm[i];
            int edge = Units.MmToTwips(edgeMm);
            result[i] = edge - previous;
            previous = edge;
        }
        return result;
    }
}

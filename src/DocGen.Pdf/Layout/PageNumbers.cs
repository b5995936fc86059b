using DocGen.Model;

namespace DocGen.Pdf.Layout;

/// <summary>
/// Page numbers: "— n —" in 4号半角宋体阿拉伯数字 (the digits from the 宋体 role's own face, not its Latin one), the top of the number line 7 mm below the type area,
/// odd pages right-aligned and even pages left-aligned, one character in from the edge of the type area.
/// </summary>
internal static class PageNumbers
{
    public static void Add(PageBuilder page, StyleSheet s, FontContext fonts)
    {
        var pn = s.Page.PageNumber;
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, pn.Format, page.Number);
        var atoms = fonts.Atoms([(text, pn.FontRole, false)], pn.SizePt, null, new Paragraph("pageNumber", []) { Source = new SourceRef("页码格式（styles.json page.pageNumber.format）") }, text,
            latinFirst: false);
        var line = new BrokenLine(0, atoms.Count, atoms.Sum(a => a.Advance), false);
        var (glyphs, width, _) = LineSetter.Set(atoms, line, line.Width, HAlign.Left, true);
        double left = Units.MmToPt(s.Page.LeftMm), right = left + Units.MmToPt(s.Page.TypeAreaWidthMm);
        double indent = pn.IndentChars * pn.SizePt;
        bool odd = page.Number % 2 == 1 || !pn.OddEvenAlternate;
        double x = odd ? right - indent - width : left + indent;
        double top = Units.MmToPt(s.Page.TopMm + s.Page.TypeAreaHeightMm + pn.OffsetBelowMm);
        page.Lines.Add(new LaidLine(LineKind.PageNumber, "pageNumber", -1, x, top, pn.SizePt, top + LayoutConstants.BaselineEm * pn.SizePt, width, glyphs));
    }
}

namespace DocGen.Typography;

/// <summary>
/// The numbers of the page layout that are not in the style sheet, named once for both writers (and the PDF's fonts).
/// </summary>
public static class LayoutConstants
{
    /// <summary>
    /// Where the baseline sits in an em box, from its top: 0.88 em, the ideographic em box of CJK fonts (ascent 880/1000 in
    /// Noto CJK, Source Han and the Windows Chinese fonts), so a line's glyphs sit centred in its line box.
    /// </summary>
    public const double BaselineEm = 0.88;

    /// <summary>
    /// Room a paragraph line keeps free at its end, in points, so that a line holds what LibreOffice's line holds: it sets
    /// the first character of every line about 0.73 pt inside the margin (pdftotext -bbox on its PDF of our DOCX), and over
    /// the four examples its lines took up to 440.9 pt of the 442.2 pt measure and refused 441.4 pt, measured as DocGen
    /// measures them. Justification still spreads each full line over the whole measure.
    /// </summary>
    public const double LineEndReservePt = 1.0;

    /// <summary>Line pitch of text off the body grid without its own pitch (tables, titles): 1.3 × the font size.</summary>
    public const double OffGridLineSpacing = 1.3;

    /// <summary>Space between a table cell's border and its text, on all four sides, in mm.</summary>
    public const double CellPaddingMm = 1.0;

    /// <summary>
    /// Width of a table's rules (single lines of 0.5 pt, as in the published reports). A rule takes room of its own: OOXML's
    /// cell margins (tblCellMar) lie between the border and the text, so a row is its text, two margins and its top rule
    /// high, and a table one more rule at its foot (LibreOffice draws our DOCX's 13.5 pt rows 19.7 pt apart).
    /// </summary>
    public const double TableRuleWidthPt = 0.5;

    /// <summary>Word's header distance from the top edge of the sheet: 851 twips, the 1.5 cm Word writes; DocGen has no header text.</summary>
    public const int HeaderDistanceTwips = 851;

    /// <summary>Default tab stop: two characters of 五号 (2 × 10.5 pt), Word's default for Chinese documents.</summary>
    public const double DefaultTabStopPt = 21.0;

    /// <summary>
    /// The dominant vertical stem width written in the PDF font descriptors (/StemV, in glyph units). PDF readers use it only
    /// to synthesise a substitute when the embedded font cannot be used; 80 is a regular weight.
    /// </summary>
    public const int StemV = 80;
}

using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// Builds styles.xml: one real, named Word style per paragraph and character style of the style sheet, so that a clerk
/// can restyle the whole report in Word. Document text carries only a style reference, except where a single
/// paragraph or cell differs (cell alignment, bold spans). Elements and attributes are written in the schema's order
/// (ECMA-376 Part 1, CT_Style, CT_PPr, CT_RPr), which Word requires and the tests check with the SDK's validator.
/// </summary>
internal static class WordStyles
{
    /// <summary>w:hint's value that makes General Punctuation take the East Asian font (<see cref="WriteFonts"/>).</summary>
    public const string EastAsiaHint = "eastAsia";

    public static byte[] Build(M.Document doc, PageGeometry geometry) => WordXml.Part(xml =>
    {
        var sheet = doc.Styles;
        var body = sheet.Paragraph("body");
        var tableStyles = TableParagraphStyles(doc);
        xml.Start("styles");
        DocDefaults(xml, sheet, body, doc.Info.Language);
        NormalStyle(xml, sheet, body, geometry);
        foreach (var key in sheet.Paragraphs.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var style = sheet.Paragraphs[key];
            // Enter after a heading, the title or a note gives body text; inside a table cell it stays table text.
            string? next = key == body.Name || tableStyles.Contains(key) ? null : StyleIds.Paragraph(sheet, body);
            ParagraphStyle(xml, sheet, style, geometry, next);
        }
        foreach (var key in sheet.Characters.Keys.OrderBy(k => k, StringComparer.Ordinal))
            CharacterStyle(xml, sheet, sheet.Characters[key]);
        UtilityStyles.TableGrid(xml);
        UtilityStyles.PageNumberStyles(xml, sheet, geometry);
        xml.End();
    });

    /// <summary>Styles of table cells: Enter inside a cell keeps them (no w:next).</summary>
    private static HashSet<string> TableParagraphStyles(M.Document doc)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in doc.Blocks.OfType<M.Table>())
        {
            set.Add(table.Style);
            foreach (var row in table.Rows)
                foreach (var cell in row.Cells)
                    if (cell.Style is { } cs) set.Add(cs);
        }
        return set;
    }

    private static void DocDefaults(WordXml xml, M.StyleSheet sheet, M.ParagraphStyle body, string language)
    {
        xml.Start("docDefaults");
        xml.Start("rPrDefault");
        xml.Start("rPr");
        WriteFonts(xml, sheet, sheet.Font(body.FontRole));
        Sizes(xml, body.SizePt);
        xml.Start("lang");
        xml.Attribute("val", "en-US");
        xml.Attribute("eastAsia", language);
        xml.Attribute("bidi", "ar-SA");
        xml.End();
        xml.End();
        xml.End();
        xml.Start("pPrDefault");
        xml.Start("pPr");
        // GB/T 9704 fills every page with exactly 22 lines: widow/orphan control would shorten pages.
        OnOff(xml, "widowControl", false);
        OnOff(xml, "kinsoku", true);
        OnOff(xml, "overflowPunct", true);
        // The space between Chinese and Latin letters (DE) and digits (DN) that the PDF sets too (CjkLatinSpacing),
        // stated rather than left to each word processor's default.
        OnOff(xml, "autoSpaceDE", sheet.CjkLatinSpacingEm > 0);
        OnOff(xml, "autoSpaceDN", sheet.CjkLatinSpacingEm > 0);
        xml.End();
        xml.End();
        xml.End();
    }

    /// <summary>
    /// Word's built-in "Normal" (shown as 正文 in Chinese Word) as the default paragraph style, set like body text with its
    /// two-character first-line indent, so a paragraph the clerk adds is body text. LibreOffice sizes the document grid's
    /// character cell from this style alone (by its built-in name).
    /// </summary>
    private static void NormalStyle(WordXml xml, M.StyleSheet sheet, M.ParagraphStyle body, PageGeometry geometry)
    {
        StartStyle(xml, "paragraph", StyleIds.Normal, isDefault: true);
        xml.Empty("name", "val", "Normal");
        xml.Empty("qFormat");
        xml.Start("pPr");
        OnOff(xml, "snapToGrid", false);
        LineSpacing(xml, body with { SpaceBeforeLines = 0, SpaceAfterLines = 0 }, geometry);
        Indentation(xml, body);
        xml.Empty("jc", "val", Justify(body.Align));
        xml.End();
        RunProperties(xml, sheet, body, geometry);
        xml.End();
    }

    private static void ParagraphStyle(WordXml xml, M.StyleSheet sheet, M.ParagraphStyle s, PageGeometry geometry, string? next)
    {
        int headingLevel = StyleIds.HeadingLevel(sheet, s);
        StartStyle(xml, "paragraph", StyleIds.Paragraph(sheet, s));
        // Word localises the built-in names itself (heading 1 is 标题 1 in Chinese Word); the sheet's name becomes an alias.
        xml.Empty("name", "val", headingLevel > 0 ? $"heading {headingLevel}" : s.DisplayName);
        if (headingLevel > 0) xml.Empty("aliases", "val", s.DisplayName);
        xml.Empty("basedOn", "val", StyleIds.Normal);
        if (next is not null) xml.Empty("next", "val", next);
        if (headingLevel > 0) xml.Empty("uiPriority", "val", "9");
        xml.Empty("qFormat");
        xml.Start("pPr");
        if (s.KeepWithNext) xml.Empty("keepNext");
        if (s.PageBreakBefore) xml.Empty("pageBreakBefore");
        // Every style is written off the document grid and emulates it instead (see LineSpacing and RunProperties):
        // LibreOffice cannot lay out a grid cell narrower than the font (15.79 pt cells for 16 pt 三号), and
        // sets such text at about 16 characters per line.
        OnOff(xml, "snapToGrid", false);
        LineSpacing(xml, s, geometry);
        Indentation(xml, s);
        xml.Empty("jc", "val", Justify(s.Align));
        if (s.OutlineLevel > 0) xml.Empty("outlineLvl", "val", WordXml.Number(s.OutlineLevel - 1));
        xml.End();
        RunProperties(xml, sheet, s, geometry);
        xml.End();
    }

    /// <summary>w:style with its type and id (and w:default for the default style), left open for its contents.</summary>
    public static void StartStyle(WordXml xml, string type, string id, bool isDefault = false)
    {
        xml.Start("style");
        xml.Attribute("type", type);
        xml.Attribute("styleId", id);
        if (isDefault) xml.Attribute("default", true);
    }

    private static void RunProperties(WordXml xml, M.StyleSheet sheet, M.ParagraphStyle s, PageGeometry geometry)
    {
        xml.Start("rPr");
        WriteFonts(xml, sheet, sheet.Font(s.FontRole));
        if (s.Bold) BodyWriter.WriteBold(xml);
        // Set in every style, 0 where the style is off the grid: a style based on Normal would otherwise inherit its condensing.
        xml.Empty("spacing", "val", WordXml.Number(GridCondensing(s, geometry) ?? 0));
        Sizes(xml, s.SizePt);
        xml.End();
    }

    /// <summary>w:sz and w:szCs, in half points.</summary>
    public static void Sizes(WordXml xml, double pt)
    {
        xml.Empty("sz", "val", HalfPoints(pt));
        xml.Empty("szCs", "val", HalfPoints(pt));
    }

    /// <summary>A style on the grid is condensed as the PDF measures it (<see cref="GridSqueeze"/>), in twentieths of a point.</summary>
    private static int? GridCondensing(M.ParagraphStyle s, PageGeometry geometry) =>
        s.SnapToGrid && GridSqueeze.CondensingPt(geometry.CharPitchPt, geometry.CharsPerLine, s.SizePt) is { } pt ? (int)Math.Round(pt * 20) : null;

    /// <summary>
    /// Lines on the grid get the grid pitch as exact line spacing (22 lines fill the type area); styles off the grid
    /// use their own pitch or single spacing. Space before and after is in grid lines (Word's 行 unit, beforeLines is
    /// in hundredths of the document grid's line pitch) and, for LibreOffice, which reads only twips, the same in twips.
    /// </summary>
    private static void LineSpacing(WordXml xml, M.ParagraphStyle s, PageGeometry geometry)
    {
        xml.Start("spacing");
        xml.Attribute("before", Twips(s.SpaceBeforeLines * geometry.LinePitchTwips));
        if (s.SpaceBeforeLines > 0) xml.Attribute("beforeLines", (int)Math.Round(s.SpaceBeforeLines * 100));
        xml.Attribute("after", Twips(s.SpaceAfterLines * geometry.LinePitchTwips));
        if (s.SpaceAfterLines > 0) xml.Attribute("afterLines", (int)Math.Round(s.SpaceAfterLines * 100));
        if (s.LinePitchPt is { } pitch) ExactLine(xml, M.Units.PtToTwips(pitch));
        else if (s.SnapToGrid) ExactLine(xml, geometry.LinePitchTwips);
        else
        {
            xml.Attribute("line", "240");
            xml.Attribute("lineRule", "auto");
        }
        xml.End();
    }

    /// <summary>w:line and w:lineRule="exact": a line exactly this many twips high.</summary>
    public static void ExactLine(WordXml xml, int twips)
    {
        xml.Attribute("line", twips);
        xml.Attribute("lineRule", "exact");
    }

    private static void Indentation(WordXml xml, M.ParagraphStyle s)
    {
        // LibreOffice ignores firstLineChars/leftChars without the twips values, Word prefers the chars: write both.
        xml.Start("ind");
        if (s.LeftIndentChars != 0)
        {
            xml.Attribute("left", Twips(s.LeftIndentChars * s.SizePt * 20));
            xml.Attribute("leftChars", (int)Math.Round(s.LeftIndentChars * 100));
        }
        xml.Attribute("firstLine", Twips(s.FirstLineIndentChars * s.SizePt * 20));
        xml.Attribute("firstLineChars", (int)Math.Round(s.FirstLineIndentChars * 100));
        xml.End();
    }

    private static void CharacterStyle(WordXml xml, M.StyleSheet sheet, M.CharacterStyle c)
    {
        StartStyle(xml, "character", StyleIds.Character(c.Name));
        xml.Empty("name", "val", c.DisplayName);
        // Applied by the numbering rules, not picked by hand: not a quick style.
        xml.Start("rPr");
        if (c.FontRole is not null) WriteFonts(xml, sheet, sheet.Font(c.FontRole));
        if (c.Bold is { } bold)
        {
            OnOff(xml, "b", bold);
            OnOff(xml, "bCs", bold);
        }
        xml.End();
        xml.End();
    }

    /// <summary>
    /// A role's fonts with w:hint="eastAsia". Word picks the font of each character from its Unicode block: Basic Latin always takes ascii, but General Punctuation (“ ” ‘ ’ — …) and some Latin-1
    /// characters (·) take the East Asian font only when the hint says eastAsia, and hAnsi (Times New Roman) otherwise.
    /// Digits and Latin letters are Basic Latin and keep Times New Roman either way.
    /// </summary>
    public static void WriteFonts(WordXml xml, M.StyleSheet sheet, M.FontRole role) =>
        WriteFonts(xml, role.LatinName, FontTable.EastAsiaName(sheet, role));

    /// <summary>w:rFonts with the hint, one name for ascii, hAnsi and cs, another for eastAsia.</summary>
    public static void WriteFonts(WordXml xml, string latin, string eastAsia)
    {
        xml.Start("rFonts");
        xml.Attribute("hint", EastAsiaHint);
        xml.Attribute("ascii", latin);
        xml.Attribute("hAnsi", latin);
        xml.Attribute("eastAsia", eastAsia);
        xml.Attribute("cs", latin);
        xml.End();
    }

    /// <summary>An on/off property with its value written out, as w:val="true" or "false".</summary>
    public static void OnOff(WordXml xml, string name, bool value)
    {
        xml.Start(name);
        xml.Attribute("val", value);
        xml.End();
    }

    public static string Justify(M.HAlign align) => align switch
    {
        M.HAlign.Left => "left",
        M.HAlign.Center => "center",
        M.HAlign.Right => "right",
        _ => "both",
    };

    public static string HalfPoints(double pt) => WordXml.Number((int)Math.Round(pt * 2));

    public static string Twips(double twips) => WordXml.Number((int)Math.Round(twips));
}

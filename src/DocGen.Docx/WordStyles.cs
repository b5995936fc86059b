using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// Builds styles.xml: one real, named Word style per paragraph and character style of the style sheet, so that a clerk
/// can restyle the whole report in Word. Document text carries only a style reference, except where a single
/// paragraph or cell differs (cell alignment, bold spans).
/// </summary>
internal static class WordStyles
{

    public static Styles Build(M.Document doc, PageGeometry geometry)
    {
        var sheet = doc.Styles;
        var body = sheet.Paragraph("body");
        var styles = new Styles(DocDefaults(sheet, body, doc.Info.Language), NormalStyle(sheet, body, geometry));
        var tableStyles = TableParagraphStyles(doc);

        foreach (var key in sheet.Paragraphs.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var style = sheet.Paragraphs[key];
            // Enter after a heading, the title or a note gives body text; inside a table cell it stays table text.
            string? next = key == body.Name || tableStyles.Contains(key) ? null : StyleIds.Paragraph(sheet, body);
            styles.Append(ParagraphStyle(sheet, style, geometry, next));
        }
        foreach (var key in sheet.Characters.Keys.OrderBy(k => k, StringComparer.Ordinal))
            styles.Append(CharacterStyle(sheet, sheet.Characters[key]));

        styles.Append(UtilityStyles.TableGrid());
        foreach (var pageNumberStyle in UtilityStyles.PageNumberStyles(sheet, geometry))
            styles.Append(pageNumberStyle);
        return styles;
    }

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

    private static DocDefaults DocDefaults(M.StyleSheet sheet, M.ParagraphStyle body, string language)
    {
        var runDefaults = new RunPropertiesBaseStyle
        {
            RunFonts = Fonts(sheet, sheet.Font(body.FontRole)),
            FontSize = new FontSize { Val = HalfPoints(body.SizePt) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(body.SizePt) },
            Languages = new Languages { Val = "en-US", EastAsia = language, Bidi = "ar-SA" },
        };
        var paragraphDefaults = new ParagraphPropertiesBaseStyle
        {
            // GB/T 9704 fills every page with exactly 22 lines: widow/orphan control would shorten pages.
            WidowControl = new WidowControl { Val = false },
            Kinsoku = new Kinsoku { Val = true },
            OverflowPunctuation = new OverflowPunctuation { Val = true },
            // The space between Chinese and Latin letters (DE) and digits (DN) that the PDF sets too (CjkLatinSpacing),
            // stated rather than left to each word processor's default.
            AutoSpaceDE = new AutoSpaceDE { Val = sheet.CjkLatinSpacingEm > 0 },
            AutoSpaceDN = new AutoSpaceDN { Val = sheet.CjkLatinSpacingEm > 0 },
        };
        return new DocDefaults(
            new RunPropertiesDefault(runDefaults),
            new ParagraphPropertiesDefault(paragraphDefaults));
    }

    /// <summary>
    /// Word's built-in "Normal" (shown as 正文 in Chinese Word) as the default paragraph style, set like body text with its
    /// two-character first-line indent, so a paragraph the clerk adds is body text. LibreOffice sizes the document grid's
    /// character cell from this style alone (by its built-in name).
    /// </summary>
    private static Style NormalStyle(M.StyleSheet sheet, M.ParagraphStyle body, PageGeometry geometry) => new()
    {
        Type = StyleValues.Paragraph,
        StyleId = StyleIds.Normal,
        Default = true,
        StyleName = new StyleName { Val = "Normal" },
        PrimaryStyle = new PrimaryStyle(),
        StyleParagraphProperties = new StyleParagraphProperties
        {
            SnapToGrid = new SnapToGrid { Val = false },
            SpacingBetweenLines = LineSpacing(body with { SpaceBeforeLines = 0, SpaceAfterLines = 0 }, geometry),
            Indentation = Indentation(body),
            Justification = new Justification { Val = Justify(body.Align) },
        },
        StyleRunProperties = RunProperties(sheet, body, geometry),
    };

    private static Style ParagraphStyle(M.StyleSheet sheet, M.ParagraphStyle s, PageGeometry geometry, string? next)
    {
        var ppr = new StyleParagraphProperties();
        if (s.KeepWithNext) ppr.KeepNext = new KeepNext();
        if (s.PageBreakBefore) ppr.PageBreakBefore = new PageBreakBefore();
        // Every style is written off the document grid and emulates it instead (see LineSpacing and RunProperties):
        // LibreOffice cannot lay out a grid cell narrower than the font (15.79 pt cells for 16 pt 三号), and
        // sets such text at about 16 characters per line.
        ppr.SnapToGrid = new SnapToGrid { Val = false };
        ppr.SpacingBetweenLines = LineSpacing(s, geometry);
        ppr.Indentation = Indentation(s);
        ppr.Justification = new Justification { Val = Justify(s.Align) };
        if (s.OutlineLevel > 0) ppr.OutlineLevel = new OutlineLevel { Val = s.OutlineLevel - 1 };

        int headingLevel = StyleIds.HeadingLevel(sheet, s);
        var style = new Style
        {
            Type = StyleValues.Paragraph,
            StyleId = StyleIds.Paragraph(sheet, s),
            // Word localises the built-in names itself (heading 1 is 标题 1 in Chinese Word); the sheet's name becomes an alias.
            StyleName = new StyleName { Val = headingLevel > 0 ? $"heading {headingLevel}" : s.DisplayName },
            BasedOn = new BasedOn { Val = StyleIds.Normal },
            PrimaryStyle = new PrimaryStyle(),
            StyleParagraphProperties = ppr,
            StyleRunProperties = RunProperties(sheet, s, geometry),
        };
        if (headingLevel > 0)
        {
            style.Aliases = new Aliases { Val = s.DisplayName };
            style.UIPriority = new UIPriority { Val = 9 };
        }
        if (next is not null) style.NextParagraphStyle = new NextParagraphStyle { Val = next };
        return style;
    }

    private static StyleRunProperties RunProperties(M.StyleSheet sheet, M.ParagraphStyle s, PageGeometry geometry)
    {
        var rpr = new StyleRunProperties { RunFonts = Fonts(sheet, sheet.Font(s.FontRole)) };
        if (s.Bold)
        {
            rpr.Bold = new Bold();
            rpr.BoldComplexScript = new BoldComplexScript();
        }
        // Set in every style, 0 where the style is off the grid: a style based on Normal would otherwise inherit its condensing.
        rpr.Spacing = new Spacing { Val = GridCondensing(s, geometry) ?? 0 };
        rpr.FontSize = new FontSize { Val = HalfPoints(s.SizePt) };
        rpr.FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(s.SizePt) };
        return rpr;
    }

    /// <summary>A style on the grid is condensed as the PDF measures it (<see cref="GridSqueeze"/>), in twentieths of a point.</summary>
    private static int? GridCondensing(M.ParagraphStyle s, PageGeometry geometry) =>
        s.SnapToGrid && GridSqueeze.CondensingPt(geometry.CharPitchPt, geometry.CharsPerLine, s.SizePt) is { } pt ? (int)Math.Round(pt * 20) : null;

    /// <summary>
    /// Lines on the grid get the grid pitch as exact line spacing (22 lines fill the type area); styles off the grid
    /// use their own pitch or single spacing. Space before and after is in grid lines (Word's 行 unit, beforeLines is
    /// in hundredths of the document grid's line pitch) and, for LibreOffice, which reads only twips, the same in twips.
    /// </summary>
    private static SpacingBetweenLines LineSpacing(M.ParagraphStyle s, PageGeometry geometry)
    {
        var spacing = new SpacingBetweenLines
        {
            Before = Twips(s.SpaceBeforeLines * geometry.LinePitchTwips),
            After = Twips(s.SpaceAfterLines * geometry.LinePitchTwips),
        };
        if (s.SpaceBeforeLines > 0) spacing.BeforeLines = (int)Math.Round(s.SpaceBeforeLines * 100);
        if (s.SpaceAfterLines > 0) spacing.AfterLines = (int)Math.Round(s.SpaceAfterLines * 100);
        if (s.LinePitchPt is { } pitch)
        {
            spacing.Line = M.Units.PtToTwips(pitch).ToString(CultureInfo.InvariantCulture);
            spacing.LineRule = LineSpacingRuleValues.Exact;
        }
        else if (s.SnapToGrid)
        {
            spacing.Line = geometry.LinePitchTwips.ToString(CultureInfo.InvariantCulture);
            spacing.LineRule = LineSpacingRuleValues.Exact;
        }
        else
        {
            spacing.Line = "240";
            spacing.LineRule = LineSpacingRuleValues.Auto;
        }
        return spacing;
    }

    private static Indentation Indentation(M.ParagraphStyle s)
    {
        // LibreOffice ignores firstLineChars/leftChars without the twips values, Word prefers the chars: write both.
        var ind = new Indentation
        {
            FirstLineChars = (int)Math.Round(s.FirstLineIndentChars * 100),
            FirstLine = Twips(s.FirstLineIndentChars * s.SizePt * 20),
        };
        if (s.LeftIndentChars != 0)
        {
            ind.LeftChars = (int)Math.Round(s.LeftIndentChars * 100);
            ind.Left = Twips(s.LeftIndentChars * s.SizePt * 20);
        }
        return ind;
    }

    private static Style CharacterStyle(M.StyleSheet sheet, M.CharacterStyle c)
    {
        var rpr = new StyleRunProperties();
        if (c.FontRole is not null) rpr.RunFonts = Fonts(sheet, sheet.Font(c.FontRole));
        if (c.Bold is { } bold)
        {
            rpr.Bold = new Bold { Val = bold };
            rpr.BoldComplexScript = new BoldComplexScript { Val = bold };
        }
        return new Style
        {
            Type = StyleValues.Character,
            StyleId = StyleIds.Character(c.Name),
            StyleName = new StyleName { Val = c.DisplayName },
            // Applied by the numbering rules, not picked by hand: not a quick style.
            StyleRunProperties = rpr,
        };
    }

    /// <summary>
    /// A role's fonts with w:hint="eastAsia". Word picks the font of each character from its Unicode block: Basic Latin always takes ascii, but General Punctuation (“ ” ‘ ’ — …) and some Latin-1
    /// characters (·) take the East Asian font only when the hint says eastAsia, and hAnsi (Times New Roman) otherwise.
    /// Digits and Latin letters are Basic Latin and keep Times New Roman either way.
    /// </summary>
    public static RunFonts Fonts(M.StyleSheet sheet, M.FontRole role) => new()
    {
        Hint = FontTypeHintValues.EastAsia,
        Ascii = role.LatinName,
        HighAnsi = role.LatinName,
        EastAsia = FontTable.EastAsiaName(sheet, role),
        ComplexScript = role.LatinName,
    };

    /// <summary>The hint alone, for a run's own properties: the fonts come from its style.</summary>
    public static RunFonts EastAsiaHint() => new() { Hint = FontTypeHintValues.EastAsia };

    public static JustificationValues Justify(M.HAlign align) => align switch
    {
        M.HAlign.Left => JustificationValues.Left,
        M.HAlign.Center => JustificationValues.Center,
        M.HAlign.Right => JustificationValues.Right,
        _ => JustificationValues.Both,
    };

    public static string HalfPoints(double pt) => ((int)Math.Round(pt * 2)).ToString(CultureInfo.InvariantCulture);

    public static string Twips(double twips) => ((int)Math.Round(twips)).ToString(CultureInfo.InvariantCulture);
}

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
    public const int BorderEighthsOfPoint = 4; // 0.5 pt single rules, as in the published reports
    // 1 mm on every side, as the PDF writer pads cells: narrow enough for the ~6 mm column of table 三.
    private static readonly int CellPaddingTwips = M.Units.MmToTwips(LayoutConstants.CellPaddingMm);

    public static Styles Build(M.Document doc, PageGeometry geometry)
    {
        var sheet = doc.Styles;
        var body = sheet.Paragraph("body");
        var styles = new Styles(DocDefaults(sheet, body, doc.Info.Language), NormalStyle(sheet, body, geometry));

        foreach (var key in sheet.Paragraphs.Keys.OrderBy(k => k, StringComparer.Ordinal))
            styles.Append(ParagraphStyle(sheet, sheet.Paragraphs[key], geometry));
        foreach (var key in sheet.Characters.Keys.OrderBy(k => k, StringComparer.Ordinal))
            styles.Append(CharacterStyle(sheet, sheet.Characters[key]));

        styles.Append(TableStyle());
        foreach (var pageNumberStyle in PageNumberStyles(sheet, geometry))
            styles.Append(pageNumberStyle);
        return styles;
    }

    private static DocDefaults DocDefaults(M.StyleSheet sheet, M.ParagraphStyle body, string language)
    {
        var runDefaults = new RunPropertiesBaseStyle
        {
            RunFonts = Fonts(sheet.Font(body.FontRole)),
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
    /// Word's built-in "Normal" (shown as 正文 in Chinese Word) as the default paragraph style, set like body text without
    /// the indent. LibreOffice sizes the document grid's character cell from this style alone (by its built-in name).
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
            Justification = new Justification { Val = Justify(body.Align) },
        },
        StyleRunProperties = RunProperties(sheet, body, geometry),
    };

    private static Style ParagraphStyle(M.StyleSheet sheet, M.ParagraphStyle s, PageGeometry geometry)
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

        return new Style
        {
            Type = StyleValues.Paragraph,
            StyleId = StyleIds.Paragraph(s.Name),
            StyleName = new StyleName { Val = s.DisplayName },
            BasedOn = new BasedOn { Val = StyleIds.Normal },
            PrimaryStyle = new PrimaryStyle(),
            StyleParagraphProperties = ppr,
            StyleRunProperties = RunProperties(sheet, s, geometry),
        };
    }

    private static StyleRunProperties RunProperties(M.StyleSheet sheet, M.ParagraphStyle s, PageGeometry geometry)
    {
        var rpr = new StyleRunProperties { RunFonts = Fonts(sheet.Font(s.FontRole)) };
        if (s.Bold)
        {
            rpr.Bold = new Bold();
            rpr.BoldComplexScript = new BoldComplexScript();
        }
        if (GridCondensing(s, geometry) is { } condense)
            rpr.Spacing = new Spacing { Val = condense };
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
        if (c.FontRole is not null) rpr.RunFonts = Fonts(sheet.Font(c.FontRole));
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
            PrimaryStyle = new PrimaryStyle(),
            StyleRunProperties = rpr,
        };
    }

    private static Style TableStyle()
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
            PrimaryStyle = new PrimaryStyle(),
            StyleTableProperties = tblPr,
        };
    }

    /// <summary>GB/T 9704 §7.5: 四号宋体 numbers, odd pages flush right and even pages flush left, one 字 in from the type area.</summary>
    private static IEnumerable<Style> PageNumberStyles(M.StyleSheet sheet, PageGeometry geometry)
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
                PrimaryStyle = new PrimaryStyle(),
                StyleParagraphProperties = ppr,
                StyleRunProperties = new StyleRunProperties
                {
                    RunFonts = Fonts(sheet.Font(number.FontRole)),
                    FontSize = new FontSize { Val = HalfPoints(number.SizePt) },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(number.SizePt) },
                },
            };
        }

        yield return Make(StyleIds.PageNumberOdd, "页码（奇数页）", JustificationValues.Right, indentRight: true);
        if (number.OddEvenAlternate)
            yield return Make(StyleIds.PageNumberEven, "页码（偶数页）", JustificationValues.Left, indentRight: false);
    }

    public static RunFonts Fonts(M.FontRole role) => new()
    {
        Ascii = role.LatinName,
        HighAnsi = role.LatinName,
        EastAsia = role.EastAsiaName,
        ComplexScript = role.LatinName,
    };

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

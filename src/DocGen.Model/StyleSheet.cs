namespace DocGen.Model;

/// <summary>
/// Everything about appearance, read from a template's styles.json: page geometry, font roles,
/// paragraph and character styles. Writers take sizes and fonts only from here.
/// </summary>
public sealed record StyleSheet(
    PageSetup Page,
    IReadOnlyDictionary<string, FontRole> Fonts,
    IReadOnlyDictionary<string, ParagraphStyle> Paragraphs,
    IReadOnlyDictionary<string, CharacterStyle> Characters)
{
    public ParagraphStyle Paragraph(string name) =>
        Paragraphs.TryGetValue(name, out var s) ? s : throw DiagnosticCatalog.StyleUnknown.Fail($"样式表中没有段落样式「{name}」", $"the style sheet has no paragraph style \"{name}\"");

    public CharacterStyle Character(string name) =>
        Characters.TryGetValue(name, out var s) ? s : throw DiagnosticCatalog.StyleUnknown.Fail($"样式表中没有字符样式「{name}」", $"the style sheet has no character style \"{name}\"");

    public FontRole Font(string role) =>
        Fonts.TryGetValue(role, out var f) ? f : throw DiagnosticCatalog.StyleUnknown.Fail($"样式表中没有字体角色「{role}」", $"the style sheet has no font role \"{role}\"");

    /// <summary>
    /// Settings that one writer alone reads, as "writer.key" → the value styles.json gives (its "pdf" and "docx" sections:
    /// "pdf.fontHinting" → "false", "docx.fontNames" → "windows"). The template loader checks them where they are written; what
    /// they mean is the writer's business (DocGen.Pdf's PdfOptions, DocGen.Docx's DocxOptions), so the model carries them
    /// without interpreting them.
    /// </summary>
    public IReadOnlyDictionary<string, string> WriterSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The keys of <see cref="WriterSettings"/>, one home for the loader that writes them and the writer that reads them.</summary>
    public const string PdfFontHintingKey = "pdf.fontHinting", DocxFontNamesKey = "docx.fontNames";

    /// <summary>
    /// Space between Chinese characters and Latin letters or digits, in em (<see cref="Typography.CjkLatinSpacing"/>): the PDF
    /// sets it, the DOCX turns Word's automatic spacing on (w:autoSpaceDE/DN) when it is not 0. styles.json:
    /// "typography": { "cjkLatinSpacingEm": 0.2 }.
    /// </summary>
    public double CjkLatinSpacingEm { get; init; } = Typography.CjkLatinSpacing.DefaultEm;

    /// <summary>Body grid pitch: the type area height divided by the lines per page (GB/T 9704: 225 mm / 22).</summary>
    public double LinePitchPt => Units.MmToPt(Page.TypeAreaHeightMm) / Page.LinesPerPage;

    /// <summary>Body character pitch: the type area width divided by characters per line (156 mm / 28).</summary>
    public double CharPitchPt => Units.MmToPt(Page.TypeAreaWidthMm) / Page.CharsPerLine;
}

public sealed record PageSetup(
    double WidthMm, double HeightMm,
    double TopMm, double BottomMm, double LeftMm, double RightMm,
    int LinesPerPage, int CharsPerLine,
    PageNumberStyle PageNumber)
{
    public double TypeAreaWidthMm => WidthMm - LeftMm - RightMm;
    public double TypeAreaHeightMm => HeightMm - TopMm - BottomMm;
}

/// <summary>
/// Page number "— N —": <see cref="Format"/> has {0} for the number; it sits <see cref="OffsetBelowMm"/> below
/// the type area; on odd pages right-aligned, on even pages left-aligned, <see cref="IndentChars"/> in from the edge.
/// </summary>
public sealed record PageNumberStyle(string FontRole, double SizePt, string Format, double OffsetBelowMm, double IndentChars, bool OddEvenAlternate);

/// <summary>
/// A font role (仿宋, 楷体, 黑体, 小标宋, 宋体). The DOCX names <see cref="EastAsiaName"/> and <see cref="LatinName"/>;
/// the PDF resolves <see cref="PdfFonts"/> (CJK, in fallback order) and <see cref="PdfLatinFonts"/> (digits and Latin) to files.
/// </summary>
public sealed record FontRole(
    string Key,
    string EastAsiaName,
    string LatinName,
    IReadOnlyList<FontCandidate> PdfFonts,
    IReadOnlyList<FontCandidate> PdfLatinFonts,
    bool SimulateBold = false);

/// <summary>A font file to try: an absolute path, or a bare file name searched in the configured font folders. Face selects a face of a .ttc.</summary>
public sealed record FontCandidate(string File, int Face = 0);

public sealed record ParagraphStyle(
    string Name,
    string DisplayName,
    string FontRole,
    double SizePt,
    HAlign Align = HAlign.Justify,
    double FirstLineIndentChars = 0,
    double LeftIndentChars = 0,
    double SpaceBeforeLines = 0,
    double SpaceAfterLines = 0,
    bool Bold = false,
    bool KeepWithNext = false,
    int OutlineLevel = 0,
    bool PageBreakBefore = false)
{
    /// <summary>Line pitch in points; null means the body grid pitch of the page (<see cref="StyleSheet.LinePitchPt"/>).</summary>
    public double? LinePitchPt { get; init; }
    /// <summary>Follow the page's character grid (body text: 28 characters per line).</summary>
    public bool SnapToGrid { get; init; } = true;
}

/// <summary>A character style applied to a run, such as the 楷体 run-in head of a "（一）" item.</summary>
public sealed record CharacterStyle(string Name, string DisplayName, string? FontRole = null, bool? Bold = null);

public static class Units
{
    public const double PtPerMm = 72.0 / 25.4;
    public static double MmToPt(double mm) => mm * PtPerMm;
    public static double PtToMm(double pt) => pt / PtPerMm;
    public static int MmToTwips(double mm) => (int)Math.Round(mm * 1440 / 25.4);
    public static int PtToTwips(double pt) => (int)Math.Round(pt * 20);
    public static double TwipsToPt(int twips) => twips / 20.0;

    private static readonly Dictionary<string, double> ChineseSizes = new()
    {
        ["初号"] = 42,
        ["小初"] = 36,
        ["一号"] = 26,
        ["小一"] = 24,
        ["二号"] = 22,
        ["小二"] = 18,
        ["三号"] = 16,
        ["小三"] = 15,
        ["四号"] = 14,
        ["小四"] = 12,
        ["五号"] = 10.5,
        ["小五"] = 9,
        ["六号"] = 7.5,
        ["小六"] = 6.5,
        ["七号"] = 5.5,
        ["八号"] = 5,
    };

    /// <summary>"三号" → 16; "10.5" or "10.5pt" → 10.5. Null when the text is neither.</summary>
    public static double? ParseFontSize(string text)
    {
        text = text.Trim();
        if (ChineseSizes.TryGetValue(text, out var pt)) return pt;
        if (text.EndsWith("pt", StringComparison.OrdinalIgnoreCase)) text = text[..^2];
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
    }
}

using System.Text.RegularExpressions;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// Turns a template's styles.json into a <see cref="StyleSheet"/> plus its numbering rules, strictly: every key known, every
/// number within the range a printed page allows, every pattern a valid regular expression, each problem at file(line,col).
/// </summary>
public static class StyleSheetLoader
{
    private static readonly Dictionary<string, HAlign> Aligns = new()
    {
        ["left"] = HAlign.Left,
        ["center"] = HAlign.Center,
        ["right"] = HAlign.Right,
        ["justify"] = HAlign.Justify,
    };

    /// <summary>Which names the DOCX gives the official 仿宋/楷体 faces (README, opening the DOCX in Word or WPS).</summary>
    private static readonly Dictionary<string, string> DocxNames = new() { ["gb2312"] = "gb2312", ["windows"] = "windows" };

    /// <param name="templatesRoot">The folder a "base" style sheet must lie in (the templates folder holding every format).</param>
    public static (StyleSheet Styles, IReadOnlyList<NumberingRule> Numbering) Load(string path, string? templatesRoot = null)
    {
        var problems = new TemplateProblems();
        var root = ReadWithBase(path, templatesRoot ?? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "/", problems, []);
        problems.ThrowIfAny();
        var s = new TemplateFields(root, problems);
        s.Get("base");

        var page = s.Obj("page", required: true);
        var setup = page is null ? DefaultPage : Page(page);
        var fonts = new Dictionary<string, FontRole>();
        if (s.Obj("fonts", required: true) is { } fontMap)
            foreach (var (name, value) in fontMap.Entries())
                if (fontMap.Obj(value) is { } f) fonts[name] = Font(name, f);

        var paragraphs = new Dictionary<string, ParagraphStyle>();
        if (s.Obj("paragraphStyles", required: true) is { } paraMap)
        {
            foreach (var (name, value) in paraMap.Entries())
                if (paraMap.Obj(value) is { } p && Paragraph(name, p, fonts, setup) is { } style) paragraphs[name] = style;
            if (!paragraphs.ContainsKey("body") && !problems.Any)
                paraMap.Report(paraMap.Node, "必须定义段落样式「body」（正文）", "must define the paragraph style \"body\"");
        }

        var characters = new Dictionary<string, CharacterStyle>();
        if (s.Obj("characterStyles") is { } charMap)
            foreach (var (name, value) in charMap.Entries())
                if (charMap.Obj(value) is { } c)
                {
                    string? font = FontRef(c, "font", fonts, required: false);
                    bool? bold = c.Get("bold") is { } b ? c.Bool("bold", false) : null;
                    characters[name] = new CharacterStyle(name, c.Str("displayName", name), font, bold);
                    c.Done();
                }

        var numbering = new List<NumberingRule>();
        foreach (var item in s.Arr("numbering"))
            if (s.Obj(item) is { } n && Numbering(n, paragraphs, characters) is { } rule) numbering.Add(rule);

        // The writers' own settings, checked here where they are written and handed on as text (StyleSheet.WriterSettings).
        var writerSettings = new Dictionary<string, string>();
        if (s.Obj("pdf") is { } pdf)
        {
            if (pdf.Get("fontHinting") is not null) writerSettings[StyleSheet.PdfFontHintingKey] = pdf.Bool("fontHinting", true) ? "true" : "false";
            pdf.Done();
        }
        if (s.Obj("docx") is { } docx)
        {
            if (docx.Get("fontNames") is not null) writerSettings[StyleSheet.DocxFontNamesKey] = docx.Choice("fontNames", "gb2312", DocxNames);
            docx.Done();
        }
        double cjkLatin = DocGen.Typography.CjkLatinSpacing.DefaultEm;
        if (s.Obj("typography") is { } typography)
        {
            // The space between Chinese and Latin letters or digits, in em of the font size (0 turns it off).
            cjkLatin = typography.Num("cjkLatinSpacingEm", DocGen.Typography.CjkLatinSpacing.DefaultEm, 0, 1);
            typography.Done();
        }
        if (page is not null && page.Obj(page.Get("pageNumber")) is { } pn) FontRef(pn, "font", fonts, required: false);
        s.Done();
        problems.ThrowIfAny();
        var sheet = new StyleSheet(setup, fonts, paragraphs, characters) { WriterSettings = writerSettings, CjkLatinSpacingEm = cjkLatin };
        CheckGrid(sheet, page!, paragraphs["body"], problems);
        problems.ThrowIfAny();
        return (sheet, numbering);
    }

    private static readonly PageSetup DefaultPage = new(210, 297, 37, 35, 28, 26, 22, 28, new PageNumberStyle("song", 14, "— {0} —", 7, 1, true));

    private static TemplateJson ReadWithBase(string path, string templatesRoot, TemplateProblems problems, HashSet<string> seen)
    {
        var node = TemplateJson.Read(path);
        if (!seen.Add(Path.GetFullPath(path)))
        {
            problems.Add(node, DiagnosticCatalog.TemplateField, "「base」形成了循环引用", "\"base\" refers back to itself");
            return node;
        }
        var baseRef = node.Properties.FirstOrDefault(p => p.Name == "base")?.Value;
        if (baseRef is null) return node;
        if (baseRef.Kind != System.Text.Json.JsonValueKind.String)
        {
            problems.Add(baseRef, DiagnosticCatalog.TemplateField, "「base」应为另一个样式表的相对路径", "\"base\" must be the relative path of another style sheet");
            return node;
        }
        // A base is resolved from the style sheet's own folder but may only point into the templates folder (another format's styles.json).
        string relative = Path.GetRelativePath(templatesRoot, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, baseRef.Text ?? ""));
        var rel = new TemplateJson { Kind = baseRef.Kind, File = baseRef.File, Line = baseRef.Line, Column = baseRef.Column, Path = baseRef.Path, Text = relative.Replace('\\', '/') };
        if (TemplateFiles.Resolve(templatesRoot, rel, problems, "base") is not { } full) return node;
        return ReadWithBase(full, templatesRoot, problems, seen).Overlay(node);
    }

    private static PageSetup Page(TemplateFields page)
    {
        double width = page.Num("widthMm", 210, 50, 1500), height = page.Num("heightMm", 297, 50, 1500);
        double top = 37, bottom = 35, left = 28, right = 26;
        if (page.Obj("marginsMm", required: true) is { } m)
        {
            top = m.Num("top", 37, 0, height); bottom = m.Num("bottom", 35, 0, height);
            left = m.Num("left", 28, 0, width); right = m.Num("right", 26, 0, width);
            m.Done();
            // The type area must hold at least a line and a few characters; margins larger than the page once printed "-103 mm".
            if (width - left - right < 20)
                m.Report(m.Node, $"左右页边距之和（{left + right} 毫米）使版心宽度只剩 {width - left - right} 毫米（页宽 {width} 毫米），至少应留 20 毫米",
                    $"left + right margins ({left + right} mm) leave a type area {width - left - right} mm wide; at least 20 mm are needed");
            if (height - top - bottom < 20)
                m.Report(m.Node, $"上下页边距之和（{top + bottom} 毫米）使版心高度只剩 {height - top - bottom} 毫米（页高 {height} 毫米），至少应留 20 毫米",
                    $"top + bottom margins ({top + bottom} mm) leave a type area {height - top - bottom} mm high; at least 20 mm are needed");
        }
        int lines = page.Int("linesPerPage", 22, 1, 100, required: true);
        int chars = page.Int("charsPerLine", 28, 1, 100, required: true);
        var number = new PageNumberStyle("song", 14, "— {0} —", 7, 1, true);
        if (page.Obj("pageNumber", required: true) is { } pn)
        {
            string format = pn.Str("format", "— {0} —");
            if (!format.Contains("{0}", StringComparison.Ordinal) || format.Replace("{0}", "", StringComparison.Ordinal).IndexOfAny(['{', '}']) >= 0)
                pn.Report(pn.Get("format")!, $"页码格式「{format}」应恰好含一个 {{0}}（页码的位置）且没有其他花括号", $"page number format \"{format}\" must hold {{0}} and no other braces");
            number = new PageNumberStyle(pn.Str("font") ?? "song", pn.Size("size"), format,
                pn.Num("offsetBelowMm", 7, 0, bottom), pn.Num("indentChars", 1, 0, 10), pn.Bool("oddEvenAlternate", true));
            pn.Done();
        }
        page.Done();
        return new PageSetup(width, height, top, bottom, left, right, lines, chars, number);
    }

    private static FontRole Font(string name, TemplateFields f)
    {
        var role = new FontRole(name, f.Str("eastAsia") ?? "", f.Str("latin", "Times New Roman"),
            Candidates(f, "pdf"), Candidates(f, "pdfLatin"), f.Bool("simulateBold", false));
        f.Done();
        return role;
    }

    private static List<FontCandidate> Candidates(TemplateFields f, string key)
    {
        var list = new List<FontCandidate>();
        foreach (var item in f.Arr(key))
        {
            string s = f.Str(item) ?? "";
            int hash = s.LastIndexOf('#');
            if (hash > 0 && int.TryParse(s[(hash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int face))
                list.Add(new FontCandidate(s[..hash], face));
            else if (s.Length > 0) list.Add(new FontCandidate(s));
            else f.Report(item, "字体文件名不能为空", "a font file name cannot be empty");
        }
        return list;
    }

    private static ParagraphStyle? Paragraph(string name, TemplateFields p, Dictionary<string, FontRole> fonts, PageSetup page)
    {
        string? font = FontRef(p, "font", fonts, required: true);
        double size = p.Size("size");
        double? pitch = p.Get("linePitch") is null ? null : p.Size("linePitch", null, 4, 144);
        var style = new ParagraphStyle(name, p.Str("displayName", name), font ?? "", size,
            p.Choice("align", HAlign.Justify, Aligns),
            p.Num("firstLineIndentChars", 0, 0, page.CharsPerLine), p.Num("leftIndentChars", 0, 0, page.CharsPerLine - 1),
            p.Num("spaceBeforeLines", 0, 0, page.LinesPerPage - 1), p.Num("spaceAfterLines", 0, 0, page.LinesPerPage - 1),
            p.Bool("bold", false), p.Bool("keepWithNext", false), p.Int("outlineLevel", 0, 0, 9), p.Bool("pageBreakBefore", false))
        {
            LinePitchPt = pitch,
            SnapToGrid = p.Bool("snapToGrid", true),
        };
        p.Done();
        return font is null ? null : style;
    }

    private static string? FontRef(TemplateFields o, string key, Dictionary<string, FontRole> fonts, bool required)
    {
        var v = o.Get(key, required);
        if (v is null || o.Str(v) is not { } font) return null;
        if (fonts.ContainsKey(font)) return font;
        o.Report(v, $"字体角色「{font}」未在 fonts 中定义{Suggestion(font, fonts.Keys)}（已定义：{string.Join("、", fonts.Keys)}）", $"font role \"{font}\" is not defined in fonts");
        return null;
    }

    private static NumberingRule? Numbering(TemplateFields n, Dictionary<string, ParagraphStyle> paragraphs, Dictionary<string, CharacterStyle> characters)
    {
        var patternNode = n.Get("pattern", required: true);
        string? pattern = n.Str(patternNode);
        var styleNode = n.Get("paragraphStyle", required: true);
        string? style = n.Str(styleNode);
        if (style is not null && !paragraphs.ContainsKey(style))
            n.Report(styleNode!, $"段落样式「{style}」未定义{Suggestion(style, paragraphs.Keys)}", $"paragraph style \"{style}\" is not defined");
        var runInNode = n.Get("runInStyle");
        string? runIn = n.Str(runInNode);
        if (runIn is not null && !characters.ContainsKey(runIn))
            n.Report(runInNode!, $"字符样式「{runIn}」未在 characterStyles 中定义{Suggestion(runIn, characters.Keys)}", $"character style \"{runIn}\" is not defined");
        n.Done();
        if (pattern is null || style is null) return null;
        var (regex, refusal) = TemplatePattern.Compile(pattern);
        if (regex is null)
        {
            n.Report(patternNode!, $"正则表达式「{pattern}」无效或不受支持：{refusal!.Message}", $"regular expression \"{pattern}\" is invalid or unsupported: {refusal.MessageEn}");
            return null;
        }
        return new NumberingRule(regex, style, runIn, new TemplatePosition(patternNode!.File ?? "styles.json", patternNode.Line, patternNode.Column));
    }

    /// <summary>The grid must hold the body text: a line pitch smaller than the body size, or a character pitch under half of it, loses text.</summary>
    private static void CheckGrid(StyleSheet sheet, TemplateFields page, ParagraphStyle body, TemplateProblems problems)
    {
        if (sheet.LinePitchPt < body.SizePt && page.Get("linesPerPage") is { } lines)
            problems.Add(lines, DiagnosticCatalog.TemplateField, $"「page.linesPerPage」{sheet.Page.LinesPerPage} 行使行距只有 {sheet.LinePitchPt:0.#} 磅，小于正文字号 {body.SizePt:0.#} 磅，文字会重叠",
                $"\"page.linesPerPage\" {sheet.Page.LinesPerPage} gives a line pitch of {sheet.LinePitchPt:0.#} pt, less than the body size {body.SizePt:0.#} pt");
        if (sheet.CharPitchPt < body.SizePt / 2 && page.Get("charsPerLine") is { } chars)
            problems.Add(chars, DiagnosticCatalog.TemplateField, $"「page.charsPerLine」{sheet.Page.CharsPerLine} 字使字距只有 {sheet.CharPitchPt:0.#} 磅，不到正文字号 {body.SizePt:0.#} 磅的一半",
                $"\"page.charsPerLine\" {sheet.Page.CharsPerLine} gives a character pitch of {sheet.CharPitchPt:0.#} pt, under half the body size");
        if (body.SizePt > Units.MmToPt(sheet.Page.TypeAreaWidthMm) / 2)
            problems.Add(page.Node, DiagnosticCatalog.TemplateField, $"正文字号 {body.SizePt:0.#} 磅太大：版心一行放不下两个字", $"body size {body.SizePt:0.#} pt is too large for the type area");
    }

    private static string Suggestion(string name, IEnumerable<string> known) => Suggest.Closest(name, known) is { } g ? $"，是否应为「{g}」？" : "";
}

/// <summary>
/// A numbering pattern from the style sheet: a paragraph whose text matches is a heading of that style when it is only
/// a head sentence, or a body paragraph whose head sentence (up to the first 。) takes <see cref="RunInStyle"/>.
/// </summary>
public sealed record NumberingRule(Regex Pattern, string ParagraphStyle, string? RunInStyle, TemplatePosition Source);

using System.Text.Json;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>Turns a template's styles.json into a <see cref="StyleSheet"/> plus its numbering rules.</summary>
public static class StyleSheetLoader
{
    public static (StyleSheet Styles, IReadOnlyList<NumberingRule> Numbering) Load(string path)
    {
        using var doc = JsonFile.ParseWithBase(path);
        var root = doc.RootElement;
        string f = path;

        var page = root.GetProperty("page");
        var m = page.GetProperty("marginsMm");
        var pn = page.GetProperty("pageNumber");
        var setup = new PageSetup(
            JsonFile.Num(page, "widthMm", 210), JsonFile.Num(page, "heightMm", 297),
            JsonFile.Num(m, "top", 37), JsonFile.Num(m, "bottom", 35), JsonFile.Num(m, "left", 28), JsonFile.Num(m, "right", 26),
            (int)JsonFile.Num(page, "linesPerPage", 22), (int)JsonFile.Num(page, "charsPerLine", 28),
            new PageNumberStyle(JsonFile.Str(pn, "font", f), JsonFile.Size(pn, "size", f), JsonFile.Str(pn, "format", f, "— {0} —"),
                JsonFile.Num(pn, "offsetBelowMm", 7), JsonFile.Num(pn, "indentChars", 1), JsonFile.Bool(pn, "oddEvenAlternate", true)));

        var fonts = new Dictionary<string, FontRole>();
        foreach (var p in root.GetProperty("fonts").EnumerateObject())
        {
            fonts[p.Name] = new FontRole(p.Name,
                JsonFile.Str(p.Value, "eastAsia", f), JsonFile.Str(p.Value, "latin", f, "Times New Roman"),
                Candidates(p.Value, "pdf"), Candidates(p.Value, "pdfLatin"),
                JsonFile.Bool(p.Value, "simulateBold", false));
        }

        var paragraphs = new Dictionary<string, ParagraphStyle>();
        foreach (var p in root.GetProperty("paragraphStyles").EnumerateObject())
        {
            var s = p.Value;
            string font = JsonFile.Str(s, "font", f);
            if (!fonts.ContainsKey(font)) throw new DocGenException("E-STYLE-UNKNOWN", $"{f}: 段落样式「{p.Name}」引用了未定义的字体角色「{font}」");
            double? pitch = s.TryGetProperty("linePitch", out _) ? JsonFile.Size(s, "linePitch", f) : null;
            paragraphs[p.Name] = new ParagraphStyle(p.Name, JsonFile.Str(s, "displayName", f, p.Name), font, JsonFile.Size(s, "size", f),
                ParseAlign(JsonFile.Str(s, "align", f, "justify"), f),
                JsonFile.Num(s, "firstLineIndentChars", 0), JsonFile.Num(s, "leftIndentChars", 0),
                JsonFile.Num(s, "spaceBeforeLines", 0), JsonFile.Num(s, "spaceAfterLines", 0),
                JsonFile.Bool(s, "bold", false), JsonFile.Bool(s, "keepWithNext", false),
                (int)JsonFile.Num(s, "outlineLevel", 0), JsonFile.Bool(s, "pageBreakBefore", false))
            {
                LinePitchPt = pitch,
                SnapToGrid = JsonFile.Bool(s, "snapToGrid", true),
            };
        }

        var characters = new Dictionary<string, CharacterStyle>();
        if (root.TryGetProperty("characterStyles", out var cs))
            foreach (var p in cs.EnumerateObject())
            {
                string? font = p.Value.TryGetProperty("font", out var fv) ? fv.GetString() : null;
                if (font is not null && !fonts.ContainsKey(font)) throw new DocGenException("E-STYLE-UNKNOWN", $"{f}: 字符样式「{p.Name}」引用了未定义的字体角色「{font}」");
                bool? bold = p.Value.TryGetProperty("bold", out var bv) ? bv.GetBoolean() : null;
                characters[p.Name] = new CharacterStyle(p.Name, JsonFile.Str(p.Value, "displayName", f, p.Name), font, bold);
            }

        var numbering = new List<NumberingRule>();
        if (root.TryGetProperty("numbering", out var num))
            foreach (var n in num.EnumerateArray())
            {
                string style = JsonFile.Str(n, "paragraphStyle", f);
                if (!paragraphs.ContainsKey(style)) throw new DocGenException("E-STYLE-UNKNOWN", $"{f}: 编号规则引用了未定义的段落样式「{style}」");
                string? runIn = n.TryGetProperty("runInStyle", out var r) ? r.GetString() : null;
                if (runIn is not null && !characters.ContainsKey(runIn)) throw new DocGenException("E-STYLE-UNKNOWN", $"{f}: 编号规则引用了未定义的字符样式「{runIn}」");
                numbering.Add(new NumberingRule(new System.Text.RegularExpressions.Regex(JsonFile.Str(n, "pattern", f)), style, runIn));
            }

        if (!paragraphs.ContainsKey("body")) throw new DocGenException("E-STYLE-UNKNOWN", $"{f}: 样式表必须定义段落样式「body」");
        if (!fonts.ContainsKey(setup.PageNumber.FontRole)) throw new DocGenException("E-STYLE-UNKNOWN", $"{f}: 页码引用了未定义的字体角色「{setup.PageNumber.FontRole}」");
        bool hinting = !root.TryGetProperty("pdf", out var pdf) || JsonFile.Bool(pdf, "fontHinting", true);
        var docxFontNames = DocxFontNames.Gb2312;
        if (root.TryGetProperty("docx", out var docx))
            docxFontNames = JsonFile.Str(docx, "fontNames", f, "gb2312") switch
            {
                "gb2312" => DocxFontNames.Gb2312,
                "windows" => DocxFontNames.Windows,
                var other => throw new DocGenException("E-TEMPLATE-FIELD", $"{f}: docx.fontNames「{other}」无法识别（gb2312、windows）", FailureKind.Template),
            };
        return (new StyleSheet(setup, fonts, paragraphs, characters) { PdfFontHinting = hinting, DocxFontNames = docxFontNames }, numbering);
    }

    private static List<FontCandidate> Candidates(JsonElement e, string name)
    {
        var list = new List<FontCandidate>();
        if (!e.TryGetProperty(name, out var arr)) return list;
        foreach (var item in arr.EnumerateArray())
        {
            string s = item.GetString() ?? "";
            int hash = s.LastIndexOf('#');
            if (hash > 0 && int.TryParse(s[(hash + 1)..], out int face)) list.Add(new FontCandidate(s[..hash], face));
            else list.Add(new FontCandidate(s));
        }
        return list;
    }

    private static HAlign ParseAlign(string s, string file) => s switch
    {
        "left" => HAlign.Left,
        "center" => HAlign.Center,
        "right" => HAlign.Right,
        "justify" => HAlign.Justify,
        _ => throw new DocGenException("E-TEMPLATE-FIELD", $"{file}: 对齐方式「{s}」无法识别（left、center、right、justify）"),
    };
}

/// <summary>
/// A numbering pattern from the style sheet: a paragraph whose text matches is a heading of that style when it is only
/// a head sentence, or a body paragraph whose head sentence (up to the first 。) takes <see cref="RunInStyle"/>.
/// </summary>
public sealed record NumberingRule(System.Text.RegularExpressions.Regex Pattern, string ParagraphStyle, string? RunInStyle);

using System.Globalization;
using System.Text;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// Word style ids. The model's style keys (body, title, runInHead2 …) become the ids so that a document's XML reads like
/// its template; the people-facing name (公文正文, 公文标题 …) goes into w:name. The numbered headings are Word's built-in
/// heading 1–3 instead (styleId Heading1, name "heading 1"), which Word shows as 标题 1 in its style gallery and
/// navigation pane; the style sheet's name is kept as an alias.
/// </summary>
internal static class StyleIds
{
    public const string Normal = "Normal";
    public const string Table = "DocGenTableGrid";
    public const string PageNumberOdd = "PageNumberOdd";
    public const string PageNumberEven = "PageNumberEven";
    private const string HeadingPrefix = "Heading";

    /// <summary>The built-in heading level (1–9) a style takes, or 0: the first style (by key) of each outline level.</summary>
    public static int HeadingLevel(M.StyleSheet sheet, M.ParagraphStyle style)
    {
        if (style.OutlineLevel is < 1 or > 9) return 0;
        foreach (var other in sheet.Paragraphs.Values)
            if (other.OutlineLevel == style.OutlineLevel && string.CompareOrdinal(other.Name, style.Name) < 0) return 0;
        return style.OutlineLevel;
    }

    public static string Paragraph(M.StyleSheet sheet, M.ParagraphStyle style)
    {
        int level = HeadingLevel(sheet, style);
        if (level > 0) return HeadingPrefix + level.ToString(CultureInfo.InvariantCulture);
        string id = Sanitize(style.Name);
        // A model key that happens to be a fixed id of ours gets a suffix instead of redefining that style.
        bool reserved = id is Normal or Table or PageNumberOdd or PageNumberEven
            || (id.Length == HeadingPrefix.Length + 1 && id.StartsWith(HeadingPrefix, StringComparison.Ordinal) && char.IsAsciiDigit(id[^1]));
        return reserved ? id + "_" : id;
    }

    public static string Paragraph(M.StyleSheet sheet, string key) => Paragraph(sheet, sheet.Paragraph(key));

    /// <summary>Character styles get a suffix so they can never collide with a paragraph style of the same key.</summary>
    public static string Character(string key) => Sanitize(key) + "Char";

    // Style ids are XML attribute values that Word also shows in field codes; keep them to letters, digits and '-'.
    private static string Sanitize(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (char ch in key)
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch == '-' ? ch : '_');
        return sb.Length == 0 ? "_" : sb.ToString();
    }
}

using System.Text;

namespace DocGen.Docx;

/// <summary>
/// Word style ids. The model's style keys (body, heading1, runInHead2 …) become the ids so that a document's XML
/// reads like its template; the people-facing name (公文正文, 一级标题 …) goes into w:name.
/// </summary>
internal static class StyleIds
{
    public const string Normal = "Normal";
    public const string Table = "DocGenTableGrid";
    public const string PageNumberOdd = "PageNumberOdd";
    public const string PageNumberEven = "PageNumberEven";

    /// <summary>A model key that happens to be a fixed id of ours gets a suffix instead of redefining that style.</summary>
    public static string Paragraph(string key)
    {
        string id = Sanitize(key);
        return id is Normal or Table or PageNumberOdd or PageNumberEven ? id + "_" : id;
    }

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

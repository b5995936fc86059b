using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>Footers holding "— N —" with N a PAGE field.</summary>
internal static class PageNumberFooters
{
    private const string NumberPlaceholder = "{0}";

    /// <param name="styleId">the page-number paragraph style (odd, even or centred)</param>
    /// <param name="cachedNumber">the field's cached result, shown by readers that do not update fields</param>
    public static byte[] Build(M.PageNumberStyle style, string styleId, int cachedNumber)
    {
        string format = style.Format;
        int at = format.IndexOf(NumberPlaceholder, StringComparison.Ordinal);
        if (at < 0)
            throw M.DiagnosticCatalog.StyleField.Fail($"页码格式「{format}」中缺少表示页码的 {{0}}", $"the page number format \"{format}\" lacks the {{0}} that stands for the page number");

        return WordXml.Part(xml =>
        {
            xml.Start("ftr");
            xml.Start("p");
            xml.Start("pPr");
            xml.Empty("pStyle", "val", styleId);
            xml.End();
            Text(xml, format[..at], preserve: true);
            FieldChar(xml, "begin");
            xml.Start("r");
            xml.Start("instrText");
            xml.PreserveSpace();
            xml.String(" PAGE ");
            xml.End();
            xml.End();
            FieldChar(xml, "separate");
            Text(xml, WordXml.Number(cachedNumber), preserve: false);
            FieldChar(xml, "end");
            Text(xml, format[(at + NumberPlaceholder.Length)..], preserve: true);
            xml.End();
            xml.End();
        });
    }

    private static void FieldChar(WordXml xml, string type)
    {
        xml.Start("r");
        xml.Empty("fldChar", "fldCharType", type);
        xml.End();
    }

    // The dashes of "— N —" are General Punctuation: with the hint they take the style's 宋体, as the PDF draws them.
    private static void Text(WordXml xml, string text, bool preserve)
    {
        if (text.Length == 0) return;
        xml.Start("r");
        xml.Start("rPr");
        BodyWriter.WriteEastAsiaHint(xml);
        xml.End();
        xml.Start("t");
        if (preserve) xml.PreserveSpace();
        xml.String(text);
        xml.End();
        xml.End();
    }
}

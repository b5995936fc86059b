using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>Footers holding "— N —" with N a PAGE field.</summary>
internal static class PageNumberFooters
{
    private const string NumberPlaceholder = "{0}";

    /// <param name="styleId">the page-number paragraph style (odd, even or centred)</param>
    /// <param name="cachedNumber">the field's cached result, shown by readers that do not update fields</param>
    public static Footer Build(M.PageNumberStyle style, string styleId, int cachedNumber)
    {
        var p = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = styleId } });
        string format = style.Format;
        int at = format.IndexOf(NumberPlaceholder, StringComparison.Ordinal);
        if (at < 0)
            throw M.DiagnosticCatalog.StyleField.Fail($"页码格式「{format}」中缺少表示页码的 {{0}}", $"the page number format \"{format}\" lacks the {{0}} that stands for the page number");

        AddText(p, format[..at]);
        p.Append(
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(HintOnly(), new Text(cachedNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        AddText(p, format[(at + NumberPlaceholder.Length)..]);
        return new Footer(p);
    }

    private static void AddText(Paragraph p, string text)
    {
        if (text.Length > 0) p.Append(new Run(HintOnly(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    // The dashes of "— N —" are General Punctuation: with the hint they take the style's 宋体, as the PDF draws them.
    private static RunProperties HintOnly() => new() { RunFonts = WordStyles.EastAsiaHint() };
}

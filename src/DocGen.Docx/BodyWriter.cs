using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>Writes the model's blocks as body content: paragraphs, tables, page breaks and spacers.</summary>
internal sealed class BodyWriter(M.Document doc, PageGeometry geometry, WordXml xml)
{
    private readonly ParagraphStyleIds _styleIds = new(doc.Styles);
    private bool _pageBreakPending, _anyContent, _lastIsTable;

    public void Write()
    {
        for (int i = 0; i < doc.Blocks.Count; i++)
        {
            switch (doc.Blocks[i])
            {
                case M.Paragraph p:
                    Paragraph(p);
                    break;
                case M.Table t:
                    // Word merges two tables that touch into one; keep them apart with an empty paragraph.
                    if (_lastIsTable) EmptyParagraph(_styleIds.Of(doc.Styles.Paragraph(t.Style)), pageBreak: false);
                    TableWriter.Write(xml, doc.Styles, _styleIds, t, TakePageBreak());
                    (_anyContent, _lastIsTable) = (true, true);
                    break;
                case M.PageBreak:
                    _pageBreakPending = true;
                    break;
                case M.Spacer s:
                    Spacer(s);
                    break;
                default:
                    throw M.DiagnosticCatalog.DocxBlock.Fail($"DOCX 输出不支持的内容块类型「{doc.Blocks[i].GetType().Name}」",
                        $"the DOCX writer does not support the block type \"{doc.Blocks[i].GetType().Name}\"");
            }
        }
        // A page break with nothing after it still has to end the page, and Word wants a body to end with a paragraph.
        if (_pageBreakPending || !_anyContent || _lastIsTable)
            EmptyParagraph(_styleIds.Of("body"), TakePageBreak());
    }

    private bool TakePageBreak()
    {
        bool pending = _pageBreakPending;
        _pageBreakPending = false;
        return pending;
    }

    private void Paragraph(M.Paragraph p)
    {
        var style = doc.Styles.Paragraph(p.Style);
        StartParagraph(_styleIds.Of(style), TakePageBreak());
        xml.End();
        var inlines = p.Inlines;
        if (TitleBreaker.Applies(style) && TitleBreaker.BreakAfter(p.PlainText, style.SizePt, geometry.TypeAreaWidthTwips / 20.0) is { } at)
            inlines = InsertLineBreak(inlines, at + 1);
        foreach (var inline in inlines)
        {
            if (inline.Text.Length == 0) continue;
            Run(inline, style);
        }
        xml.End();
    }

    /// <summary>Opens a w:p and its w:pPr with the style (and a page break before it); the caller adds to the w:pPr and closes it.</summary>
    private void StartParagraph(string styleId, bool pageBreak)
    {
        xml.Start("p");
        xml.Start("pPr");
        xml.Empty("pStyle", "val", styleId);
        if (pageBreak) xml.Empty("pageBreakBefore");
        _anyContent = true;
        _lastIsTable = false;
    }

    /// <summary>The inlines with a hard line break ("\n", written as w:br) before the character at <paramref name="offset"/>.</summary>
    private static List<M.Inline> InsertLineBreak(IReadOnlyList<M.Inline> inlines, int offset)
    {
        var result = new List<M.Inline>(inlines.Count);
        int start = 0;
        bool done = false;
        foreach (var inline in inlines)
        {
            int end = start + inline.Text.Length;
            if (!done && offset >= start && offset < end)
            {
                int k = offset - start;
                result.Add(inline with { Text = inline.Text[..k] + "\n" + inline.Text[k..] });
                done = true;
            }
            else
            {
                result.Add(inline);
            }
            start = end;
        }
        return result;
    }

    private void Run(M.Inline inline, M.ParagraphStyle paragraphStyle)
    {
        xml.Start("r");
        xml.Start("rPr");
        if (inline.CharacterStyle is { } cs) xml.Empty("rStyle", "val", StyleIds.Character(doc.Styles.Character(cs).Name));
        WriteEastAsiaHint(xml);
        if (inline.Bold && !paragraphStyle.Bold) WriteBold(xml);
        xml.End();
        AppendText(xml, inline.Text);
        xml.End();
    }

    /// <summary>w:rFonts w:hint="eastAsia" alone, before w:b in w:rPr: the fonts come from the style (<see cref="WordStyles.WriteFonts"/>).</summary>
    public static void WriteEastAsiaHint(WordXml xml) => xml.Empty("rFonts", "hint", WordStyles.EastAsiaHint);

    public static void WriteBold(WordXml xml)
    {
        xml.Empty("b");
        xml.Empty("bCs");
    }

    /// <summary>Text with embedded newlines becomes line breaks inside the run; tabs become tab characters.</summary>
    public static void AppendText(WordXml xml, string text)
    {
        var lines = LineBreakRules.WithoutSoftHyphens(text).Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) xml.Empty("br");
            var parts = lines[i].Split('\t');
            for (int j = 0; j < parts.Length; j++)
            {
                if (j > 0) xml.Empty("tab");
                if (parts[j].Length > 0) xml.Text(parts[j]);
            }
        }
    }

    private void EmptyParagraph(string styleId, bool pageBreak)
    {
        StartParagraph(styleId, pageBreak);
        xml.End();
        xml.End();
    }

    /// <summary>GB/T 9704 "空 n 行": whole lines are empty body paragraphs on the grid; a fraction is one exact-height paragraph.</summary>
    private void Spacer(M.Spacer s)
    {
        if (s.Lines <= 0) return;
        string body = _styleIds.Of("body");
        int whole = (int)Math.Floor(s.Lines + 1e-9);
        for (int i = 0; i < whole; i++) EmptyParagraph(body, TakePageBreak());
        double fraction = s.Lines - whole;
        if (fraction > 0.01)
        {
            StartParagraph(body, TakePageBreak());
            xml.Start("spacing");
            WordStyles.ExactLine(xml, (int)Math.Round(fraction * geometry.LinePitchTwips));
            xml.End();
            xml.End();
            xml.End();
        }
    }
}

/// <summary>
/// The Word style id of each paragraph style (<see cref="StyleIds.Paragraph(M.StyleSheet, M.ParagraphStyle)"/>), worked out
/// once per document: every table cell asks, and each answer compares the style with every other one.
/// </summary>
internal sealed class ParagraphStyleIds(M.StyleSheet sheet)
{
    private readonly Dictionary<M.ParagraphStyle, string> _ids = new(ReferenceEqualityComparer.Instance);

    public string Of(M.ParagraphStyle style)
    {
        if (!_ids.TryGetValue(style, out var id)) _ids[style] = id = StyleIds.Paragraph(sheet, style);
        return id;
    }

    public string Of(string key) => Of(sheet.Paragraph(key));
}

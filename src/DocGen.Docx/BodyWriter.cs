using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Docx;

/// <summary>Turns the model's blocks into body content: paragraphs, tables, page breaks and spacers.</summary>
internal sealed class BodyWriter
{
    private readonly M.Document _doc;
    private readonly PageGeometry _geometry;
    private readonly List<OpenXmlElement> _content = [];
    private bool _pageBreakPending;

    public BodyWriter(M.Document doc, PageGeometry geometry)
    {
        _doc = doc;
        _geometry = geometry;
    }

    public IReadOnlyList<OpenXmlElement> Write()
    {
        for (int i = 0; i < _doc.Blocks.Count; i++)
        {
            switch (_doc.Blocks[i])
            {
                case M.Paragraph p:
                    Add(Paragraph(p));
                    break;
                case M.Table t:
                    // Word merges two tables that touch into one; keep them apart with an empty paragraph.
                    if (_content.Count > 0 && _content[^1] is W.Table) _content.Add(EmptyParagraph(_doc.Styles.Paragraph(t.Style).Name));
                    Add(TableWriter.Write(_doc.Styles, t, TakePageBreak()));
                    break;
                case M.PageBreak:
                    _pageBreakPending = true;
                    break;
                case M.Spacer s:
                    foreach (var p in Spacer(s)) Add(p);
                    break;
                default:
                    throw M.DiagnosticCatalog.DocxBlock.Fail($"DOCX 输出不支持的内容块类型「{_doc.Blocks[i].GetType().Name}」",
                        $"the DOCX writer does not support the block type \"{_doc.Blocks[i].GetType().Name}\"");
            }
        }
        // A page break with nothing after it still has to end the page, and Word wants a body to end with a paragraph.
        if (_pageBreakPending || _content.Count == 0 || _content[^1] is W.Table)
            Add(EmptyParagraph("body"));
        return _content;
    }

    private void Add(OpenXmlElement element)
    {
        if (element is W.Paragraph p && TakePageBreak())
            p.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        _content.Add(element);
    }

    private bool TakePageBreak()
    {
        bool pending = _pageBreakPending;
        _pageBreakPending = false;
        return pending;
    }

    private W.Paragraph Paragraph(M.Paragraph p)
    {
        var style = _doc.Styles.Paragraph(p.Style);
        var paragraph = new W.Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleIds.Paragraph(_doc.Styles, style) } });
        var inlines = p.Inlines;
        if (TitleBreaker.Applies(style) && TitleBreaker.BreakAfter(p.PlainText, style.SizePt, _geometry.TypeAreaWidthTwips / 20.0) is { } at)
            inlines = InsertLineBreak(inlines, at + 1);
        foreach (var inline in inlines)
        {
            if (inline.Text.Length == 0) continue;
            paragraph.Append(Run(inline, style));
        }
        return paragraph;
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

    private Run Run(M.Inline inline, M.ParagraphStyle paragraphStyle)
    {
        var run = new Run();
        var rpr = new RunProperties { RunFonts = WordStyles.EastAsiaHint() };
        if (inline.CharacterStyle is { } cs)
            rpr.RunStyle = new RunStyle { Val = StyleIds.Character(_doc.Styles.Character(cs).Name) };
        if (inline.Bold && !paragraphStyle.Bold)
        {
            rpr.Bold = new Bold();
            rpr.BoldComplexScript = new BoldComplexScript();
        }
        run.RunProperties = rpr;
        AppendText(run, inline.Text);
        return run;
    }

    /// <summary>Text with embedded newlines becomes line breaks inside the run; tabs become tab characters.</summary>
    public static void AppendText(OpenXmlCompositeElement run, string text)
    {
        var lines = LineBreakRules.WithoutSoftHyphens(text).Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            var parts = lines[i].Split('\t');
            for (int j = 0; j < parts.Length; j++)
            {
                if (j > 0) run.Append(new TabChar());
                if (parts[j].Length > 0) run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }
    }

    private W.Paragraph EmptyParagraph(string styleKey) =>
        new(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleIds.Paragraph(_doc.Styles, styleKey) } });

    /// <summary>GB/T 9704 "空 n 行": whole lines are empty body paragraphs on the grid; a fraction is one exact-height paragraph.</summary>
    private IEnumerable<W.Paragraph> Spacer(M.Spacer s)
    {
        if (s.Lines <= 0) yield break;
        int whole = (int)Math.Floor(s.Lines + 1e-9);
        for (int i = 0; i < whole; i++) yield return EmptyParagraph("body");
        double fraction = s.Lines - whole;
        if (fraction > 0.01)
        {
            var p = EmptyParagraph("body");
            p.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines
            {
                Line = ((int)Math.Round(fraction * _geometry.LinePitchTwips)).ToString(CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Exact,
            };
            yield return p;
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// Parses the markup a template renders into the document model. The vocabulary is small and strict:
/// document, p (style, src), table (ref), pagebreak, spacer (lines). Anything else is the template's error.
/// </summary>
public sealed partial class MarkupParser(StyleSheet styles, ParagraphClassifier classifier, IReadOnlyDictionary<string, Table> tables, string templateFile)
{
    public Document Parse(string markup, Func<string, SourceRef> describeSource)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = false };
        using var reader = XmlReader.Create(new StringReader(markup), settings);
        var lineInfo = (IXmlLineInfo)reader;
        try
        {
            reader.MoveToContent();
            if (reader.Name != "document") throw Error(lineInfo, markup, $"根元素应为 <document>，实际为 <{reader.Name}>", $"the root element must be <document>, found <{reader.Name}>");
            // The title is metadata (DOCX core properties, PDF info): the **…** bold markers of its lines are not part of it.
            string title = (reader.GetAttribute("title") ?? "").Replace("**", "", StringComparison.Ordinal);
            string author = reader.GetAttribute("author") ?? "";
            var blocks = new List<Block>();
            var usedTables = new HashSet<string>();
            if (reader.IsEmptyElement) return new Document(new DocumentInfo(title, author), styles, blocks);
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Name == "document"))
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        blocks.Add(ParseElement(reader, lineInfo, markup, describeSource, usedTables));
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        if (!string.IsNullOrWhiteSpace(reader.Value))
                            throw Error(lineInfo, markup, $"<document> 下不能直接出现文字「{Short(reader.Value.Trim())}」，应放在 <p> 中",
                                $"text directly inside <document> (\"{Short(reader.Value.Trim())}\") belongs in a <p>");
                        reader.Read();
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
            var missing = tables.Keys.Where(k => !usedTables.Contains(k)).ToList();
            if (missing.Count > 0)
                throw Error(lineInfo, markup, $"模板没有放置表格 {string.Join("、", missing)}（应有 <table ref=\"…\"/>）",
                    $"the template does not place the table(s) {string.Join(", ", missing)} (a <table ref=\"…\"/> is needed)");
            return new Document(new DocumentInfo(title, author), styles, blocks);
        }
        catch (XmlException e)
        {
            var (zh, en) = SyntaxError(markup, e);
            throw Error(e.LineNumber, e.LinePosition, markup, zh, en);
        }
    }

    /// <summary>
    /// A markup syntax error in template terms, from its structure: the spot (XmlException.LineNumber/LinePosition), the markup
    /// there and the innermost element still open. The reader's own sentence is English and names generated lines, so it is
    /// shown only as a detail when the spot is not a mismatched end tag.
    /// </summary>
    private (string Zh, string En) SyntaxError(string markup, XmlException e)
    {
        var open = OpenElementAt(markup, e.LineNumber, e.LinePosition);
        var (file, line, _) = Locate(markup, open.Line, open.Column);
        string fileName = Path.GetFileName(file);
        string openZh = line > 0 ? $"<{open.Name}>（{fileName} 第 {line} 行）" : $"<{open.Name}>";
        string openEn = line > 0 ? $"<{open.Name}> ({fileName} line {line})" : $"<{open.Name}>";
        if (EndTagAt(markup, e.LineNumber, e.LinePosition) is { } endTag && endTag != open.Name)
            return ($"模板生成的标记不是有效的 XML：结束标记 </{endTag}> 与尚未结束的 {openZh} 不配对（多了一个 </{endTag}>，或漏写了 </{open.Name}>？）",
                $"the markup the template produced is not valid XML: the end tag </{endTag}> does not match the open {openEn} (one </{endTag}> too many, or a </{open.Name}> missing?)");
        return ($"模板生成的标记不是有效的 XML（尚未结束的元素：{openZh}；XML 读取器的说明：{e.Message}）",
            $"the markup the template produced is not valid XML (the element still open: {openEn}; the XML reader says: {e.Message})");
    }

    /// <summary>
    /// The innermost element open before a 1-based line and column of the markup, and where its start tag is: the start and end
    /// tags before the spot, read as a stack (processing instructions, comments and self-closing tags left aside).
    /// </summary>
    private static (string Name, int Line, int Column) OpenElementAt(string markup, int line, int column)
    {
        int end = SourceMarkers.Offset(markup, line, column);
        var stack = new Stack<(string Name, int Offset)>();
        foreach (Match m in TagPattern().Matches(end < 0 ? markup : markup[..end]))
        {
            if (m.Groups["close"].Success) { if (stack.Count > 0 && stack.Peek().Name == m.Groups["name"].Value) stack.Pop(); }
            else if (!m.Groups["empty"].Success) stack.Push((m.Groups["name"].Value, m.Index));
        }
        if (stack.Count == 0) return ("document", 0, 0);
        var (name, offset) = stack.Peek();
        int lineStart = markup.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        return (name, markup[..offset].Count(c => c == '\n') + 1, offset - lineStart + 1);
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(?<empty>/)?>")]
    private static partial Regex TagPattern();

    /// <summary>The name of the end tag &lt;/name&gt; at or just before a 1-based line and column of the markup, or null.</summary>
    private static string? EndTagAt(string markup, int line, int column)
    {
        var lines = markup.Split('\n');
        if (line < 1 || line > lines.Length) return null;
        string text = lines[line - 1];
        int at = text.LastIndexOf("</", Math.Clamp(column, 0, Math.Max(0, text.Length - 1)), StringComparison.Ordinal);
        if (at < 0 || column - at > 3) return null;
        int end = at + 2;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_' or '.' or ':')) end++;
        return end > at + 2 ? text[(at + 2)..end] : null;
    }

    private Block ParseElement(XmlReader reader, IXmlLineInfo li, string markup, Func<string, SourceRef> describe, HashSet<string> usedTables)
    {
        string name = reader.Name;
        switch (name)
        {
            case "p":
                {
                    string? style = reader.GetAttribute("style");
                    string? src = reader.GetAttribute("src");
                    if (style is not null && !styles.Paragraphs.ContainsKey(style))
                        throw Error(li, markup, $"<p style=\"{style}\">：样式表中没有这个段落样式", $"<p style=\"{style}\">: the style sheet has no such paragraph style");
                    string text;
                    if (reader.IsEmptyElement) { text = ""; reader.Read(); }
                    else
                    {
                        int line = li.LineNumber, column = li.LinePosition;
                        try { text = reader.ReadElementContentAsString(); }
                        catch (XmlException) when (reader.NodeType == XmlNodeType.Element)
                        {
                            // Inline markup is **…** only, so an element inside <p> is nearly always a missing </p> above it.
                            throw Error(line, column, markup, $"<p> 中不能包含元素 <{reader.Name}>（是否漏写了 </p>？段内加粗请用 **…**）",
                                $"a <p> cannot hold the element <{reader.Name}> (a </p> missing? bold inside a paragraph is **…**)");
                        }
                    }
                    var source = src is null ? new SourceRef(Short(text)) : describe(src);
                    return style is null
                        ? classifier.Classify(text, source)
                        : new Paragraph(style, InlineText.ParseBold(text)) { Source = source };
                }
            case "table":
                {
                    string id = reader.GetAttribute("ref") ?? throw Error(li, markup, "<table> 缺少 ref 属性", "<table> needs a ref attribute");
                    if (!tables.TryGetValue(id, out var table)) throw Error(li, markup, $"<table ref=\"{id}\">：模板没有定义这个表格", $"<table ref=\"{id}\">: the template defines no such table");
                    if (!usedTables.Add(id)) throw Error(li, markup, $"表格 {id} 被放置了两次", $"the table {id} is placed twice");
                    Skip(reader, li, markup);
                    return table;
                }
            case "pagebreak":
                Skip(reader, li, markup);
                return new PageBreak();
            case "spacer":
                {
                    string lines = reader.GetAttribute("lines") ?? "1";
                    // At most a page of blank lines: "Infinity" or 1e9 once filled memory with empty pages.
                    if (!double.TryParse(lines, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) || n <= 0 || n > styles.Page.LinesPerPage)
                        throw Error(li, markup, $"<spacer lines=\"{lines}\">：行数无效，应为 0 到 {styles.Page.LinesPerPage}（一页的行数）之间的数",
                            $"<spacer lines=\"{lines}\">: not a valid number of lines, which lies between 0 and {styles.Page.LinesPerPage} (the lines of a page)");
                    Skip(reader, li, markup);
                    return new Spacer(n);
                }
            default:
                throw Error(li, markup, $"未知的标记元素 <{name}>（可用：p、table、pagebreak、spacer）", $"unknown markup element <{name}> (known: p, table, pagebreak, spacer)");
        }
    }

    private void Skip(XmlReader reader, IXmlLineInfo li, string markup)
    {
        if (reader.IsEmptyElement) { reader.Read(); return; }
        string name = reader.Name;
        string inner = reader.ReadElementContentAsString();
        if (!string.IsNullOrWhiteSpace(inner)) throw Error(li, markup, $"<{name}> 不能包含内容", $"<{name}> cannot have content");
    }

    private DocGenException Error(IXmlLineInfo li, string markup, string zh, string en) => Error(li.LineNumber, li.LinePosition, markup, zh, en);

    /// <summary>Reported at the template line that produced the spot (see <see cref="SourceMarkers"/>), with the generated line as context.</summary>
    private DocGenException Error(int line, int column, string markup, string zh, string en)
    {
        var lines = markup.Split('\n');
        string generated = line >= 1 && line <= lines.Length ? Short(SourceMarkers.Strip(lines[line - 1]).Trim()) : "";
        string context = line >= 1 && line <= lines.Length ? $"（生成的第 {line} 行：{generated}）" : "";
        string contextEn = line >= 1 && line <= lines.Length ? $" (generated line {line}: {generated})" : "";
        var (file, srcLine, srcCol) = Locate(markup, line, column);
        return DiagnosticCatalog.Markup.Fail(zh + context, en + contextEn, file, srcLine, srcCol);
    }

    private (string File, int Line, int Column) Locate(string markup, int line, int column) =>
        SourceMarkers.Find(markup, line, column) is { } s
            ? (Path.Combine(Path.GetDirectoryName(templateFile) ?? "", s.File), s.Line, s.Column)
            : (templateFile, 0, 0);

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

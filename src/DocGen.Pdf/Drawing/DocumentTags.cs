using System.Globalization;
using DocGen.Model;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// The structure elements of a document, built from the document model: a paragraph is H1–H6 when
/// its style has that outline level (一、 and （一） headings) and P otherwise, its run-in head (a run in a character style)
/// a Span inside it; a table is one Table, however many pages it runs over, with THead (its header rows) and TBody, a TR
/// per grid row and a TH or TD per origin cell. The painter asks, line by line, which element owns the text it draws.
/// </summary>
internal sealed class DocumentTags(Document doc, StructureTree tree)
{
    private readonly Dictionary<int, ParagraphTags> _paragraphs = [];
    private readonly Dictionary<int, Dictionary<(int Row, int Column), StructElement>> _tables = [];

    private sealed class ParagraphTags(StructElement element, Paragraph paragraph)
    {
        public StructElement Element { get; } = element;
        public Paragraph Paragraph { get; } = paragraph;
        public string Text { get; } = paragraph.PlainText;
        public int Cursor { get; set; }
        public Dictionary<int, StructElement> Spans { get; } = [];
    }

    /// <summary>Creates the element of every block up front, so the tree follows the document's order whatever the pages hold.</summary>
    public void Build()
    {
        for (int i = 0; i < doc.Blocks.Count; i++)
        {
            switch (doc.Blocks[i])
            {
                case Paragraph p:
                    int level = doc.Styles.Paragraph(p.Style).OutlineLevel;
                    string type = level is >= 1 and <= 6 ? "H" + level.ToString(CultureInfo.InvariantCulture) : "P";
                    _paragraphs[i] = new ParagraphTags(tree.Document.Add(type), p);
                    break;
                case Table t:
                    _tables[i] = TableElements(i, t);
                    break;
            }
        }
    }

    /// <summary>
    /// The element that owns a run of a paragraph's text: the Span of a run-in head when the run is that inline's text, else
    /// the paragraph. Runs arrive in reading order, so a cursor finds each run's place in the paragraph's text.
    /// </summary>
    public StructElement? ParagraphRun(int block, string text)
    {
        if (!_paragraphs.TryGetValue(block, out var p)) return null;
        int at = p.Text.IndexOf(text, p.Cursor, StringComparison.Ordinal);
        if (at < 0) return p.Element;
        p.Cursor = at + text.Length;
        int start = 0;
        for (int k = 0; k < p.Paragraph.Inlines.Count; k++)
        {
            var inline = p.Paragraph.Inlines[k];
            int end = start + inline.Text.Length;
            if (at >= start && at + text.Length <= end)
            {
                if (inline.CharacterStyle is null) return p.Element;
                if (!p.Spans.TryGetValue(k, out var span)) p.Spans[k] = span = p.Element.Add("Span");
                return span;
            }
            start = end;
        }
        return p.Element;
    }

    /// <summary>The TH or TD of a table cell (by its origin).</summary>
    public StructElement? Cell(int block, int row, int column) =>
        _tables.TryGetValue(block, out var cells) && cells.TryGetValue((row, column), out var e) ? e : null;

    private Dictionary<(int, int), StructElement> TableElements(int block, Table t)
    {
        var grid = new TableGrid(t);
        var table = tree.Document.Add("Table", keepEmpty: true);
        var cells = new Dictionary<(int, int), StructElement>();
        var attributes = new System.Text.StringBuilder();
        int headers = Math.Min(t.HeaderRows, t.Rows.Count);
        var head = headers > 0 ? table.Add("THead", keepEmpty: true) : null;
        var body = headers < t.Rows.Count ? table.Add("TBody", keepEmpty: true) : null;
        for (int r = 0; r < t.Rows.Count; r++)
        {
            var tr = (r < headers ? head! : body!).Add("TR", keepEmpty: true);
            foreach (var cell in t.Rows[r].Cells.OrderBy(c => c.Column))
            {
                bool header = !cell.IsValue;
                var e = tr.Add(header ? "TH" : "TD", header ? HeaderId(block, cell) : null, keepEmpty: true);
                // One builder for every cell's attributes: a list, a join and an array of strings per cell were a tenth of painting.
                attributes.Clear().Append("/O /Table");
                // A label in a header row, or in a body row of labels only (表二's 第二十条第（一）项 | 信息内容 rows), heads
                // the columns below it; any other label heads its row.
                if (header) attributes.Append(" /Scope ").Append(r < headers || t.IsLabelRow(r) ? "/Column" : "/Row");
                if (cell.RowSpan > 1) attributes.Append(" /RowSpan ").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture));
                if (cell.ColSpan > 1) attributes.Append(" /ColSpan ").Append(cell.ColSpan.ToString(CultureInfo.InvariantCulture));
                if (!header)
                {
                    attributes.Append(" /Headers [");
                    bool first = true;
                    foreach (string id in HeadersOf(block, t, grid, cell))
                    {
                        if (!first) attributes.Append(' ');
                        attributes.Append(PdfText.String(id));
                        first = false;
                    }
                    attributes.Append(']');
                }
                // Every cell is a header (a scope) or a data cell (its headers): each has attributes.
                e.Attributes = attributes.ToString();
                cells[(cell.Row, cell.Column)] = e;
            }
        }
        return cells;
    }

    private static string HeaderId(int block, TableCell c) =>
        string.Create(CultureInfo.InvariantCulture, $"b{block}r{c.Row}c{c.Column}");

    /// <summary>
    /// The header cells of a data cell, given explicitly because spans and in-body label rows make them more than "the
    /// row's and the column's": the labels to its left in its rows (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密),
    /// and the labels above it in its columns, from the header rows and from the run of label rows that introduces its
    /// block of rows (表二: 第二十条第（五）项 › 本年处理决定数量), outermost first.
    /// </summary>
    private static IEnumerable<string> HeadersOf(int block, Table t, TableGrid grid, TableCell cell)
    {
        var rows = Enumerable.Range(0, Math.Min(t.HeaderRows, t.Rows.Count)).ToList();
        int r = cell.Row - 1;
        while (r >= rows.Count && !t.IsLabelRow(r)) r--;
        var labelRows = new List<int>();
        while (r >= rows.Count && t.IsLabelRow(r)) labelRows.Insert(0, r--);
        rows.AddRange(labelRows);
        var seen = new HashSet<TableCell>(ReferenceEqualityComparer.Instance);
        foreach (int hr in rows)
            for (int c = cell.Column; c < cell.Column + cell.ColSpan; c++)
            {
                var h = grid.At(hr, c);
                if (!h.IsValue && seen.Add(h)) yield return HeaderId(block, h);
            }
        for (int c = 0; c < cell.Column; c++)
            for (int rr = cell.Row; rr < cell.Row + cell.RowSpan; rr++)
            {
                var h = grid.At(rr, c);
                if (!h.IsValue && seen.Add(h)) yield return HeaderId(block, h);
            }
    }
}

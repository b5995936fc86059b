using DocGen.Model;

namespace DocGen.Pdf.Layout;

/// <summary>
/// Places a table on pages: rows are atomic; a table that does not fit splits between rows, repeats its header rows
/// and the label of every row-spanning cell (三、本年度办理结果, （三）不予公开) on the continuation page.
/// Heights are planned per page segment, so a split spanning cell still has room for its label on each page. Rules take room
/// as in Word and LibreOffice (<see cref="LayoutConstants.TableRuleWidthPt"/>): each row holds its top rule, each segment
/// ends with one more.
/// </summary>
internal sealed class TablePlanner
{
    private const double Rule = LayoutConstants.TableRuleWidthPt;
    // The DOCX states the padding in whole twips (1 mm = 57 twips = 2.85 pt, not 2.835 pt); the PDF pads by the same amount,
    // or over table 三's 30 rows the two files drift half a point apart and a row that just fits in one moves on in the other.
    private static readonly double PadX = Units.TwipsToPt(Units.MmToTwips(LayoutConstants.CellPaddingMm)), PadY = PadX;

    private readonly Table _table;
    private readonly int _blockIndex;
    private readonly TableGrid _grid;
    private readonly double[] _colX;        // left edge of each column, relative to the table
    private readonly double[] _rowBase;     // height of each row from its single-row cells
    private readonly Dictionary<TableCell, CellText> _texts = [];

    private sealed record CellText(IReadOnlyList<LaidLine> Lines, double Height, double Pitch);

    public TablePlanner(Table table, int blockIndex, FontContext fonts)
    {
        _table = table;
        _blockIndex = blockIndex;
        _grid = new TableGrid(table);
        _colX = new double[table.ColumnCount + 1];
        for (int c = 0; c < table.ColumnCount; c++) _colX[c + 1] = _colX[c] + Units.MmToPt(table.ColumnWidthsMm[c]);
        _rowBase = new double[_grid.RowCount];
        for (int r = 0; r < _grid.RowCount; r++)
        {
            _rowBase[r] = Units.MmToPt(table.Rows[r].MinHeightMm);
            foreach (var cell in table.Rows[r].Cells)
            {
                var t = _texts[cell] = Measure(cell, fonts);
                if (cell.RowSpan == 1) _rowBase[r] = Math.Max(_rowBase[r], Rule + t.Height + 2 * PadY);
            }
            if (_rowBase[r] <= 0) _rowBase[r] = Rule + 2 * PadY + 10;
        }
    }

    public double Width => _colX[^1];

    private CellText Measure(TableCell cell, FontContext fonts)
    {
        var style = fonts.Styles.Paragraph(cell.Style ?? _table.Style);
        double pitch = style.LinePitchPt ?? style.SizePt * LayoutConstants.OffGridLineSpacing;
        double width = _colX[cell.Column + cell.ColSpan] - _colX[cell.Column];
        double avail = width - 2 * PadX;
        // A column about one character wide (the 三、本年度办理结果 label) may use its padding rather than split a character.
        if (avail < style.SizePt * 1.2) avail = Math.Max(avail, width - 0.8);
        double indent = cell.IndentChars * style.SizePt;
        var lines = new List<LaidLine>();
        var block = (Block)_table;
        // A column that holds one character per line is vertical text (三、本年度办理结果): every character gets its own
        // line and a pause mark sits in the upper right of its cell, as in vertical setting, instead of hanging over the rule.
        bool stacked = avail < 1.9 * style.SizePt;
        foreach (var hard in cell.Lines.Count == 0 ? [""] : cell.Lines)
        {
            var atoms = fonts.Atoms([(hard, style.FontRole, style.Bold || cell.Bold)], style.SizePt, null, block, hard);
            var broken = stacked ? StackedLines(atoms, avail) : LineBreaker.BreakBalanced(atoms, avail - indent, avail - indent);
            if (broken.Count == 0) broken.Add(new BrokenLine(0, 0, 0, false));
            for (int k = 0; k < broken.Count; k++)
            {
                // Cell text is not justified: a stretched two-line label reads badly in a narrow column.
                var align = cell.Align == HAlign.Justify ? HAlign.Left : cell.Align;
                if (stacked) align = HAlign.Center;
                var (glyphs, w, offset) = LineSetter.Set(atoms, broken[k], avail - indent, align, true);
                double baseline = ParagraphLayout.BaselineOffset(pitch, style.SizePt);
                if (stacked && broken[k].End - broken[k].Start == 1 && VerticalMark(atoms[broken[k].Start], pitch) is { } mark)
                {
                    glyphs = [glyphs[0] with { X = glyphs[0].X + mark.Dx }];
                    baseline = mark.Baseline;
                }
                lines.Add(new LaidLine(LineKind.TableCell, style.Name, _blockIndex, PadX + indent + (width - 2 * PadX - avail) / 2 + offset, 0, pitch,
                    baseline, w, glyphs)
                { Row = cell.Row, Column = cell.Column });
            }
        }
        return new CellText(lines, lines.Count * pitch, pitch);
    }

    /// <summary>One character per line; digit and Latin runs stay together while they fit.</summary>
    private static List<BrokenLine> StackedLines(IReadOnlyList<TextAtom> a, double avail)
    {
        var lines = new List<BrokenLine>();
        int i = 0;
        while (i < a.Count)
        {
            int j = i + 1;
            double w = a[i].Advance;
            while (j < a.Count && LineBreakRules.IsWordChar(a[j - 1].CodePoint) && LineBreakRules.IsWordChar(a[j].CodePoint) && w + a[j].Advance <= avail)
                w += a[j++].Advance;
            if (a[i].CodePoint != ' ') lines.Add(new BrokenLine(i, j, w, false));
            i = j;
        }
        return lines;
    }

    /// <summary>
    /// Where a pause mark (、。，) goes when it has a cell of its own in stacked text: its ink moved to the upper right
    /// quarter of the em box, the position vertical fonts use. Null for other characters.
    /// </summary>
    private static (double Dx, double Baseline)? VerticalMark(TextAtom t, double pitch)
    {
        if (t.CodePoint is not ('、' or '。' or '，' or '．') || t.Face.InkBox(t.CodePoint) is not { } ink) return null;
        double size = t.SizePt;
        double emTop = (pitch - size) / 2;
        double inkCx = (ink.XMin + ink.XMax) / 2 * size, inkCy = (ink.YMin + ink.YMax) / 2 * size;
        double dx = 0.72 * size - inkCx;
        double baseline = emTop + 0.28 * size + inkCy;
        return (dx, baseline);
    }

    /// <summary>Data rows a table's first page must hold: a heading with its header rows and one row alone reads as a stray.</summary>
    private const int MinFirstDataRows = 2;

    /// <summary>
    /// Height of the rows up to the table's second data row (a row with a value, after the header rows): what the table's
    /// first page must hold, and so what a heading kept with the table must see on its page.
    /// </summary>
    public double MinStartHeight()
    {
        return SegmentHeight(Enumerable.Range(0, FirstRowsEnd()).ToList());
    }

    /// <summary>The row after the <see cref="MinFirstDataRows"/>th data row, or the row count when the table has fewer.</summary>
    private int FirstRowsEnd()
    {
        int data = 0;
        for (int r = _table.HeaderRows; r < _grid.RowCount; r++)
            if (!_table.IsLabelRow(r) && ++data == MinFirstDataRows) return r + 1;
        return _grid.RowCount;
    }

    /// <summary>Height of the rows on one page with the rule under the last.</summary>
    private double SegmentHeight(IReadOnlyList<int> rows) => SegmentHeights(rows).Sum() + Rule;

    /// <summary>
    /// Row heights (each with its top rule) for the rows on one page: a spanning cell that starts on the page gets room for
    /// its whole label, also when the page cuts it. A label repeated on a continuation page takes only the room its rows
    /// leave: Word and LibreOffice do not repeat it (a merged cell's text stays where it starts), so growing rows for it
    /// would break the PDF's pages where the DOCX's do not break.
    /// </summary>
    private double[] SegmentHeights(IReadOnlyList<int> rows)
    {
        var h = rows.Select(r => _rowBase[r]).ToArray();
        var pos = new Dictionary<int, int>();
        for (int i = 0; i < rows.Count; i++) pos[rows[i]] = i;
        // Only the spanning cells that start on the page can grow a row, so only they are sorted (the sort of every cell
        // was a tenth of table planning); the sort is stable, so they come in the same order as before.
        foreach (var cell in Origins(rows).Where(c => c.RowSpan > 1 && pos.ContainsKey(c.Row)).OrderBy(c => c.RowSpan).ThenBy(c => c.Row).ThenBy(c => c.Column))
        {
            var covered = rows.Select((r, i) => (r, i)).Where(x => x.r >= cell.Row && x.r < cell.Row + cell.RowSpan).Select(x => x.i).ToList();
            double have = covered.Sum(i => h[i]), need = Rule + _texts[cell].Height + 2 * PadY;
            if (need > have) h[covered[^1]] += need - have;
        }
        return h;
    }

    private IEnumerable<TableCell> Origins(IReadOnlyList<int> rows)
    {
        var seen = new HashSet<TableCell>(ReferenceEqualityComparer.Instance);
        foreach (int r in rows)
            for (int c = 0; c < _grid.ColumnCount; c++)
            {
                var cell = _grid.At(r, c);
                if (seen.Add(cell)) yield return cell;
            }
    }

    /// <summary>Flows the table from the current position, opening pages through <paramref name="newPage"/>.</summary>
    public void Place(Func<PageBuilder> current, Func<PageBuilder> newPage, double areaLeft, double areaTop, double areaWidth, double areaHeight)
    {
        const double eps = 0.01;
        double x0 = areaLeft + Math.Max(0, (areaWidth - Width) / 2);
        var page = current();
        if (!page.IsEmpty && page.Y + MinStartHeight() > areaHeight + eps) page = newPage();
        int headers = Math.Min(_table.HeaderRows, _grid.RowCount);
        int r = 0;
        // Unless those rows are taller than a page themselves, where nothing better than one row is possible.
        int firstRowsEnd = MinStartHeight() <= areaHeight + eps ? FirstRowsEnd() : 0;
        bool firstSegment = true;
        while (r < _grid.RowCount)
        {
            var seg = new List<int>();
            if (!firstSegment) seg.AddRange(Enumerable.Range(0, headers));
            int repeatedCount = seg.Count;
            bool hasBody = false;
            while (r < _grid.RowCount)
            {
                seg.Add(r);
                double total = SegmentHeight(seg);
                bool isBody = r >= headers;
                // The first page of the table holds its first two data rows (MinStartHeight made room for them).
                bool mayBreak = hasBody && (!firstSegment || r >= firstRowsEnd);
                if (page.Y + total > areaHeight + eps && mayBreak)
                {
                    seg.RemoveAt(seg.Count - 1);
                    // A row of labels only (第二十条第（八）项, 信息内容 | 本年收费金额) introduces the rows below it: take it along.
                    while (seg.Count - repeatedCount > 1 && seg[^1] >= headers && _table.IsLabelRow(seg[^1]))
                    {
                        seg.RemoveAt(seg.Count - 1);
                        r--;
                    }
                    break;
                }
                if (isBody) hasBody = true;
                r++;
            }
            // Rows never split (as in the DOCX, where they cannot break across pages): one that cannot fit a fresh page, even
            // alone under its header, would run off the paper, so it is an error rather than a silently clipped page.
            double height = SegmentHeight(seg);
            if (page.Y + height > areaHeight + eps) throw RowTooTall(seg[^1], height, areaHeight - page.Y);
            Emit(page, seg, repeatedCount, x0, areaTop);
            firstSegment = false;
            if (r < _grid.RowCount)
            {
                page = newPage();
                // LibreOffice sets the continuation of a split table one rule lower than the type area's top (measured on its
                // PDFs of our DOCX: 105.62 pt against 105.12 pt where the table starts a page); Word is not known to differ.
                page.Y = Rule;
            }
        }
    }

    private DocGenException RowTooTall(int row, double heightPt, double roomPt)
    {
        // Name the row by the text that makes it tall (not a short label spanning down into it from above).
        var tallest = _table.Rows[row].Cells.OrderByDescending(c => _texts[c].Height).First();
        string label = tallest.Text.Replace("\n", "", StringComparison.Ordinal);
        if (label.Length > 20) label = label[..20] + "…";
        string table = _table.Source.Description.Length > 0 ? _table.Source.Description : "表格 " + _table.Id;
        string message = $"{table}第 {row + 1} 行「{label}」连同表头高 {Units.PtToMm(heightPt):0} 毫米，一页最多容纳 {Units.PtToMm(roomPt):0} 毫米；" +
            "表格的行不跨页拆分。";
        string tableEn = _table.Source.Description.Length > 0 ? _table.Source.Description : "table " + _table.Id;
        string messageEn = $"row {row + 1} of {tableEn} (\"{label}\") is {Units.PtToMm(heightPt):0} mm tall with the table's header, and a page holds at most " +
            $"{Units.PtToMm(roomPt):0} mm; table rows are never split across pages. ";
        // A data file's label override is the clerk's to shorten, at its place in the file; the template's own text is the maintainer's.
        if (tallest.Source is { File: not null } at)
            return DiagnosticCatalog.LayoutRowTooTall.Fail(FailureKind.InvalidData,
                message + (tallest.IsValue ? "请缩短这一格的文字。" : "请缩短这个标签替换的文字。"),
                messageEn + (tallest.IsValue ? "Shorten the text of this cell." : "Shorten the text of this label override."),
                at.File, at.Line, at.Column, at.JsonPath);
        return DiagnosticCatalog.LayoutRowTooTall.Fail(FailureKind.Template, message + "请缩短该格的文字或在模板中加宽该列。",
            messageEn + "Shorten the cell's text or widen its column in the template.");
    }

    private void Emit(PageBuilder page, List<int> seg, int repeatedCount, double x0, double areaTop)
    {
        var h = SegmentHeights(seg);
        var top = new double[seg.Count];
        double y = areaTop + page.Y;
        for (int i = 0; i < seg.Count; i++) { top[i] = y; y += h[i]; }
        foreach (var cell in Origins(seg))
        {
            var covered = seg.Select((r, i) => (r, i)).Where(x => x.r >= cell.Row && x.r < cell.Row + cell.RowSpan).Select(x => x.i).ToList();
            int fi = covered[0], li = covered[^1];
            double bx = x0 + _colX[cell.Column], bw = _colX[cell.Column + cell.ColSpan] - _colX[cell.Column];
            // The box runs along the middle of its rules: its top rule lies in the row's first half point, its bottom
            // rule in the next row's (or in the segment's last half point).
            double by = top[fi] + Rule / 2, bh = top[li] + h[li] - top[fi];
            bool repeated = fi < repeatedCount || cell.Row < seg[fi];
            page.Cells.Add(new CellBox(_table.Id, cell.Row, cell.Column, cell.RowSpan, cell.ColSpan, bx, by, bw, bh, cell.Text)
            {
                Repeated = repeated,
                IsHeader = cell.Row < _table.HeaderRows,
            });
            page.AddRule(bx, by, bx + bw, by, Rule);
            page.AddRule(bx, by + bh, bx + bw, by + bh, Rule);
            page.AddRule(bx, by, bx, by + bh, Rule);
            page.AddRule(bx + bw, by, bx + bw, by + bh, Rule);
            var text = _texts[cell];
            if (cell.Row < seg[fi] && text.Height > bh - Rule - 2 * PadY + 0.01) continue;   // a repeated label its rows have no room for
            // Centred between the top rule's lower edge and the bottom rule's upper edge.
            double ty = by + Rule / 2 + (bh - Rule - text.Height) / 2;
            foreach (var line in text.Lines)
            {
                page.Lines.Add(line with { X = bx + line.X, Top = ty, Baseline = ty + line.Baseline });
                ty += text.Pitch;
            }
        }
        page.Y = y + Rule - areaTop;
    }
}

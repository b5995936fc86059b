using DocGen.Model;
using DocGen.Tables;
using ValueType = DocGen.Tables.ValueType;

namespace DocGen.Templates;

/// <summary>
/// Reads tables/*.json strictly and checks it against itself (keys, labels, layout grid, rules), so a maintainer's typo is
/// reported at its file(line,col) when the template loads, not as a broken table or an internal error while rendering.
/// </summary>
public static class TableDefinitionLoader
{
    private static readonly Dictionary<string, ValueType> Types = new()
    {
        ["count"] = ValueType.Count,
        ["amount"] = ValueType.Amount,
        ["signed"] = ValueType.Signed,
        ["text"] = ValueType.Text,
    };

    private static readonly Dictionary<string, HAlign> Aligns = new() { ["left"] = HAlign.Left, ["center"] = HAlign.Center, ["right"] = HAlign.Right };

    private static readonly Dictionary<string, RuleKind> Kinds = new() { ["sum"] = RuleKind.Sum, ["equal"] = RuleKind.Equal, ["atMost"] = RuleKind.AtMost };

    public static TableDefinition Load(string path)
    {
        var problems = new TemplateProblems();
        var t = new TemplateFields(TemplateJson.Read(path), problems);
        if (t.Node.Kind != System.Text.Json.JsonValueKind.Object)
        {
            t.Report(t.Node, "表格定义应为 JSON 对象 { … }", "a table definition must be a JSON object");
            problems.ThrowIfAny();
        }
        string id = t.Str("id") ?? "";
        string name = t.Str("name") ?? "", title = t.Str("title") ?? "";
        var widthsNode = t.Get("columnWidthsMm", required: true);
        var widths = t.Arr("columnWidthsMm", minItems: 1).Select(w => t.Num(w, 10, 2, 500)).ToList();
        var defaultType = t.Choice("valueType", ValueType.Count, Types);
        var columns = Keys(t, "columns");
        var rows = Keys(t, "rows");
        var rowSet = rows.Select(r => r.Key).ToHashSet();
        var colSet = columns.Select(c => c.Key).ToHashSet();

        var layoutItems = t.Arr("layout", required: true, minItems: 1);
        int headerRows = t.Int("headerRows", 0, 0, Math.Max(0, layoutItems.Count - 1), required: true);
        var layout = new List<LayoutRow>();
        var valueCells = new List<(string, string)>();
        var cellNodes = new List<List<TemplateJson>>();
        foreach (var item in layoutItems)
        {
            if (t.Obj(item) is not { } lr) continue;
            var rowNode = lr.Get("row");
            string? rowKey = lr.Str(rowNode);
            if (rowKey is not null && !rowSet.Contains(rowKey)) Undefined(lr, rowNode!, "行", rowKey, rowSet);
            var cells = new List<LayoutCell>();
            var nodes = new List<TemplateJson>();
            foreach (var c in lr.Arr("cells", required: true))
                if (lr.Obj(c) is { } cell && Cell(cell, rowKey, rowSet, colSet, layoutItems.Count, widths.Count) is { } made) { cells.Add(made); nodes.Add(c); }
            var valuesNode = lr.Get("values");
            bool all = false;
            if (valuesNode is not null)
            {
                if (lr.Str(valuesNode) is "*") all = true;
                else lr.Report(valuesNode, "只能写 \"*\"（这一行的每一列都是数据）", "may only be \"*\" (every column of this row is a value)");
                if (all && rowKey is null) lr.Report(valuesNode, "使用 \"values\": \"*\" 时必须用 \"row\" 指定行", "\"values\": \"*\" needs \"row\"");
                if (all && rowKey is not null)
                    foreach (var col in columns) { cells.Add(new LayoutCell(null, null, null, rowKey, col.Key, null, 1, 1, null, 0)); nodes.Add(valuesNode); }
            }
            for (int i = 0; i < cells.Count; i++)
            {
                if (cells[i].ValueRow is null) continue;
                var key = (cells[i].ValueRow!, cells[i].ValueColumn!);
                if (valueCells.Contains(key))
                    problems.Add(nodes[i], DiagnosticCatalog.TemplateTable, $"数据单元格 {key.Item1}.{key.Item2} 在表格中出现了两次", $"value cell {key.Item1}.{key.Item2} appears twice");
                else valueCells.Add(key);
            }
            lr.Done();
            layout.Add(new LayoutRow(rowKey, cells, all));
            cellNodes.Add(nodes);
        }

        var rules = new List<TableRule>();
        foreach (var r in t.Arr("rules"))
            if (t.Obj(r) is { } rule && Rule(rule, rowSet, colSet) is { } made) rules.Add(made);
        t.Done();
        if (!problems.Any) CheckGrid(layout, cellNodes, layoutItems, widths.Count, problems);
        problems.ThrowIfAny();
        _ = widthsNode;
        return new TableDefinition(id, name, title, widths, headerRows, defaultType, columns, rows, layout, rules, path) { ValueCells = valueCells };
    }

    private static List<TableKey> Keys(TemplateFields t, string key)
    {
        var list = new List<TableKey>();
        foreach (var item in t.Arr(key, required: true, minItems: 1))
        {
            if (t.Obj(item) is not { } k) continue;
            var keyNode = k.Get("key", required: true);
            string? name = k.Str(keyNode);
            var made = new TableKey(name ?? "", k.Str("label") ?? "", k.Str("group", required: false),
                k.Get("type") is null ? null : k.Choice("type", ValueType.Count, Types));
            k.Done();
            if (name is null) continue;
            if (list.Any(x => x.Key == name)) k.Report(keyNode!, $"{key} 中的键「{name}」重复", $"key \"{name}\" appears twice in {key}");
            else list.Add(made);
        }
        return list;
    }

    private static LayoutCell? Cell(TemplateFields c, string? rowKey, HashSet<string> rows, HashSet<string> cols, int layoutRows, int columnCount)
    {
        string? text = c.Str("text", false), rowLabel = c.Str("rowLabel", false), colLabel = c.Str("columnLabel", false), value = c.Str("value", false);
        string? id = c.Str("id", false);
        var align = c.Get("align") is null ? (HAlign?)null : c.Choice("align", HAlign.Center, Aligns);
        int rowSpan = c.Int("rowSpan", 1, 1, Math.Max(1, layoutRows)), colSpan = c.Int("colSpan", 1, 1, Math.Max(1, columnCount));
        double indent = c.Num("indentChars", 0, 0, 20);
        c.Done();
        if (new[] { text, rowLabel, colLabel, value }.Count(x => x is not null) != 1)
        {
            c.Report(c.Node, "每个单元格须且只须有 text、rowLabel、columnLabel、value 之一", "each cell needs exactly one of text, rowLabel, columnLabel, value");
            return null;
        }
        if (rowLabel is not null && !rows.Contains(rowLabel)) { Undefined(c, c.Get("rowLabel")!, "行", rowLabel, rows); return null; }
        if (colLabel is not null && !cols.Contains(colLabel)) { Undefined(c, c.Get("columnLabel")!, "列", colLabel, cols); return null; }
        string? vRow = null, vCol = null;
        if (value is not null)
        {
            int dot = value.IndexOf('.');
            (vRow, vCol) = dot >= 0 ? (value[..dot], value[(dot + 1)..]) : (rowKey, value);
            var at = c.Get("value")!;
            if (vRow is null) { c.Report(at, $"数据单元格「{value}」须写成 行.列，或在这一行上指定 \"row\"", $"value cell \"{value}\" must be row.column, or the row must name \"row\""); return null; }
            if (!rows.Contains(vRow)) { Undefined(c, at, "行", vRow, rows); return null; }
            if (!cols.Contains(vCol)) { Undefined(c, at, "列", vCol, cols); return null; }
        }
        return new LayoutCell(text, rowLabel, colLabel, vRow, vCol, id, rowSpan, colSpan, align, indent);
    }

    private static TableRule? Rule(TemplateFields r, HashSet<string> rows, HashSet<string> cols)
    {
        string id = r.Str("id") ?? "";
        string desc = r.Str("description", "");
        var kind = r.Choice("kind", RuleKind.Sum, Kinds, required: true);
        List<string> List(TemplateFields? holder, string key, HashSet<string> valid)
        {
            if (holder is null) return [];
            var list = new List<string>();
            foreach (var item in holder.Arr(key, required: true, minItems: 1))
                if (holder.Str(item) is { } k)
                {
                    if (valid.Contains(k)) list.Add(k);
                    else Undefined(holder, item, key == "rows" ? "行" : "列", k, valid);
                }
            holder.Done();
            return list;
        }
        TableRule? made = null;
        if (kind == RuleKind.Sum)
        {
            r.Get("left"); r.Get("right");
            var target = r.Obj("target", required: true);
            var of = r.Obj("of", required: true);
            if (target is not null && of is not null)
            {
                bool byRow = target.Get("row") is not null;
                var tNode = target.Get(byRow ? "row" : "column", required: true);
                string? tKey = target.Str(tNode);
                target.Done();
                if (tKey is not null && !(byRow ? rows : cols).Contains(tKey)) Undefined(target, tNode!, byRow ? "行" : "列", tKey, byRow ? rows : cols);
                var list = List(of, byRow ? "rows" : "columns", byRow ? rows : cols);
                if (tKey is not null) made = new TableRule(id, kind, desc, byRow, tKey, list, [], []);
            }
        }
        else
        {
            r.Get("target"); r.Get("of");
            var left = List(r.Obj("left", required: true), "rows", rows);
            var right = List(r.Obj("right", required: true), "rows", rows);
            made = new TableRule(id, kind, desc, true, null, [], left, right);
        }
        r.Done();
        return made;
    }

    /// <summary>Places the cells as <see cref="TableBuilder"/> will (HTML-like) and reports overflow, overlap and holes where they are written.</summary>
    private static void CheckGrid(List<LayoutRow> layout, List<List<TemplateJson>> nodes, IReadOnlyList<TemplateJson> rowNodes, int cols, TemplateProblems problems)
    {
        var covered = new bool[layout.Count, cols];
        for (int r = 0; r < layout.Count; r++)
        {
            int c = 0;
            for (int i = 0; i < layout[r].Cells.Count; i++)
            {
                var cell = layout[r].Cells[i];
                while (c < cols && covered[r, c]) c++;
                if (c + cell.ColSpan > cols || r + cell.RowSpan > layout.Count)
                {
                    var at = nodes[r][i].Properties.FirstOrDefault(p => p.Name == (c + cell.ColSpan > cols ? "colSpan" : "rowSpan"))?.Value ?? nodes[r][i];
                    problems.Add(at, DiagnosticCatalog.TemplateTable, c + cell.ColSpan > cols
                        ? $"layout 第 {r + 1} 行的这个单元格超出了表格的 {cols} 列（columnWidthsMm 有 {cols} 项）"
                        : $"layout 第 {r + 1} 行的这个单元格跨 {cell.RowSpan} 行，超出了表格最后一行",
                        $"this cell of layout row {r + 1} does not fit the table's {cols} columns × {layout.Count} rows");
                    return;
                }
                for (int rr = r; rr < r + cell.RowSpan; rr++)
                    for (int cc = c; cc < c + cell.ColSpan; cc++)
                        covered[rr, cc] = true;
                c += cell.ColSpan;
            }
            for (int cc = 0; cc < cols; cc++)
                if (!covered[r, cc])
                {
                    problems.Add(rowNodes[r], DiagnosticCatalog.TemplateTable, $"layout 第 {r + 1} 行第 {cc + 1} 列没有单元格（各行单元格的列数之和应为 {cols}）",
                        $"layout row {r + 1} has no cell in column {cc + 1} (each row must fill {cols} columns)");
                    return;
                }
        }
    }

    private static void Undefined(TemplateFields o, TemplateJson at, string what, string key, IEnumerable<string> known) =>
        o.Problems.Add(at, DiagnosticCatalog.TemplateTable, $"引用了未定义的{what}「{key}」{(Suggest.Closest(key, known) is { } g ? $"，是否应为「{g}」？" : "")}",
            $"refers to an undefined {(what == "行" ? "row" : "column")} \"{key}\"");
}

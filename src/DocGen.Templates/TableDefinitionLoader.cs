using System.Text.Json;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>Reads tables/*.json and checks it against itself, so a maintainer's typo is reported with the file, not as a broken table.</summary>
public static class TableDefinitionLoader
{
    public static TableDefinition Load(string path)
    {
        using var doc = JsonFile.Parse(path);
        var root = doc.RootElement;
        string f = path;
        string id = JsonFile.Str(root, "id", f);
        var defaultType = ParseType(JsonFile.Str(root, "valueType", f, "count"), f);

        List<TableKey> Keys(string name) => root.GetProperty(name).EnumerateArray().Select(e =>
            new TableKey(JsonFile.Str(e, "key", f), JsonFile.Str(e, "label", f),
                e.TryGetProperty("group", out var g) ? g.GetString() : null,
                e.TryGetProperty("type", out var t) ? ParseType(t.GetString() ?? "", f) : null)).ToList();
        var columns = Keys("columns");
        var rows = Keys("rows");
        var rowSet = rows.Select(r => r.Key).ToHashSet();
        var colSet = columns.Select(c => c.Key).ToHashSet();
        Dup(columns, "columns", f); Dup(rows, "rows", f);

        var layout = new List<LayoutRow>();
        var valueCells = new List<(string, string)>();
        int lineNo = 0;
        foreach (var lr in root.GetProperty("layout").EnumerateArray())
        {
            lineNo++;
            string? rowKey = lr.TryGetProperty("row", out var rk) ? rk.GetString() : null;
            if (rowKey is not null && !rowSet.Contains(rowKey)) throw Bad(f, $"layout 第 {lineNo} 行引用了未定义的行「{rowKey}」");
            var cells = new List<LayoutCell>();
            foreach (var c in lr.GetProperty("cells").EnumerateArray())
                cells.Add(Cell(c, rowKey, rowSet, colSet, f, lineNo));
            bool all = lr.TryGetProperty("values", out var v) && v.GetString() == "*";
            if (all)
            {
                if (rowKey is null) throw Bad(f, $"layout 第 {lineNo} 行使用 \"values\": \"*\" 但没有指定 \"row\"");
                foreach (var col in columns)
                    cells.Add(new LayoutCell(null, null, null, rowKey, col.Key, null, 1, 1, null, 0));
            }
            foreach (var c in cells.Where(c => c.ValueRow is not null))
            {
                var key = (c.ValueRow!, c.ValueColumn!);
                if (valueCells.Contains(key)) throw Bad(f, $"数据单元格 {c.ValueRow}.{c.ValueColumn} 在表格中出现了两次");
                valueCells.Add(key);
            }
            layout.Add(new LayoutRow(rowKey, cells, all));
        }

        var rules = new List<TableRule>();
        if (root.TryGetProperty("rules", out var rs))
            foreach (var r in rs.EnumerateArray())
                rules.Add(Rule(r, rowSet, colSet, f));

        var def = new TableDefinition(id, JsonFile.Str(root, "name", f), JsonFile.Str(root, "title", f),
            root.GetProperty("columnWidthsMm").EnumerateArray().Select(e => e.GetDouble()).ToList(),
            (int)JsonFile.Num(root, "headerRows", 0), defaultType, columns, rows, layout, rules, path)
        { ValueCells = valueCells };
        return def;
    }

    private static LayoutCell Cell(JsonElement c, string? rowKey, HashSet<string> rows, HashSet<string> cols, string f, int lineNo)
    {
        string? S(string n) => c.TryGetProperty(n, out var v) ? v.GetString() : null;
        string? text = S("text"), rowLabel = S("rowLabel"), colLabel = S("columnLabel"), value = S("value");
        if (new[] { text, rowLabel, colLabel, value }.Count(x => x is not null) != 1)
            throw Bad(f, $"layout 第 {lineNo} 行：每个单元格须且只须有 text、rowLabel、columnLabel、value 之一");
        if (rowLabel is not null && !rows.Contains(rowLabel)) throw Bad(f, $"layout 第 {lineNo} 行引用了未定义的行「{rowLabel}」");
        if (colLabel is not null && !cols.Contains(colLabel)) throw Bad(f, $"layout 第 {lineNo} 行引用了未定义的列「{colLabel}」");
        string? vRow = null, vCol = null;
        if (value is not null)
        {
            int dot = value.IndexOf('.');
            (vRow, vCol) = dot >= 0 ? (value[..dot], value[(dot + 1)..]) : (rowKey, value);
            if (vRow is null) throw Bad(f, $"layout 第 {lineNo} 行：数据单元格「{value}」须写成 行.列，或在行上指定 \"row\"");
            if (!rows.Contains(vRow)) throw Bad(f, $"layout 第 {lineNo} 行引用了未定义的行「{vRow}」");
            if (!cols.Contains(vCol)) throw Bad(f, $"layout 第 {lineNo} 行引用了未定义的列「{vCol}」");
        }
        HAlign? align = S("align") switch
        {
            null => null,
            "left" => HAlign.Left,
            "center" => HAlign.Center,
            "right" => HAlign.Right,
            var other => throw Bad(f, $"layout 第 {lineNo} 行：对齐方式「{other}」无法识别"),
        };
        return new LayoutCell(text, rowLabel, colLabel, vRow, vCol, S("id"),
            (int)JsonFile.Num(c, "rowSpan", 1), (int)JsonFile.Num(c, "colSpan", 1), align, JsonFile.Num(c, "indentChars", 0));
    }

    private static TableRule Rule(JsonElement r, HashSet<string> rows, HashSet<string> cols, string f)
    {
        string id = JsonFile.Str(r, "id", f);
        string desc = JsonFile.Str(r, "description", f, "");
        RuleKind kind = JsonFile.Str(r, "kind", f) switch
        {
            "sum" => RuleKind.Sum,
            "equal" => RuleKind.Equal,
            "atMost" => RuleKind.AtMost,
            var k => throw Bad(f, $"规则 {id}：种类「{k}」无法识别（sum、equal、atMost）"),
        };
        List<string> Keys(JsonElement e, string name, HashSet<string> valid)
        {
            var list = e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();
            foreach (var k in list.Where(k => !valid.Contains(k))) throw Bad(f, $"规则 {id} 引用了未定义的{(name == "rows" ? "行" : "列")}「{k}」");
            return list;
        }
        if (kind == RuleKind.Sum)
        {
            var target = r.GetProperty("target");
            bool byRow = target.TryGetProperty("row", out var tr);
            string t = byRow ? tr.GetString()! : target.GetProperty("column").GetString()!;
            if (!(byRow ? rows : cols).Contains(t)) throw Bad(f, $"规则 {id} 的目标「{t}」未定义");
            var of = Keys(r.GetProperty("of"), byRow ? "rows" : "columns", byRow ? rows : cols);
            return new TableRule(id, kind, desc, byRow, t, of, [], []);
        }
        var left = Keys(r.GetProperty("left"), "rows", rows);
        var right = Keys(r.GetProperty("right"), "rows", rows);
        return new TableRule(id, kind, desc, true, null, [], left, right);
    }

    private static void Dup(List<TableKey> keys, string what, string f)
    {
        var dup = keys.GroupBy(k => k.Key).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw Bad(f, $"{what} 中的键「{dup.Key}」重复");
    }

    private static ValueType ParseType(string s, string f) => s switch
    {
        "count" => ValueType.Count,
        "amount" => ValueType.Amount,
        "signed" => ValueType.Signed,
        "text" => ValueType.Text,
        _ => throw Bad(f, $"数值类型「{s}」无法识别（count、amount、signed、text）"),
    };

    private static DocGenException Bad(string file, string msg) => new("E-TEMPLATE-TABLE", $"{file}: {msg}", FailureKind.Template);
}

using System.Globalization;
using DocGen.Data;
using DocGen.Tables;

namespace DocGen.Review;

/// <summary>One term of a <see cref="CellExpression"/>: a table cell (this year's or, with previous., last year's), the report year, or a constant.</summary>
public sealed record CellTerm(int Sign, string? Table, string? Row, string? Column, bool Previous, bool Year, decimal Constant)
{
    public bool IsCell => Table is not null;
    public string Path(string? column = null) => $"tables.{Table}.{Row}.{(Column == "*" ? column : Column)}";
}

/// <summary>
/// A sum written in checks.json: "applications.newReceived.total + applications.carriedOver.total", "year", "year - 1",
/// "previous.activeDisclosure.regulations.inForce + activeDisclosure.regulations.issued - activeDisclosure.regulations.repealed".
/// </summary>
public sealed record CellExpression(string Text, IReadOnlyList<CellTerm> Terms)
{
    public bool HasWildcard => Terms.Any(t => t.Column == "*");

    /// <summary>Parses and checks every cell against the format's tables; returns the error text (Chinese, English) or null.</summary>
    public static (CellExpression? Expr, string? Error, string? ErrorEn) Parse(string text, IReadOnlyList<TableDefinition> tables, bool allowPrevious, bool allowWildcard)
    {
        var terms = new List<CellTerm>();
        int sign = 1;
        bool expectTerm = true;
        foreach (var raw in Tokens(text))
        {
            if (raw is "+" or "-")
            {
                if (!expectTerm) { sign = raw == "+" ? 1 : -1; expectTerm = true; continue; }
                return (null, $"表达式「{text}」中「{raw}」的位置不对", $"misplaced '{raw}' in expression '{text}'");
            }
            if (!expectTerm) return (null, $"表达式「{text}」中「{raw}」前缺少 + 或 -", $"'+' or '-' missing before '{raw}' in '{text}'");
            expectTerm = false;
            if (raw == "year") { terms.Add(new CellTerm(sign, null, null, null, false, true, 0)); continue; }
            if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var constant))
            {
                terms.Add(new CellTerm(sign, null, null, null, false, false, constant));
                continue;
            }
            var parts = raw.Split('.');
            bool previous = parts[0] == "previous";
            if (previous) parts = parts[1..];
            if (previous && !allowPrevious)
                return (null, $"「{raw}」：previous.… 只能用于 previousYear 规则", $"'{raw}': previous.… is only allowed in previousYear rules");
            if (parts.Length != 3)
                return (null, $"「{raw}」应写成 表格.行.列（如 applications.newReceived.total）、year 或数字", $"'{raw}' should be table.row.column (e.g. applications.newReceived.total), year or a number");
            var def = tables.FirstOrDefault(t => t.Id == parts[0]);
            if (def is null)
                return (null, $"「{raw}」：没有表格「{parts[0]}」（可用：{string.Join("、", tables.Select(t => t.Id))}）", $"'{raw}': no table '{parts[0]}' (available: {string.Join(", ", tables.Select(t => t.Id))})");
            if (def.Rows.All(r => r.Key != parts[1]))
                return (null, $"「{raw}」：{def.Id} 没有行「{parts[1]}」（可用：{string.Join("、", def.Rows.Select(r => r.Key))}）", $"'{raw}': {def.Id} has no row '{parts[1]}' (available: {string.Join(", ", def.Rows.Select(r => r.Key))})");
            if (parts[2] == "*" ? !allowWildcard : !def.ValueCells.Contains((parts[1], parts[2])))
            {
                var cols = def.ValueCells.Where(c => c.Row == parts[1]).Select(c => c.Column);
                return (null, $"「{raw}」：{def.Id}.{parts[1]} 没有列「{parts[2]}」（可用：{string.Join("、", cols)}）", $"'{raw}': {def.Id}.{parts[1]} has no column '{parts[2]}' (available: {string.Join(", ", cols)})");
            }
            terms.Add(new CellTerm(sign, def.Id, parts[1], parts[2], previous, false, 0));
        }
        if (terms.Count == 0 || expectTerm) return (null, $"表达式「{text}」不完整", $"incomplete expression '{text}'");
        return (new CellExpression(text, terms), null, null);
    }

    private static IEnumerable<string> Tokens(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            if (text[i] is '+' or '-') { yield return text[i++].ToString(); continue; }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('+' or '-')) i++;
            yield return text[start..i];
        }
    }

    /// <summary>The value, or null when a cell is absent (a table the report does not have, an invalid cell already reported).</summary>
    public decimal? Evaluate(BoundReport report, BoundReport? previous, string? column = null)
    {
        decimal sum = 0;
        foreach (var t in Terms)
        {
            decimal? v = t.Year ? (report.Context.GetValueOrDefault("year") is int y ? y : null)
                : t.IsCell ? Cell(t.Previous ? previous : report, t, column)
                : t.Constant;
            if (v is null) return null;
            sum += t.Sign * v.Value;
        }
        return sum;
    }

    private static decimal? Cell(BoundReport? report, CellTerm t, string? column)
    {
        if (report is null || !report.Values.TryGetValue(t.Table!, out var values)) return null;
        return values.Numbers.TryGetValue((t.Row!, t.Column == "*" ? column! : t.Column!), out var v) ? v : null;
    }

    /// <summary>"表三「…」「一、本年新收政府信息公开申请数量」行「总计」列（61）+ …", the cells as printed on the form, with their values.</summary>
    public string Describe(BoundReport report, BoundReport? previous, bool english, string? column = null)
    {
        var parts = new List<string>();
        foreach (var t in Terms)
        {
            string op = parts.Count == 0 ? (t.Sign < 0 ? "-" : "") : t.Sign < 0 ? " - " : " + ";
            if (t.Year) { parts.Add(op + (english ? $"the report year ({Value(report.Context.GetValueOrDefault("year") as int?)})" : $"报告年度（{Value(report.Context.GetValueOrDefault("year") as int?)}）")); continue; }
            if (!t.IsCell) { parts.Add(op + t.Constant.ToString(CultureInfo.InvariantCulture)); continue; }
            var source = t.Previous ? previous : report;
            var def = source?.Template.Tables.FirstOrDefault(d => d.Id == t.Table);
            string col = t.Column == "*" ? column! : t.Column!;
            string name = def is null ? t.Path(column) : def.CellName(t.Row!, col);
            string when = t.Previous ? (english ? "last year's " : "上年报告") : "";
            parts.Add($"{op}{when}{name}（{Value(Cell(source, t, column))}）");
        }
        return string.Concat(parts);
    }

    /// <summary>The JSON paths of the cells, for the clerk to find them in the data files.</summary>
    public string Paths(string? column = null) =>
        string.Join(" + ", Terms.Where(t => t.IsCell).Select(t => (t.Previous ? "previous:" : "") + t.Path(column)));

    private static string Value(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "—";
    private static string Value(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "—";
}

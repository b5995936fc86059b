using System.Globalization;
using DocGen.Model;
using DocGen.Tables;
using ValueType = DocGen.Tables.ValueType;

namespace DocGen.Data;

public sealed partial class ReportBinder
{
    private void Tables(JObject obj, Dictionary<string, TableValues> values, List<Ack> acks)
    {
        var tablesNode = obj["tables"];
        if (tablesNode is null)
        {
            Error(DiagnosticCatalog.DataMissing, obj, $"缺少「tables」（{string.Join("、", _template.Tables.Select(t => t.Name))} 的数据）",
                $"\"tables\" is missing (the data of {string.Join(", ", _template.Tables.Select(t => t.Name))})");
        }
        else if (tablesNode is not JObject) { Error(DiagnosticCatalog.DataType, tablesNode, "「tables」应为对象", "\"tables\" must be an object"); tablesNode = null; }
        var tables = tablesNode as JObject;
        if (tables is not null)
            foreach (var p in tables.Properties.Where(p => _template.Tables.All(t => t.Id != p.Name)))
                UnknownField(p, _template.Tables.Select(t => t.Id), "tables");

        foreach (var def in _template.Tables)
        {
            var tv = new TableValues();
            values[def.Id] = tv;
            var tnode = tables?[def.Id];
            if (tables is not null && tnode is null)
            {
                Error(DiagnosticCatalog.DataMissing, tables, $"缺少 {def.DisplayName} 的数据「tables.{def.Id}」", $"the data of {def.DisplayName} (\"tables.{def.Id}\") is missing");
                continue;
            }
            if (tnode is null) continue;
            if (tnode is not JObject t)
            {
                Error(DiagnosticCatalog.DataType, tnode, $"{def.DisplayName}「tables.{def.Id}」应为对象，每行一个键", $"{def.DisplayName} \"tables.{def.Id}\" must be an object with one key per row");
                continue;
            }
            ReadCells(def, t, tv);
            Rules(def, tv, t, acks);
        }
    }

    private void ReadCells(TableDefinition def, JObject t, TableValues tv)
    {
        bool IsComputed(string row, string col) => TableRules.IsComputed(def, row, col);
        var rowsWithCells = def.ValueCells.Select(v => v.Row).Distinct().ToList();
        foreach (var p in t.Properties.Where(p => !rowsWithCells.Contains(p.Name)))
            UnknownField(p, rowsWithCells, $"tables.{def.Id}");

        foreach (var rowKey in rowsWithCells)
        {
            var row = def.Row(rowKey);
            var cols = def.ValueCells.Where(v => v.Row == rowKey).Select(v => v.Column).ToList();
            var rnode = t[rowKey];
            bool allComputed = cols.All(c => IsComputed(rowKey, c));
            if (rnode is null)
            {
                if (!allComputed)
                {
                    var toFill = cols.Where(c => !IsComputed(rowKey, c)).ToList();
                    Error(DiagnosticCatalog.DataMissing, t, $"{def.DisplayName} 缺少「{row.FullLabel}」行的数据「{rowKey}」（应填写 {string.Join("、", toFill)}）",
                        $"{def.DisplayName} lacks the data of the row \"{row.FullLabel}\" (\"{rowKey}\"; to fill in: {string.Join(", ", toFill)})");
                }
                continue;
            }
            if (rnode is not JObject r)
            {
                Error(DiagnosticCatalog.DataType, rnode, $"{def.DisplayName}「{row.FullLabel}」行应为对象 {{ \"{cols[0]}\": 数值, … }}",
                    $"the row \"{row.FullLabel}\" of {def.DisplayName} must be an object {{ \"{cols[0]}\": number, … }}");
                continue;
            }
            foreach (var p in r.Properties.Where(p => !cols.Contains(p.Name)))
                UnknownField(p, cols, $"tables.{def.Id}.{rowKey}");
            foreach (var colKey in cols)
            {
                var cell = r[colKey];
                if (cell is null)
                {
                    if (!IsComputed(rowKey, colKey))
                        Error(DiagnosticCatalog.DataMissing, r, $"{def.CellName(rowKey, colKey)}：缺少数值「{colKey}」（没有就填 0）",
                            $"{def.CellNameEn(rowKey, colKey)}: the value \"{colKey}\" is missing (write 0 if there is none)");
                    continue;
                }
                ReadValue(def, rowKey, colKey, cell, tv);
            }
        }
    }

    private void ReadValue(TableDefinition def, string row, string col, JNode cell, TableValues tv)
    {
        var type = def.TypeOf(row, col);
        string name = def.CellName(row, col), nameEn = def.CellNameEn(row, col);
        if (type == ValueType.Text)
        {
            if (cell is JString s && !string.IsNullOrWhiteSpace(s.Value)) { CheckText(s); tv.Texts[(row, col)] = s.Value.Trim(); }
            else if (cell is JNumber n) tv.Texts[(row, col)] = n.Text;
            else Error(DiagnosticCatalog.DataType, cell, $"{name}：应为文字（如 \"2154.97万元\"），实际为 {Show(cell)}", $"{nameEn}: must be text (such as \"2154.97万元\"), found {ShowEn(cell)}");
            return;
        }
        if (cell is not JNumber num)
        {
            bool quoted = cell is JString js && decimal.TryParse(js.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
            Error(DiagnosticCatalog.DataNumber, cell, $"{name}：应为数字{(quoted ? "（去掉引号）" : "")}，实际为 {Show(cell)}",
                $"{nameEn}: must be a number{(quoted ? " (remove the quotes)" : "")}, found {ShowEn(cell)}");
            return;
        }
        if (num.Text.Contains('e') || num.Text.Contains('E') ||
            !decimal.TryParse(num.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
        {
            // Plain digits that decimal cannot hold (more than 28 of them) are a typing error of size, not of form.
            bool plain = !num.Text.Contains('e') && !num.Text.Contains('E');
            if (plain) TooLarge(cell, name, nameEn, Shorten(num.Text));
            else
                Error(DiagnosticCatalog.DataNumber, cell, $"{name}：数值 {num.Text} 无法识别（请写成普通数字，如 12 或 118.593）",
                    $"{nameEn}: the value {num.Text} is not understood (write a plain number such as 12 or 118.593)");
            return;
        }
        if (Math.Abs(v) > FormLimits.MaxValue) { TooLarge(cell, name, nameEn, num.Text); return; }
        switch (type)
        {
            case ValueType.Count when v < 0:
                Error(DiagnosticCatalog.DataNegative, cell, $"{name}：应为非负整数，实际为 {num.Text}", $"{nameEn}: must be a non-negative whole number, found {num.Text}"); return;
            case ValueType.Count or ValueType.Signed when v != decimal.Truncate(v):
                Error(DiagnosticCatalog.DataInteger, cell, $"{name}：应为整数，实际为 {num.Text}", $"{nameEn}: must be a whole number, found {num.Text}"); return;
            case ValueType.Amount when v < 0:
                Error(DiagnosticCatalog.DataNegative, cell, $"{name}：金额不能为负数，实际为 {num.Text}", $"{nameEn}: an amount cannot be negative, found {num.Text}"); return;
        }
        tv.Numbers[(row, col)] = FormLimits.IsWhole(type) ? decimal.Truncate(v) : v;
    }

    private void TooLarge(JNode cell, string name, string nameEn, string written) =>
        Error(DiagnosticCatalog.DataRange, cell, $"{name}：数值 {written} 过大（上限 {FormLimits.MaxValue:0}），请检查是否多输了数字",
            $"{nameEn}: the value {written} is too large (the limit is {FormLimits.MaxValue:0}); check for extra digits");

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    private JNode? CellNode(TableDefinition def, string row, string col) =>
        _nodes.GetValueOrDefault($"tables.{def.Id}.{row}.{col}") ?? _nodes.GetValueOrDefault($"tables.{def.Id}.{row}");
}

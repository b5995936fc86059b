using System.Globalization;
using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Data;

/// <summary>
/// Binds a clerk's data file to a template: checks every field, reads every table cell, computes totals, runs the
/// consistency rules. Collects all problems in one pass (never only the first), each with the JSON line:column.
/// </summary>
public sealed partial class ReportBinder
{
    private readonly string _file;
    private readonly TemplatePackage _template;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, JNode> _nodes = [];
    private readonly HashSet<string> _reportedParents = [];

    private ReportBinder(string file, TemplatePackage template)
    {
        _file = file;
        _template = template;
    }

    public static BoundReport Bind(JNode root, TemplatePackage template, string file) => new ReportBinder(file, template).Run(root);

    private static readonly string[] CoreFields = ["$schema", "template", "agency", "year", "title", "tables", "labels", "acknowledgements"];

    private BoundReport Run(JNode root)
    {
        Index(root);
        var context = new Dictionary<string, object?>();
        var values = new Dictionary<string, TableValues>();
        var labels = new Dictionary<string, string>();
        if (root is not JObject obj)
        {
            Error(DiagnosticCatalog.DataType, root, $"数据文件的最外层应为对象 {{ … }}，实际为{JNodeText.TypeName(root)}",
                $"the data file must be an object {{ … }} at its outermost level, found {JNodeText.TypeNameEn(root)}");
            return Result(context, values, labels);
        }

        var narrativeRoots = _template.Narrative.Keys.Select(k => k.Split('.')[0]).Distinct().ToList();
        var known = CoreFields.Concat(narrativeRoots).Concat(_template.ExtraFields).ToList();
        foreach (var p in obj.Properties.Where(p => !known.Contains(p.Name)))
            UnknownField(p, known, null);

        string agency = RequiredString(obj, "agency", "机关名称", "the agency's name") ?? "";
        int year = Year(obj);
        context["agency"] = agency;
        context["year"] = year;
        foreach (var extra in _template.ExtraFields)
            if (obj[extra] is { } node) context[extra] = ExtraField(extra, node);

        Title(obj, context);
        foreach (var (path, place) in _template.Narrative)
            Narrative(obj, path, place, context);

        labels = Labels(obj);
        var ack = Acknowledgements(obj);
        Tables(obj, values, ack);
        foreach (var a in ack.Where(a => !a.Used))
            Warning(DiagnosticCatalog.AcknowledgementUnused, a.Node, $"确认项（规则 {a.Rule}，{a.Table}.{a.Column}）没有对应任何不一致，可以删除",
                $"the acknowledgement (rule {a.Rule}, {a.Table}.{a.Column}) matches no break of that rule and can be deleted");
        foreach (var (where, (count, first)) in _unknownPerObject.Where(u => u.Value.Count > UnknownFieldsListed))
            _diagnostics.Add(DiagnosticCatalog.DataUnknownField.Create(
                $"{(where.Length == 0 ? "数据文件" : $"「{where}」")}中另有 {count - UnknownFieldsListed} 个未知字段（从这里起）没有逐个列出，都将被忽略",
                $"{(where.Length == 0 ? "the data file" : $"\"{where}\"")} has {count - UnknownFieldsListed} more unknown fields (from here on), not listed one by one; all are ignored",
                _file, first.Line, first.Column, first.Value.Path));
        return Result(context, values, labels);
    }

    private BoundReport Result(Dictionary<string, object?> context, Dictionary<string, TableValues> values, Dictionary<string, string> labels) => new()
    {
        File = _file,
        Template = _template,
        Context = context,
        Values = values,
        Diagnostics = _diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList(),
        Nodes = _nodes,
        Labels = labels,
    };

    // ---- top-level fields ----

    private string? RequiredString(JObject obj, string name, string what, string whatEn)
    {
        var n = obj[name];
        if (n is null) { Error(DiagnosticCatalog.DataMissing, obj, $"缺少字段「{name}」（{what}）", $"the field \"{name}\" ({whatEn}) is missing"); return null; }
        if (n is not JString s) { Error(DiagnosticCatalog.DataType, n, $"「{name}」（{what}）应为字符串，实际为{JNodeText.TypeName(n)}", $"\"{name}\" ({whatEn}) must be a string, found {JNodeText.TypeNameEn(n)}"); return null; }
        if (string.IsNullOrWhiteSpace(s.Value)) { Error(DiagnosticCatalog.DataEmpty, n, $"「{name}」（{what}）不能为空", $"\"{name}\" ({whatEn}) cannot be empty"); return null; }
        CheckText(s);
        return s.Value.Trim();
    }

    private int Year(JObject obj)
    {
        var n = obj["year"];
        if (n is null) { Error(DiagnosticCatalog.DataMissing, obj, "缺少字段「year」（报告年度，如 2023）", "the field \"year\" (the report year, such as 2023) is missing"); return 0; }
        if (n is JNumber num && int.TryParse(num.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1990 and <= 2100) return y;
        Error(DiagnosticCatalog.DataYear, n, $"「year」应为四位年份（如 2023），实际为 {Show(n)}", $"\"year\" must be a four-digit year (such as 2023), found {ShowEn(n)}");
        return 0;
    }

    private void Title(JObject obj, Dictionary<string, object?> context)
    {
        var lines = new List<object?>();
        if (obj["title"] is { } t)
        {
            if (t is not JObject to)
            {
                Error(DiagnosticCatalog.DataType, t, $"「title」应为对象 {{ \"agencyLine\": …, \"lines\": [ … ] }}，实际为{JNodeText.TypeName(t)}",
                    $"\"title\" must be an object {{ \"agencyLine\": …, \"lines\": [ … ] }}, found {JNodeText.TypeNameEn(t)}");
            }
            else
            {
                foreach (var p in to.Properties.Where(p => p.Name is not ("agencyLine" or "lines")))
                    UnknownField(p, ["agencyLine", "lines"], "title");
                var title = new Dictionary<string, object?>();
                if (to["agencyLine"] is { } al)
                {
                    if (al is JString s && !string.IsNullOrWhiteSpace(s.Value)) { CheckText(s); title["agencyLine"] = s.Value; }
                    else Error(DiagnosticCatalog.DataType, al, "「title.agencyLine」应为非空字符串（机关全称）", "\"title.agencyLine\" must be a non-empty string (the agency's full name)");
                }
                if (to["lines"] is { } ln)
                {
                    if (ln is JArray arr && arr.Items.Count is >= 1 and <= 4 && arr.Items.All(i => i is JString js && !string.IsNullOrWhiteSpace(js.Value)))
                        foreach (var i in arr.Items) { CheckText((JString)i); lines.Add(((JString)i).Value); }
                    else Error(DiagnosticCatalog.DataType, ln, "「title.lines」应为 1 至 4 个非空字符串组成的数组（标题的各行）", "\"title.lines\" must be an array of 1 to 4 non-empty strings (the lines of the title)");
                }
                context["title"] = title;
            }
        }
        if (lines.Count == 0)
        {
            lines.Add(_template.RenderDefaultTitle(context));
            // The default title is made from "agency": a problem printing it (a character no font has) points there.
            if (obj["agency"] is { } agencyNode) _nodes.TryAdd("title.lines[0]", agencyNode);
        }
        context["titleLines"] = lines;
        context["titleText"] = string.Concat(lines);
    }

    private void Narrative(JObject obj, string path, string place, Dictionary<string, object?> context)
    {
        var parts = path.Split('.');
        JNode? node = obj;
        JNode? notObject = null;
        foreach (var part in parts)
        {
            if (node is not null and not JObject) notObject = node;
            node = node is JObject o ? o[part] : null;
        }
        var paragraphs = new List<object?>();
        if (notObject is not null)
        {
            // "sections": ["…"] instead of { "overview": [ … ] }: said once for the parent, not once per section below it.
            if (_reportedParents.Add(notObject.Path))
            {
                var members = _template.Narrative.Keys.Where(k => k.StartsWith(notObject.Path + ".", StringComparison.Ordinal)).Select(k => $"\"{k[(notObject.Path.Length + 1)..]}\": [ … ]").ToList();
                Error(DiagnosticCatalog.DataType, notObject, $"「{notObject.Path}」应为对象 {{ {string.Join("、", members)} }}，实际为{JNodeText.TypeName(notObject)}",
                    $"\"{notObject.Path}\" must be an object {{ {string.Join(", ", members)} }}, found {JNodeText.TypeNameEn(notObject)}");
            }
        }
        else if (node is null)
        {
            // A part the format allows to be empty may as well be left out (closing: the contact details can sit inside 六).
            if (!_template.NarrativeMayBeEmpty.Contains(path))
                Warning(DiagnosticCatalog.DataNarrativeMissing, obj, $"缺少「{path}」（{place}），{EmptyPart(place)}", $"\"{path}\" ({place}) is missing: {EmptyPartEn(place)}");
        }
        else if (node is JString single)
        {
            CheckText(single);
            paragraphs.Add(single.Value);
        }
        else if (node is not JArray arr)
            Error(DiagnosticCatalog.DataType, node, $"「{path}」（{place}）应为段落数组 [\"…\", \"…\"]，实际为{JNodeText.TypeName(node)}",
                $"\"{path}\" ({place}) must be an array of paragraphs [\"…\", \"…\"], found {JNodeText.TypeNameEn(node)}");
        else
        {
            foreach (var item in arr.Items)
            {
                if (item is JString s) { CheckText(s); if (!string.IsNullOrWhiteSpace(s.Value)) paragraphs.Add(s.Value.Trim()); }
                else Error(DiagnosticCatalog.DataType, item, $"「{path}」（{place}）的每一段应为字符串，实际为{JNodeText.TypeName(item)}", $"each paragraph of \"{path}\" ({place}) must be a string, found {JNodeText.TypeNameEn(item)}");
            }
            if (paragraphs.Count == 0 && arr.Items.All(i => i is JString) && !_template.NarrativeMayBeEmpty.Contains(path))
                Warning(DiagnosticCatalog.DataNarrativeEmpty, arr, $"「{path}」（{place}）没有任何文字，{EmptyPart(place)}", $"\"{path}\" ({place}) has no text: {EmptyPartEn(place)}");
        }
        // Put the list where the template expects it (sections.overview → context["sections"]["overview"]).
        var target = context;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (target.GetValueOrDefault(parts[i]) is not Dictionary<string, object?> child) target[parts[i]] = child = [];
            target = child;
        }
        target[parts[^1]] = paragraphs;

        // Unknown keys beside a nested narrative field (sections.overveiw) are warned once per parent.
        if (parts.Length == 2 && obj[parts[0]] is JObject parent)
        {
            var siblings = _template.Narrative.Keys.Where(k => k.StartsWith(parts[0] + ".", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).ToList();
            if (siblings[0] == parts[1])
                foreach (var p in parent.Properties.Where(p => !siblings.Contains(p.Name)))
                    UnknownField(p, siblings, parts[0]);
        }
    }

    /// <summary>
    /// What an empty part prints: a numbered section (its place is its printed heading, "一、总体情况") keeps its heading; a part
    /// without one (前言, 结尾) prints nothing at all, so saying "only its heading" would be false.
    /// </summary>
    private static string EmptyPart(string place) =>
        System.Text.RegularExpressions.Regex.IsMatch(place, "^[一二三四五六七八九十]+、") ? "该部分将只印标题" : "报告中将没有这一部分";

    private static string EmptyPartEn(string place) =>
        System.Text.RegularExpressions.Regex.IsMatch(place, "^[一二三四五六七八九十]+、") ? "only its heading will be printed" : "the report will not have this part";

    private Dictionary<string, string> Labels(JObject obj)
    {
        var labels = new Dictionary<string, string>();
        if (obj["labels"] is not { } n) return labels;
        if (n is not JObject o)
        {
            Error(DiagnosticCatalog.DataType, n, "「labels」应为对象 { \"表格.rows|columns|cells.键\": \"印刷文字\" }", "\"labels\" must be an object { \"table.rows|columns|cells.key\": \"printed text\" }");
            return labels;
        }
        var keys = _template.Tables.SelectMany(TableBuilder.LabelKeys).ToList();
        foreach (var p in o.Properties)
        {
            if (!keys.Contains(p.Name)) { UnknownField(p, keys, "labels"); continue; }
            if (p.Value is not JString s || string.IsNullOrWhiteSpace(s.Value))
            {
                Error(DiagnosticCatalog.DataLabelEmpty, p.Value, $"标签替换「{p.Name}」应为非空字符串（留空会让表格少一个标签）",
                    $"the label override \"{p.Name}\" must be a non-empty string (an empty one would leave the table a label short)");
                continue;
            }
            CheckText(s);
            labels[p.Name] = s.Value;
        }
        return labels;
    }

    private sealed class Ack(string rule, string table, string column, JNode node)
    {
        public string Rule { get; } = rule;
        public string Table { get; } = table;
        public string Column { get; } = column;
        public string Reason { get; set; } = "";
        public JNode Node { get; } = node;
        public bool Used { get; set; }
    }

    private List<Ack> Acknowledgements(JObject obj)
    {
        var list = new List<Ack>();
        if (obj["acknowledgements"] is not { } n) return list;
        if (n is not JArray arr) { Error(DiagnosticCatalog.DataType, n, "「acknowledgements」应为数组", "\"acknowledgements\" must be an array"); return list; }
        foreach (var item in arr.Items)
        {
            if (item is not JObject o)
            {
                Error(DiagnosticCatalog.DataType, item, "确认项应为对象 { \"rule\", \"table\", \"column\", \"reason\" }", "an acknowledgement must be an object { \"rule\", \"table\", \"column\", \"reason\" }");
                continue;
            }
            string? S(string k) => o[k] is JString s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value : null;
            string? rule = S("rule"), table = S("table"), column = S("column"), reason = S("reason");
            if (rule is null || table is null || column is null)
            {
                Error(DiagnosticCatalog.DataAcknowledgement, o, "确认项须写明 rule（规则编号）、table（表格）和 column（列）", "an acknowledgement must give rule (the rule id), table and column");
                continue;
            }
            if (reason is null)
            {
                Error(DiagnosticCatalog.DataAcknowledgement, o, $"确认项（规则 {rule}）须写明原因 reason：为什么按原样发布不一致的数据",
                    $"the acknowledgement (rule {rule}) must give a reason: why the inconsistent data is published as it is");
                continue;
            }
            list.Add(new Ack(rule, table, column, o) { Reason = reason });
        }
        return list;
    }

    // ---- tables ----

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
            new RuleEngine(def, tv, this, t, acks).Run();
        }
    }

    private void ReadCells(TableDefinition def, JObject t, TableValues tv)
    {
        var computed = def.Rules.Where(r => r.Kind == RuleKind.Sum).ToList();
        bool IsComputed(string row, string col) =>
            computed.Any(r => r.ByRow ? r.Target == row : r.Target == col);
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
                        Error(DiagnosticCatalog.DataMissing, r, $"{CellName(def, rowKey, colKey)}：缺少数值「{colKey}」（没有就填 0）",
                            $"{CellNameEn(def, rowKey, colKey)}: the value \"{colKey}\" is missing (write 0 if there is none)");
                    continue;
                }
                ReadValue(def, rowKey, colKey, cell, tv);
            }
        }
    }

    /// <summary>Counts above this are refused as typing errors (no agency handles a billion applications).</summary>
    private const decimal MaxValue = 999_999_999m;

    private void ReadValue(TableDefinition def, string row, string col, JNode cell, TableValues tv)
    {
        var type = def.TypeOf(row, col);
        string name = CellName(def, row, col), nameEn = CellNameEn(def, row, col);
        if (type == Templates.ValueType.Text)
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
        if (Math.Abs(v) > MaxValue) { TooLarge(cell, name, nameEn, num.Text); return; }
        switch (type)
        {
            case Templates.ValueType.Count when v < 0:
                Error(DiagnosticCatalog.DataNegative, cell, $"{name}：应为非负整数，实际为 {num.Text}", $"{nameEn}: must be a non-negative whole number, found {num.Text}"); return;
            case Templates.ValueType.Count or Templates.ValueType.Signed when v != decimal.Truncate(v):
                Error(DiagnosticCatalog.DataInteger, cell, $"{name}：应为整数，实际为 {num.Text}", $"{nameEn}: must be a whole number, found {num.Text}"); return;
            case Templates.ValueType.Amount when v < 0:
                Error(DiagnosticCatalog.DataNegative, cell, $"{name}：金额不能为负数，实际为 {num.Text}", $"{nameEn}: an amount cannot be negative, found {num.Text}"); return;
        }
        tv.Numbers[(row, col)] = type is Templates.ValueType.Count or Templates.ValueType.Signed ? decimal.Truncate(v) : v;
    }

    private void TooLarge(JNode cell, string name, string nameEn, string written) =>
        Error(DiagnosticCatalog.DataRange, cell, $"{name}：数值 {written} 过大（上限 {MaxValue:0}），请检查是否多输了数字",
            $"{nameEn}: the value {written} is too large (the limit is {MaxValue:0}); check for extra digits");

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    /// <summary>How a cell is named in messages: 表三「…」行「…」列 (also used by the merger).</summary>
    public static string CellName(TableDefinition def, string row, string col) =>
        $"{def.DisplayName}「{def.Row(row).FullLabel}」行「{def.Column(col).Label}」列";

    /// <summary>The English of <see cref="CellName"/>: the labels stay as printed on the form.</summary>
    public static string CellNameEn(TableDefinition def, string row, string col) =>
        $"{def.DisplayName}, row \"{def.Row(row).FullLabel}\", column \"{def.Column(col).Label}\"";

    // ---- rules ----

    /// <summary>Computes totals to a fixpoint (a total of totals waits for its parts), then checks the equations.</summary>
    private sealed class RuleEngine(TableDefinition def, TableValues tv, ReportBinder binder, JObject tableNode, List<Ack> acks)
    {
        private readonly HashSet<(string, string)> _cells = def.ValueCells.ToHashSet();

        public void Run()
        {
            var pending = new List<(TableRule Rule, string Row, string Col, List<(string, string)> Parts)>();
            foreach (var rule in def.Rules.Where(r => r.Kind == RuleKind.Sum))
            {
                foreach (var (row, col) in def.ValueCells)
                {
                    if (rule.ByRow ? row != rule.Target : col != rule.Target) continue;
                    var parts = (rule.ByRow ? rule.Of.Select(r => (r, col)) : rule.Of.Select(c => (row, c))).Where(_cells.Contains).ToList();
                    pending.Add((rule, row, col, parts));
                }
            }
            bool progress = true;
            while (progress && pending.Count > 0)
            {
                progress = false;
                foreach (var item in pending.ToList())
                {
                    if (!item.Parts.All(p => tv.Numbers.ContainsKey(p) && !IsPendingTarget(pending, p))) continue;
                    pending.Remove(item);
                    progress = true;
                    decimal sum = item.Parts.Sum(p => tv.Numbers[p]);
                    var key = (item.Row, item.Col);
                    if (tv.Computed.Contains(key)) continue; // a second rule reaching the same total: the first one decided it
                    if (tv.Numbers.TryGetValue(key, out var typed))
                    {
                        if (typed != sum)
                        {
                            binder.RuleBreak(item.Rule.Id, binder.CellNode(def, item.Row, item.Col) ?? tableNode,
                                $"{CellName(def, item.Row, item.Col)}：填写的合计为 {Fmt(typed)}，但按规则「{item.Rule.Description}」应为 {Fmt(sum)}（{Detail(item.Parts, item.Rule.ByRow)}）。合计由程序自动计算，可以不填",
                                $"{CellNameEn(def, item.Row, item.Col)}: the total typed is {Fmt(typed)}, but by the rule \"{item.Rule.Description}\" it is {Fmt(sum)} ({Detail(item.Parts, item.Rule.ByRow, english: true)}). Totals are computed for you and may be left out");
                            // Later checks use the right sum, so one wrong total is reported once, not again by every rule it feeds.
                            tv.Numbers[key] = sum;
                        }
                    }
                    else
                    {
                        tv.Numbers[key] = sum;
                        tv.Computed.Add(key);
                    }
                }
            }

            // A column that is itself a sum of columns balances whenever its parts do (forms-and-typography c.1, T3-5): checking it
            // too would report every break twice, once in the column and once in 总计.
            var derived = def.Rules.Where(r => r.Kind == RuleKind.Sum && !r.ByRow).Select(r => r.Target).ToHashSet();
            foreach (var rule in def.Rules.Where(r => r.Kind != RuleKind.Sum))
                foreach (var col in def.Columns.Select(c => c.Key).Where(c => !derived.Contains(c)))
                    Check(rule, col);
        }

        private static bool IsPendingTarget(List<(TableRule Rule, string Row, string Col, List<(string, string)> Parts)> pending, (string, string) cell) =>
            pending.Any(p => (p.Row, p.Col) == cell);

        private void Check(TableRule rule, string col)
        {
            var left = rule.Left.Select(r => (r, col)).Where(_cells.Contains).ToList();
            var right = rule.Right.Select(r => (r, col)).Where(_cells.Contains).ToList();
            if (left.Count == 0 || right.Count == 0) return;
            if (!left.Concat(right).All(tv.Numbers.ContainsKey)) return; // a missing or invalid cell is already reported
            decimal l = left.Sum(c => tv.Numbers[c]), r = right.Sum(c => tv.Numbers[c]);
            bool ok = rule.Kind == RuleKind.Equal ? l == r : l <= r;
            if (ok) return;
            string op = rule.Kind == RuleKind.Equal ? "应等于" : "不应大于";
            string msg = $"{def.DisplayName}「{def.Column(col).Label}」列：{Detail(left, true)} = {Fmt(l)}，{op}{Detail(right, true)} = {Fmt(r)}（规则：{rule.Description}）";
            string opEn = rule.Kind == RuleKind.Equal ? "should equal" : "should not exceed";
            string msgEn = $"{def.DisplayName}, column \"{def.Column(col).Label}\": {Detail(left, true, english: true)} = {Fmt(l)} {opEn} {Detail(right, true, english: true)} = {Fmt(r)} (rule: {rule.Description})";
            var node = left.Concat(right).Select(c => binder.CellNode(def, c.Item1, c.Item2)).FirstOrDefault(n => n is not null) ?? tableNode;
            var ack = acks.FirstOrDefault(a => a.Rule == rule.Id && a.Table == def.Id && a.Column == col);
            if (ack is not null)
            {
                ack.Used = true;
                binder.RuleBreak(rule.Id, node, $"{msg}。数据文件已确认按原样发布，原因：{ack.Reason}",
                    $"{msgEn}. The data file acknowledges publishing it as it is, because: {ack.Reason}", acknowledged: true);
            }
            else
            {
                binder.RuleBreak(rule.Id, node, msg + "。如果这就是机关实际发布的数据，请在 acknowledgements 中说明原因",
                    msgEn + ". If these are the figures the agency really published, give the reason in acknowledgements");
            }
        }

        /// <summary>The parts of a sum as the clerk reads them; long sums list only the non-zero parts.</summary>
        private string Detail(IReadOnlyList<(string Row, string Col)> cells, bool byRow, bool english = false)
        {
            string Part((string Row, string Col) c) =>
                $"{(byRow ? def.Row(c.Row).Label : def.Column(c.Col).Label)}{(english ? " (" : "（")}{Fmt(tv.Numbers.GetValueOrDefault(c))}{(english ? ")" : "）")}";
            if (cells.Count <= 6) return string.Join(" + ", cells.Select(Part));
            var nonZero = cells.Where(c => tv.Numbers.GetValueOrDefault(c) != 0).ToList();
            if (english)
                return $"the sum of {cells.Count} items: {(nonZero.Count == 0 ? "all 0" : string.Join(" + ", nonZero.Select(Part)) + ", the rest 0")}";
            return $"{cells.Count} 项之和：{(nonZero.Count == 0 ? "均为 0" : string.Join(" + ", nonZero.Select(Part)) + "，其余为 0")}";
        }
    }

    internal static string Fmt(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private JNode? CellNode(TableDefinition def, string row, string col) =>
        _nodes.GetValueOrDefault($"tables.{def.Id}.{row}.{col}") ?? _nodes.GetValueOrDefault($"tables.{def.Id}.{row}");

    // ---- helpers ----

    private void Index(JNode n)
    {
        _nodes[n.Path] = n;
        switch (n)
        {
            case JObject o: foreach (var p in o.Properties) Index(p.Value); break;
            case JArray a: foreach (var i in a.Items) Index(i); break;
        }
    }

    /// <summary>Text must survive XML and PDF: no control characters, no broken surrogates, balanced ** markers.</summary>
    private void CheckText(JString s)
    {
        string v = s.Value;
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (char.IsHighSurrogate(c) && i + 1 < v.Length && char.IsLowSurrogate(v[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || (c < 0x20) || c is '\uFFFE' or '\uFFFF' || (c >= 0x7F && c < 0xA0))
            {
                Error(DiagnosticCatalog.DataControlChar, s, $"文字中含有不可打印的控制字符 U+{(int)c:X4}（第 {i + 1} 个字符处），请删除（换段请另起一个字符串）",
                    $"the text holds the unprintable control character U+{(int)c:X4} (at character {i + 1}); delete it (a new paragraph is a new string)");
                return;
            }
        }
        if (InlineText.HasUnbalancedBold(v))
            Error(DiagnosticCatalog.DataBold, s, "加粗标记 ** 没有成对出现（**加粗文字** 前后各一个）", "the bold markers ** are not paired (one before and one after **bold text**)");
    }

    private object? Plain(JNode n, bool checkText) => n switch
    {
        JString s => Checked(s, checkText),
        JNumber num => num.Text,
        JBool b => b.Value,
        JArray a => a.Items.Select(i => Plain(i, checkText)).ToList(),
        JObject o => o.Properties.ToDictionary(p => p.Name, p => Plain(p.Value, checkText)),
        _ => null,
    };

    private string Checked(JString s, bool check)
    {
        if (check) CheckText(s);
        return s.Value;
    }

    /// <summary>Unknown fields warned one by one per object; the rest are counted in one warning (a generated or hostile file
    /// may hold a million, and a million warnings help nobody and took seconds to compute).</summary>
    private const int UnknownFieldsListed = 50;

    private readonly Dictionary<string, (int Count, JProperty First)> _unknownPerObject = [];

    /// <param name="where">JSON path of the object holding the field; null for the top level.</param>
    private void UnknownField(JProperty p, IEnumerable<string> known, string? where)
    {
        var (count, first) = _unknownPerObject.GetValueOrDefault(where ?? "", (0, p));
        _unknownPerObject[where ?? ""] = (count + 1, count == UnknownFieldsListed ? p : first);
        if (count >= UnknownFieldsListed) return;
        string? guess = Suggest.Closest(p.Name, known);
        string hint = guess is null ? "" : $"，是否想写「{guess}」？", hintEn = guess is null ? "" : $" (did you mean \"{guess}\"?)";
        _diagnostics.Add(DiagnosticCatalog.DataUnknownField.Create(
            $"{(where is null ? "数据文件" : $"「{where}」")}中有未知字段「{p.Name}」，将被忽略{hint}",
            $"{(where is null ? "the data file" : $"\"{where}\"")} has the unknown field \"{p.Name}\", which is ignored{hintEn}",
            _file, p.Line, p.Column, p.Value.Path));
    }

    private static string Show(JNode n) => n switch
    {
        JString s => $"\"{(s.Value.Length > 20 ? s.Value[..20] + "…" : s.Value)}\"",
        JNumber num => num.Text,
        JBool b => b.Value ? "true" : "false",
        JNull => "null",
        _ => JNodeText.TypeName(n),
    };

    private static string ShowEn(JNode n) => n is JObject or JArray ? JNodeText.TypeNameEn(n) : Show(n);

    private void Error(DiagnosticKind kind, JNode at, string zh, string en) =>
        _diagnostics.Add(kind.Create(zh, en, _file, at.Line, at.Column, at.Path.Length > 0 ? at.Path : null));

    private void Warning(DiagnosticKind kind, JNode at, string zh, string en) => Error(kind, at, zh, en);

    /// <summary>A break of a table rule the template defines (T3-1 …): an error, or the warning W-T3-1 when the data file acknowledges it.</summary>
    private void RuleBreak(string ruleId, JNode at, string zh, string en, bool acknowledged = false) =>
        _diagnostics.Add(DiagnosticCatalog.Rule(ruleId, acknowledged, zh, en, _file, at.Line, at.Column, at.Path.Length > 0 ? at.Path : null));
}

using System.Text.Json;
using DocGen.Cli.Output;
using DocGen.Tables;
using DocGen.Templates;
using TemplateValueType = DocGen.Tables.ValueType;

namespace DocGen.Cli.Schema;

/// <summary>
/// Writes the JSON Schema (draft-07, the dialect VS Code understands best) of a template's data file from the template itself:
/// every table row and column with its printed label as the title, every narrative field, the label overrides and the
/// acknowledgements. Editors then autocomplete and explain each field in Chinese. Output is deterministic (definition order).
/// </summary>
public static class SchemaGenerator
{
    public static string Generate(TemplatePackage t)
    {
        string json = JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            w.WriteString("title", $"{t.Description}：数据文件");
            w.WriteString("description", $"模板 {t.Name}（版本 {t.Version}）的数据文件。由 `docgen schema --template {t.Name}` 根据模板生成，请勿手工修改。");
            w.WriteString("type", "object");
            w.WriteStartArray("required");
            foreach (var r in new[] { "template", "agency", "year", "tables" }) w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");

            Property(w, "$schema", "string", "JSON Schema", "本文件所用 JSON Schema 的位置，供编辑器自动补全和提示，不影响报告内容。");
            w.WriteStartObject("template");
            w.WriteString("title", "报告格式（模板名）");
            w.WriteString("description", $"本数据文件使用的模板：{t.Description}");
            w.WriteString("const", t.Name);
            w.WriteEndObject();
            w.WriteStartObject("agency");
            w.WriteString("title", "机关名称");
            w.WriteString("description", $"机关简称，用于默认标题“{DefaultTitlePattern(t)}”，也作为文档作者。");
            w.WriteString("type", "string");
            w.WriteNumber("minLength", 1);
            w.WriteEndObject();
            w.WriteStartObject("year");
            w.WriteString("title", "报告年度");
            w.WriteString("description", "报告所统计的年度，四位数字，如 2023。");
            w.WriteString("type", "integer");
            w.WriteNumber("minimum", FormLimits.FirstYear);
            w.WriteNumber("maximum", FormLimits.LastYear);
            w.WriteEndObject();
            TitleProperty(w, t);
            NarrativeProperties(w, t);
            foreach (var extra in t.ExtraFields)
            {
                w.WriteStartObject(extra);
                w.WriteString("title", extra);
                w.WriteString("description", $"模板 {t.Name} 的附加内容「{extra}」。");
                if (t.ExtraFieldTexts.TryGetValue(extra, out var texts))
                {
                    w.WriteString("type", "object");
                    w.WriteBoolean("additionalProperties", false);
                    w.WriteStartObject("properties");
                    foreach (var (key, what) in texts)
                    {
                        w.WriteStartObject(key);
                        w.WriteString("type", "string");
                        w.WriteString("description", what);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            TablesProperty(w, t);
            LabelsProperty(w, t);
            AcknowledgementsProperty(w, t);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return json.ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The template's default title with its fields named: {机关名称}{年度}年政府信息公开工作年度报告.</summary>
    private static string DefaultTitlePattern(TemplatePackage t) =>
        t.RenderDefaultTitle(new Dictionary<string, object?> { ["agency"] = "{机关名称}", ["year"] = "{年度}" });

    private static void Property(Utf8JsonWriter w, string name, string type, string title, string description)
    {
        w.WriteStartObject(name);
        w.WriteString("title", title);
        w.WriteString("description", description);
        w.WriteString("type", type);
        w.WriteEndObject();
    }

    private static void TitleProperty(Utf8JsonWriter w, TemplatePackage t)
    {
        w.WriteStartObject("title");
        w.WriteString("title", "标题");
        w.WriteString("description", $"可选。不填时标题为一行“{DefaultTitlePattern(t)}”。");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        w.WriteStartObject("agencyLine");
        w.WriteString("title", "机关全称行");
        w.WriteString("description", "可选：在标题上方单独印一行的机关全称，如“宁夏回族自治区人民政府办公厅”。");
        w.WriteString("type", "string");
        w.WriteNumber("minLength", 1);
        w.WriteEndObject();
        w.WriteStartObject("lines");
        w.WriteString("title", "标题各行");
        w.WriteString("description", "标题的一至四行，每行一个字符串。");
        w.WriteString("type", "array");
        w.WriteNumber("minItems", 1);
        w.WriteNumber("maxItems", FormLimits.MaxTitleLines);
        w.WriteStartObject("items");
        w.WriteString("type", "string");
        w.WriteNumber("minLength", 1);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Narrative paths such as "sections.overview" become nested objects; each field is a list of paragraphs.</summary>
    private static void NarrativeProperties(Utf8JsonWriter w, TemplatePackage t)
    {
        foreach (var group in t.Narrative.GroupBy(n => n.Key.Split('.')[0]))
        {
            if (group.Count() == 1 && !group.First().Key.Contains('.'))
            {
                Paragraphs(w, group.Key, group.First().Value);
                continue;
            }
            w.WriteStartObject(group.Key);
            w.WriteString("title", "正文各部分");
            w.WriteString("description", string.Join("；", group.Select(n => n.Value)));
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            foreach (var (path, place) in group) Paragraphs(w, path[(path.IndexOf('.') + 1)..], place);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    private static void Paragraphs(Utf8JsonWriter w, string name, string place)
    {
        w.WriteStartObject(name);
        w.WriteString("title", place);
        w.WriteString("description", $"{place}：每段一个字符串。序号由填写人输入，如“（一）依法公布政府信息。……”“1.深化……”；用 **…** 标出加粗的文字；汉字与数字之间不加空格。");
        w.WriteStartArray("type");
        w.WriteStringValue("array");
        w.WriteStringValue("string");
        w.WriteEndArray();
        w.WriteStartObject("items");
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void TablesProperty(Utf8JsonWriter w, TemplatePackage t)
    {
        w.WriteStartObject("tables");
        w.WriteString("title", "统计表");
        w.WriteString("description", string.Join("；", t.Tables.Select(d => d.DisplayName)) + "。每行一个对象，每列一个数值；合计由程序自动计算。");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartArray("required");
        foreach (var d in t.Tables) w.WriteStringValue(d.Id);
        w.WriteEndArray();
        w.WriteStartObject("properties");
        foreach (var def in t.Tables) Table(w, def);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static bool IsComputed(TableDefinition def, string row, string column) => TableRules.IsComputed(def, row, column);

    private static void Table(Utf8JsonWriter w, TableDefinition def)
    {
        var rows = def.ValueCells.Select(v => v.Row).Distinct().ToList();
        w.WriteStartObject(def.Id);
        w.WriteString("title", def.DisplayName);
        w.WriteString("description", $"{def.DisplayName}：每个印刷行一个对象。");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartArray("required");
        foreach (var row in rows.Where(r => def.ValueCells.Any(v => v.Row == r && !IsComputed(def, r, v.Column)))) w.WriteStringValue(row);
        w.WriteEndArray();
        w.WriteStartObject("properties");
        foreach (var rowKey in rows)
        {
            var row = def.Row(rowKey);
            var cols = def.ValueCells.Where(v => v.Row == rowKey).Select(v => v.Column).ToList();
            bool allComputed = cols.All(c => IsComputed(def, rowKey, c));
            w.WriteStartObject(rowKey);
            w.WriteString("title", row.FullLabel);
            w.WriteString("description", allComputed
                ? $"{def.Name}「{row.FullLabel}」行：合计行，由程序自动计算，可以不填；如填写，须与计算结果一致。"
                : $"{def.Name}「{row.FullLabel}」行：{string.Join("、", cols.Where(c => !IsComputed(def, rowKey, c)).Select(c => def.Column(c).Label))}。");
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartArray("required");
            foreach (var c in cols.Where(c => !IsComputed(def, rowKey, c))) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartObject("properties");
            foreach (var colKey in cols) Cell(w, def, rowKey, colKey);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Cell(Utf8JsonWriter w, TableDefinition def, string rowKey, string colKey)
    {
        var column = def.Column(colKey);
        var type = def.TypeOf(rowKey, colKey);
        string what = type switch
        {
            TemplateValueType.Count => "非负整数",
            TemplateValueType.Amount => "非负数，可有小数（万元）",
            TemplateValueType.Signed => "整数，可为负（本年增减）",
            _ => "文字（如 \"2154.97万元\"）或数字",
        };
        string computed = IsComputed(def, rowKey, colKey) ? "合计，由程序自动计算，可以不填；如填写，须与计算结果一致。" : "";
        w.WriteStartObject(colKey);
        w.WriteString("title", column.Label);
        w.WriteString("description", $"{def.Name}「{def.Row(rowKey).FullLabel}」行「{column.Label}」列：{what}。{computed}");
        switch (type)
        {
            case TemplateValueType.Count:
                w.WriteString("type", "integer");
                w.WriteNumber("minimum", 0);
                break;
            case TemplateValueType.Amount:
                w.WriteString("type", "number");
                w.WriteNumber("minimum", 0);
                break;
            case TemplateValueType.Signed:
                w.WriteString("type", "integer");
                break;
            default:
                // The binder also takes a plain number for a text cell and prints it as typed.
                w.WriteStartArray("type");
                w.WriteStringValue("string");
                w.WriteStringValue("number");
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static void LabelsProperty(Utf8JsonWriter w, TemplatePackage t)
    {
        w.WriteStartObject("labels");
        w.WriteString("title", "表格标签替换");
        w.WriteString("description", "可选：改变表格中印刷的行、列标签，例如 { \"activeDisclosure.columns.issued\": \"本年制作件数\" }。");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        foreach (var def in t.Tables)
            foreach (var key in TableBuilder.LabelKeys(def))
            {
                w.WriteStartObject(key);
                w.WriteString("title", $"{def.Name}：{DefaultLabel(def, key)}");
                w.WriteString("description", $"替换{def.DisplayName}中印刷的“{DefaultLabel(def, key)}”。");
                w.WriteString("type", "string");
                w.WriteNumber("minLength", 1);
                w.WriteEndObject();
            }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string DefaultLabel(TableDefinition def, string key)
    {
        var parts = key.Split('.', 3);
        return parts[1] switch
        {
            "rows" => def.Row(parts[2]).Label,
            "columns" => def.Column(parts[2]).Label,
            _ => def.Layout.SelectMany(l => l.Cells).First(c => c.Id == parts[2]).Text ?? parts[2],
        };
    }

    private static void AcknowledgementsProperty(Utf8JsonWriter w, TemplatePackage t)
    {
        var checks = t.Tables.SelectMany(d => d.Rules.Where(r => r.Kind != RuleKind.Sum).Select(r => (Table: d, Rule: r))).ToList();
        w.WriteStartObject("acknowledgements");
        w.WriteString("title", "确认按原样发布的不一致");
        w.WriteString("description", "可选：机关实际发布的数据违反某条规则时，在此逐列说明原因；每次生成都会显示为警告。");
        w.WriteString("type", "array");
        w.WriteStartObject("items");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartArray("required");
        foreach (var r in new[] { "rule", "table", "column", "reason" }) w.WriteStringValue(r);
        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WriteStartObject("rule");
        w.WriteString("title", "规则编号");
        w.WriteString("description", string.Join("；", checks.Select(c => $"{c.Rule.Id}（{c.Table.Name}）：{c.Rule.Description}")));
        Enum(w, checks.Select(c => c.Rule.Id).Distinct());
        w.WriteEndObject();
        w.WriteStartObject("table");
        w.WriteString("title", "表格");
        w.WriteString("description", string.Join("；", checks.Select(c => c.Table).Distinct().Select(d => $"{d.Id}：{d.DisplayName}")));
        Enum(w, checks.Select(c => c.Table.Id).Distinct());
        w.WriteEndObject();
        w.WriteStartObject("column");
        w.WriteString("title", "列");
        w.WriteString("description", string.Join("；", checks.Select(c => c.Table).Distinct().SelectMany(d => d.Columns.Select(c => $"{c.Key}：{c.Label}")).Distinct()));
        Enum(w, checks.Select(c => c.Table).Distinct().SelectMany(d => d.Columns.Select(c => c.Key)).Distinct());
        w.WriteEndObject();
        w.WriteStartObject("reason");
        w.WriteString("title", "原因");
        w.WriteString("description", "为什么按原样发布不一致的数据。");
        w.WriteString("type", "string");
        w.WriteNumber("minLength", 1);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A template without cross-checks has nothing to acknowledge: a plain string then, never an empty enum.</summary>
    private static void Enum(Utf8JsonWriter w, IEnumerable<string> values)
    {
        var list = values.ToList();
        w.WriteString("type", "string");
        if (list.Count == 0) return;
        w.WriteStartArray("enum");
        foreach (var v in list) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}

using DocGen.Tables;
using DocGen.Templates;
using TemplateValueType = DocGen.Tables.ValueType;

namespace DocGen.Engine.DataFiles;

/// <summary>
/// Builds the JSON Schema (draft-07, the dialect VS Code understands best) of a template's data file from the template itself:
/// every table row and column with its printed label as the title, every narrative field, the label overrides and the
/// acknowledgements. Editors then autocomplete and explain each field in Chinese. Output is deterministic (definition order).
/// </summary>
internal static class SchemaGenerator
{
    public static string Generate(TemplatePackage t) =>
        System.Text.Json.JsonSerializer.Serialize(Build(t), SchemaJsonContext.Output.DataFileSchema).ReplaceLineEndings("\n") + "\n";

    public static DataFileSchema Build(TemplatePackage t)
    {
        var properties = new OrderedDictionary<string, SchemaNode>
        {
            ["$schema"] = new() { Title = "JSON Schema", Description = "本文件所用 JSON Schema 的位置，供编辑器自动补全和提示，不影响报告内容。", Type = SchemaType.String },
            ["template"] = new() { Title = "报告格式（模板名）", Description = $"本数据文件使用的模板：{t.Description}", Const = t.Name },
            ["agency"] = new()
            {
                Title = "机关名称",
                Description = $"机关简称，用于默认标题“{DefaultTitlePattern(t)}”，也作为文档作者。",
                Type = SchemaType.String,
                MinLength = 1,
            },
            ["year"] = new()
            {
                Title = "报告年度",
                Description = "报告所统计的年度，四位数字，如 2023。",
                Type = SchemaType.Integer,
                Minimum = FormLimits.FirstYear,
                Maximum = FormLimits.LastYear,
            },
            ["title"] = TitleProperty(t),
        };
        foreach (var (name, node) in NarrativeProperties(t)) properties[name] = node;
        foreach (var extra in t.ExtraFields) properties[extra] = ExtraField(t, extra);
        properties["tables"] = TablesProperty(t);
        properties["labels"] = LabelsProperty(t);
        properties["acknowledgements"] = AcknowledgementsProperty(t);
        return new DataFileSchema(
            "http://json-schema.org/draft-07/schema#",
            $"{t.Description}：数据文件",
            $"模板 {t.Name}（版本 {t.Version}）的数据文件。由 `docgen schema --template {t.Name}` 根据模板生成，请勿手工修改。",
            SchemaType.Object,
            ["template", "agency", "year", "tables"],
            false,
            properties);
    }

    /// <summary>The template's default title with its fields named: {机关名称}{年度}年政府信息公开工作年度报告.</summary>
    private static string DefaultTitlePattern(TemplatePackage t) =>
        t.RenderDefaultTitle(new Dictionary<string, object?> { ["agency"] = "{机关名称}", ["year"] = "{年度}" });

    private static SchemaNode TitleProperty(TemplatePackage t) =>
        SchemaNode.Closed("标题", $"可选。不填时标题为一行“{DefaultTitlePattern(t)}”。", new()
        {
            ["agencyLine"] = new()
            {
                Title = "机关全称行",
                Description = "可选：在标题上方单独印一行的机关全称，如“宁夏回族自治区人民政府办公厅”。",
                Type = SchemaType.String,
                MinLength = 1,
            },
            ["lines"] = new()
            {
                Title = "标题各行",
                Description = "标题的一至四行，每行一个字符串。",
                Type = SchemaType.Array,
                MinItems = 1,
                MaxItems = FormLimits.MaxTitleLines,
                Items = new() { Type = SchemaType.String, MinLength = 1 },
            },
        });

    /// <summary>Narrative paths such as "sections.overview" become nested objects; each field is a list of paragraphs.</summary>
    private static IEnumerable<(string Name, SchemaNode Node)> NarrativeProperties(TemplatePackage t)
    {
        foreach (var group in t.Narrative.GroupBy(n => n.Key.Split('.')[0]))
        {
            if (group.Count() == 1 && !group.First().Key.Contains('.'))
            {
                yield return (group.Key, Paragraphs(group.First().Value));
                continue;
            }
            var parts = new OrderedDictionary<string, SchemaNode>();
            foreach (var (path, place) in group) parts[path[(path.IndexOf('.') + 1)..]] = Paragraphs(place);
            yield return (group.Key, SchemaNode.Closed("正文各部分", string.Join("；", group.Select(n => n.Value)), parts));
        }
    }

    private static SchemaNode Paragraphs(string place) => new()
    {
        Title = place,
        Description = $"{place}：每段一个字符串。序号由填写人输入，如“（一）依法公布政府信息。……”“1.深化……”；用 **…** 标出加粗的文字；汉字与数字之间不加空格。",
        Type = SchemaType.AnyOf("array", "string"),
        Items = new() { Type = SchemaType.String },
    };

    private static SchemaNode ExtraField(TemplatePackage t, string extra)
    {
        var node = new SchemaNode { Title = extra, Description = $"模板 {t.Name} 的附加内容「{extra}」。" };
        if (!t.ExtraFieldTexts.TryGetValue(extra, out var texts)) return node;
        var properties = new OrderedDictionary<string, SchemaNode>();
        foreach (var (key, what) in texts) properties[key] = new() { Description = what, Type = SchemaType.String };
        return node with { Type = SchemaType.Object, AdditionalProperties = false, Properties = properties };
    }

    private static SchemaNode TablesProperty(TemplatePackage t)
    {
        var tables = new OrderedDictionary<string, SchemaNode>();
        foreach (var def in t.Tables) tables[def.Id] = Table(def);
        return SchemaNode.Closed("统计表", string.Join("；", t.Tables.Select(d => d.DisplayName)) + "。每行一个对象，每列一个数值；合计由程序自动计算。",
            tables, t.Tables.Select(d => d.Id).ToList());
    }

    private static bool IsComputed(TableDefinition def, string row, string column) => TableRules.IsComputed(def, row, column);

    private static SchemaNode Table(TableDefinition def)
    {
        var rows = def.ValueCells.Select(v => v.Row).Distinct().ToList();
        var properties = new OrderedDictionary<string, SchemaNode>();
        foreach (var rowKey in rows)
        {
            var row = def.Row(rowKey);
            var cols = def.ValueCells.Where(v => v.Row == rowKey).Select(v => v.Column).ToList();
            var typed = cols.Where(c => !IsComputed(def, rowKey, c)).ToList();
            var cells = new OrderedDictionary<string, SchemaNode>();
            foreach (var colKey in cols) cells[colKey] = Cell(def, rowKey, colKey);
            properties[rowKey] = SchemaNode.Closed(row.FullLabel, typed.Count == 0
                ? $"{def.Name}「{row.FullLabel}」行：合计行，由程序自动计算，可以不填；如填写，须与计算结果一致。"
                : $"{def.Name}「{row.FullLabel}」行：{string.Join("、", typed.Select(c => def.Column(c).Label))}。", cells, typed);
        }
        var required = rows.Where(r => def.ValueCells.Any(v => v.Row == r && !IsComputed(def, r, v.Column))).ToList();
        return SchemaNode.Closed(def.DisplayName, $"{def.DisplayName}：每个印刷行一个对象。", properties, required);
    }

    private static SchemaNode Cell(TableDefinition def, string rowKey, string colKey)
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
        var cell = new SchemaNode { Title = column.Label, Description = $"{def.Name}「{def.Row(rowKey).FullLabel}」行「{column.Label}」列：{what}。{computed}" };
        return type switch
        {
            TemplateValueType.Count => cell with { Type = SchemaType.Integer, Minimum = 0 },
            TemplateValueType.Amount => cell with { Type = SchemaType.Number, Minimum = 0 },
            TemplateValueType.Signed => cell with { Type = SchemaType.Integer },
            // The binder also takes a plain number for a text cell and prints it as typed.
            _ => cell with { Type = SchemaType.AnyOf("string", "number") },
        };
    }

    private static SchemaNode LabelsProperty(TemplatePackage t)
    {
        var labels = new OrderedDictionary<string, SchemaNode>();
        foreach (var def in t.Tables)
            foreach (var key in TableBuilder.LabelKeys(def))
                labels[key] = new()
                {
                    Title = $"{def.Name}：{DefaultLabel(def, key)}",
                    Description = $"替换{def.DisplayName}中印刷的“{DefaultLabel(def, key)}”。",
                    Type = SchemaType.String,
                    MinLength = 1,
                };
        return SchemaNode.Closed("表格标签替换", "可选：改变表格中印刷的行、列标签，例如 { \"activeDisclosure.columns.issued\": \"本年制作件数\" }。", labels);
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

    private static SchemaNode AcknowledgementsProperty(TemplatePackage t)
    {
        var checks = t.Tables.SelectMany(d => d.Rules.Where(r => r.Kind != RuleKind.Sum).Select(r => (Table: d, Rule: r))).ToList();
        var tables = checks.Select(c => c.Table).Distinct().ToList();
        var item = new OrderedDictionary<string, SchemaNode>
        {
            ["rule"] = Choice("规则编号", string.Join("；", checks.Select(c => $"{c.Rule.Id}（{c.Table.Name}）：{c.Rule.Description}")),
                checks.Select(c => c.Rule.Id).Distinct()),
            ["table"] = Choice("表格", string.Join("；", tables.Select(d => $"{d.Id}：{d.DisplayName}")), tables.Select(d => d.Id)),
            ["column"] = Choice("列", string.Join("；", tables.SelectMany(d => d.Columns.Select(c => $"{c.Key}：{c.Label}")).Distinct()),
                tables.SelectMany(d => d.Columns.Select(c => c.Key)).Distinct()),
            ["reason"] = new() { Title = "原因", Description = "为什么按原样发布不一致的数据。", Type = SchemaType.String, MinLength = 1 },
        };
        return new()
        {
            Title = "确认按原样发布的不一致",
            Description = "可选：机关实际发布的数据违反某条规则时，在此逐列说明原因；每次生成都会显示为警告。",
            Type = SchemaType.Array,
            Items = SchemaNode.Closed(null, null, item, ["rule", "table", "column", "reason"]),
        };
    }

    /// <summary>A template without cross-checks has nothing to acknowledge: a plain string then, never an empty enum.</summary>
    private static SchemaNode Choice(string title, string description, IEnumerable<string> values)
    {
        var list = values.ToList();
        return new() { Title = title, Description = description, Type = SchemaType.String, Enum = list.Count == 0 ? null : list };
    }
}

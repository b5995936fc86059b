using System.Text;
using DocGen.Tables;
using DocGen.Templates;

namespace DocGen.Engine.DataFiles;

/// <summary>
/// A new data file that explains itself to a clerk who has never written JSON: every field present (a zero in every typed
/// table cell, computed totals left out, an empty paragraph list for every narrative field), and beside every key a // comment
/// with what it prints as (the table's printed name, the row's printed label, the columns, what each text list holds and how
/// to type numbering and bold). DocGen reads // comments; the labels come from the template, so they cannot drift from it.
/// </summary>
internal static class DataFileSkeleton
{
    public static string Create(TemplatePackage t, string agency, int year, string schemaReference)
    {
        var o = new Writer();
        o.Comment($"{t.Description}：数据文件（用 docgen validate 检查，docgen render 生成报告）。");
        o.Comment("写法：文字放在英文双引号 \"…\" 里，项与项之间用英文逗号 , 隔开；// 后面是说明，可以保留也可以删除。");
        o.Comment("数字直接写，不加引号和单位；表格的合计行、合计列由程序计算，不用填写。");
        o.Line(0, "{");
        o.Member(1, "$schema", Str(schemaReference), "供编辑器（如 VS Code）提示各字段，不影响报告");
        o.Member(1, "template", Str(t.Name), "报告格式，不要修改");
        o.Member(1, "agency", Str(agency), "机关名称（简称），用于默认标题和文档作者");
        o.Member(1, "year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "报告年度，四位数字");
        o.Open(1, "title", "{", "标题（可删除：不填时为一行默认标题）");
        o.Member(2, "lines", $"[{Str(t.RenderDefaultTitle(new Dictionary<string, object?> { ["agency"] = agency, ["year"] = year }))}]", "标题各行，每行一个字符串；要在标题上方加机关全称行，可加 \"agencyLine\": \"…\"");
        o.Close(1, "}");
        foreach (var group in t.Narrative.GroupBy(n => n.Key.Split('.')[0]))
        {
            if (group.Count() == 1 && !group.First().Key.Contains('.'))
            {
                o.Member(1, group.Key, "[]", Paragraphs(group.First().Value));
                continue;
            }
            o.Open(1, group.Key, "{", "正文各部分：每部分是一个段落列表 [\"第一段\", \"第二段\"]");
            foreach (var (path, place) in group) o.Member(2, path[(path.IndexOf('.') + 1)..], "[]", Paragraphs(place));
            o.Close(1, "}");
        }
        o.Open(1, "tables", "{", "统计表：每个印刷行一个 { }，每列一个数字");
        foreach (var def in t.Tables) Table(o, def);
        o.Close(1, "}");
        o.Member(1, "labels", "{}", "可选：改印刷的行、列标签，如 \"activeDisclosure.columns.issued\": \"本年制作件数\"");
        o.Member(1, "acknowledgements", "[]", "可选：数据确实违反勾稽规则时说明原因，如 { \"rule\": \"T3-1\", \"table\": \"applications\", \"column\": \"naturalPerson\", \"reason\": \"…\" }");
        o.Close(0, "}");
        return o.ToString();
    }

    private static string Paragraphs(string place) =>
        $"{place}：每段一个字符串。序号自己输入，如 \"（一）主动公开情况。……\"；要加粗的文字写成 **加粗**";

    private static void Table(Writer o, TableDefinition def)
    {
        var rows = def.ValueCells.Select(v => v.Row).Distinct()
            .Select(r => (Key: r, Columns: def.ValueCells.Where(v => v.Row == r && !TableRules.IsComputed(def, r, v.Column)).Select(v => v.Column).ToList()))
            .Where(r => r.Columns.Count > 0).ToList();
        // When every row has the same columns (表三's six applicant columns), name them once beside the table.
        bool sameColumns = rows.All(r => r.Columns.SequenceEqual(rows[0].Columns));
        string ColumnList(IEnumerable<string> cols) => string.Join("，", cols.Select(c => $"{c} {def.Column(c).Label}"));
        o.Open(2, def.Id, "{", sameColumns && rows.Count > 1 ? $"{def.DisplayName}。各列：{ColumnList(rows[0].Columns)}" : def.DisplayName);
        foreach (var (key, columns) in rows)
        {
            string cells = "{ " + string.Join(", ", columns.Select(c => $"{Str(c)}: 0")) + " }";
            string label = def.Row(key).FullLabel;
            o.Member(3, key, cells, sameColumns && rows.Count > 1 ? label : $"{label}：{string.Join(" / ", columns.Select(c => def.Column(c).Label))}");
        }
        o.Close(2, "}");
    }

    private static string Str(string s) => JsonOutput.Quote(s);

    /// <summary>Lines of JSON with a // comment after each member. A member or closing bracket waits until the next line
    /// shows whether a sibling follows (comma) or its parent closes (none): commas come before the comment.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private (string Text, string? Comment)? _pending;

        public void Comment(string text) => _sb.Append("// ").Append(text).Append('\n');

        public void Line(int depth, string text) => Emit(Indent(depth) + text, null, comma: false);

        public void Member(int depth, string key, string value, string comment)
        {
            Flush(comma: true);
            _pending = ($"{Indent(depth)}{Str(key)}: {value}", comment);
        }

        public void Open(int depth, string key, string bracket, string comment)
        {
            Flush(comma: true);
            Emit($"{Indent(depth)}{Str(key)}: {bracket}", comment, comma: false);
        }

        public void Close(int depth, string bracket)
        {
            Flush(comma: false);
            _pending = (Indent(depth) + bracket, null);
        }

        private static string Indent(int depth) => new(' ', depth * 2);

        private void Flush(bool comma)
        {
            if (_pending is not { } p) return;
            Emit(p.Text, p.Comment, comma);
            _pending = null;
        }

        private void Emit(string text, string? comment, bool comma) =>
            _sb.Append(text).Append(comma ? "," : "").Append(comment is null ? "" : " // " + comment).Append('\n');

        public override string ToString()
        {
            Flush(comma: false);
            return _sb.ToString();
        }
    }

    /// <summary>The $schema value: an absolute file:// URI of the template's schema, so the reference still works after the
    /// data file is moved or copied anywhere on this computer (a relative path broke as soon as the file moved).</summary>
    public static string SchemaReference(string schemaFile) => new Uri(Path.GetFullPath(schemaFile)).AbsoluteUri;
}

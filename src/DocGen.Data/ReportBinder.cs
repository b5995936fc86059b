using System.Globalization;
using DocGen.Model;
using DocGen.Tables;
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
        if (n is JNumber num && int.TryParse(num.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= FormLimits.FirstYear and <= FormLimits.LastYear) return y;
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
                    if (ln is JArray arr && arr.Items.Count is >= 1 and <= FormLimits.MaxTitleLines && arr.Items.All(i => i is JString js && !string.IsNullOrWhiteSpace(js.Value)))
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

    // ---- tables ----

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

using System.Text;
using System.Text.Json.Nodes;
using DocGen.Tables;
using DocGen.Templates;

namespace DocGen.Serve;

/// <summary>
/// The report as a form, built on the server with every current value in the inputs' value attributes: it shows, and saves
/// through a plain form post, without scripts. form.js adds the live checks, paragraph editing and spreadsheet keys.
/// </summary>
public static class FormPage
{
    public static string Build(ReportSession session, bool hasComments, string? notice = null)
    {
        var data = session.Original;
        var template = session.Template;
        var check = session.Initial;
        var fieldProblems = check.Problems.SelectMany(p => p.Fields.Select(f => (Field: f, p.Severity, p.Text))).GroupBy(x => x.Field)
            .ToDictionary(g => g.Key, g => (Css: g.Any(x => x.Severity == "error") ? "bad" : "warn", Text: string.Join("\n", g.Select(x => x.Text))));
        var html = new StringBuilder(64 * 1024);
        Shell.Open(html, session.FileName);
        html.Append("<form id=\"report\" method=\"post\" action=\"/save\">");
        Toolbar(html, session, check);
        if (notice is not null) html.Append($"<p class=\"notice\" role=\"status\">{Html.E(notice)}</p>");
        if (hasComments)
            html.Append($"<p class=\"notice warn\" id=\"comments\">{Html.E(session.FileName)} 中有注释（// 或 /* */）。在这里保存会删除这些注释，保存前会再问一次。" +
                "<label><input type=\"checkbox\" name=\"" + FormFields.DropComments + "\" value=\"1\"> 保存时删除注释</label></p>");
        html.Append("<ul class=\"problems\" id=\"all-problems\" aria-live=\"polite\">");
        foreach (var p in check.Problems) html.Append($"<li class=\"{p.Severity}\">{Html.E(p.Text)}</li>");
        html.Append("</ul>");

        TitleFields(html, data);
        var narrative = template.Narrative.ToList();
        // The tables stand where the printed report has them: after 一、总体情况 (the first section) and before the rest.
        int firstSection = narrative.FindIndex(n => n.Key.Contains('.'));
        int split = firstSection < 0 ? narrative.Count : firstSection + 1;
        foreach (var (path, place) in narrative.Take(split)) Narrative(html, data, path, place);
        foreach (var def in template.Tables) TableForm.Write(html, def, data, Labels(data), check.Totals, fieldProblems);
        foreach (var (path, place) in narrative.Skip(split)) Narrative(html, data, path, place);
        LabelFields(html, template, data);
        Acknowledgements(html, template, data);
        html.Append("</form>");
        html.Append("<section id=\"preview\" hidden><h2>预览（PDF）</h2><iframe id=\"preview-frame\" title=\"PDF 预览\"></iframe></section>");
        Shell.Close(html);
        return html.ToString();
    }

    private static void Toolbar(StringBuilder html, ReportSession session, CheckResult check)
    {
        html.Append("<header class=\"bar\">");
        html.Append($"<h1>{Html.E(session.FileName)}</h1>");
        html.Append($"<span id=\"status\" role=\"status\">{Html.E(Shell.Summary(check))}</span>");
        html.Append("<span class=\"actions\">");
        html.Append("<button type=\"submit\" id=\"save\" formaction=\"/save\">保存</button>");
        html.Append("<button type=\"submit\" id=\"render\" formaction=\"/render\">生成 DOCX 和 PDF</button>");
        html.Append("<button type=\"button\" id=\"show-preview\" hidden>预览</button>");
        html.Append("<span id=\"downloads\">");
        foreach (var ext in new[] { ".docx", ".pdf" })
            if (session.OutputPath(ext) is not null)
                html.Append($"<a href=\"/download/{ext[1..]}\" download>{Html.E(session.BaseName + ext)}</a>");
        html.Append("</span>");
        html.Append("<button type=\"submit\" id=\"stop\" formaction=\"/stop\" formnovalidate>停止服务</button>");
        html.Append("</span></header>");
    }

    private static void TitleFields(StringBuilder html, JsonObject data)
    {
        html.Append("<fieldset class=\"head\"><legend>标题与机关</legend>");
        Input(html, "agency", "机关名称（简称）", Html.ValueText(data["agency"]));
        Input(html, "year", "报告年度", Html.ValueText(data["year"]), "numeric");
        Input(html, "title.agencyLine", "标题上方的机关全称（可不填）", Html.ValueText(Html.At(data, "title", "agencyLine")));
        var lines = Html.At(data, "title", "lines") as JsonArray;
        for (int i = 0; i < 2; i++)
            Input(html, "title.lines", $"标题第 {i + 1} 行" + (i == 0 ? "（不填则为默认标题）" : "（可不填）"), lines is not null && i < lines.Count ? Html.ValueText(lines[i]) : "");
        html.Append("</fieldset>");
    }

    private static void Input(StringBuilder html, string name, string label, string value, string mode = "text") =>
        html.Append($"<label class=\"field\"><span>{Html.E(label)}</span><input name=\"{Html.E(name)}\" value=\"{Html.E(value)}\" inputmode=\"{mode}\" autocomplete=\"off\"></label>");

    private static void Narrative(StringBuilder html, JsonObject data, string path, string place)
    {
        var node = Html.At(data, path.Split('.'));
        var paragraphs = node switch
        {
            JsonArray a => a.Select(Html.ValueText).ToList(),
            JsonValue v => [Html.ValueText(v)],
            _ => [],
        };
        if (paragraphs.Count == 0) paragraphs.Add("");
        html.Append($"<fieldset class=\"narrative\" data-narrative=\"{Html.E(path)}\"><legend>{Html.E(place)}</legend><ol class=\"paragraphs\">");
        foreach (var text in paragraphs)
            html.Append($"<li class=\"paragraph\"><textarea name=\"{Html.E(path)}\" rows=\"3\">{Html.E(text)}</textarea>{Shell.ParagraphTools}</li>");
        html.Append("</ol><button type=\"button\" class=\"add-paragraph\" hidden>添加段落</button>");
        html.Append("<p class=\"hint\">每个文本框是一段。加粗：用两个星号包住文字，如 **聚焦重点领域**。编号自己输入：以「（一）」开头、句号结束的小标题印为楷体，「一、」开头的段落印为黑体标题。</p>");
        html.Append($"<ul class=\"problems\" data-problems=\"{Html.E(path)}\"></ul></fieldset>");
    }

    private static IReadOnlyDictionary<string, string> Labels(JsonObject data) =>
        data["labels"] is JsonObject o
            ? o.Where(p => Html.ValueText(p.Value).Trim().Length > 0).ToDictionary(p => p.Key, p => Html.ValueText(p.Value))
            : new Dictionary<string, string>();

    private static void LabelFields(StringBuilder html, TemplatePackage template, JsonObject data)
    {
        var overrides = Labels(data);
        html.Append("<details class=\"labels\"" + (overrides.Count > 0 ? " open" : "") + "><summary>表格标签：改印另一种文字（一般不需要）</summary><table class=\"plain\">");
        foreach (var def in template.Tables)
            foreach (var key in TableBuilder.LabelKeys(def))
            {
                string[] parts = key.Split('.', 3);
                string printed = parts[1] switch
                {
                    "rows" => def.Row(parts[2]).Label,
                    "columns" => def.Column(parts[2]).Label,
                    _ => def.Layout.SelectMany(l => l.Cells).First(c => c.Id == parts[2]).Text ?? parts[2],
                };
                string field = FormFields.Label(key);
                html.Append($"<tr><th>{Html.E(def.Name)}</th><td><label><span class=\"printed\">{Html.E(printed)}</span>");
                html.Append($"<input name=\"{Html.E(field)}\" value=\"{Html.E(overrides.GetValueOrDefault(key, ""))}\" placeholder=\"{Html.E(printed)}\" aria-label=\"{Html.E(printed)}\"></label></td></tr>");
            }
        html.Append("</table><ul class=\"problems\" data-problems=\"labels\"></ul></details>");
    }

    private static void Acknowledgements(StringBuilder html, TemplatePackage template, JsonObject data)
    {
        var items = (data["acknowledgements"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        html.Append("<fieldset class=\"acks\"><legend>确认按原样发布的不一致（acknowledgements）</legend>");
        html.Append("<p class=\"hint\">机关实际发布的数据不满足某条规则时，在这里写明规则、表格、列和原因：该问题改为警告，报告照常生成。</p>");
        html.Append("<table class=\"plain\"><thead><tr><th>规则</th><th>表格</th><th>列</th><th>原因</th><th></th></tr></thead><tbody id=\"ack-rows\">");
        for (int i = 0; i <= items.Count; i++)
        {
            var item = i < items.Count ? items[i] : null;
            html.Append("<tr class=\"ack\">");
            foreach (var p in FormFields.AcknowledgementProperties)
                html.Append($"<td><input name=\"{Html.E(FormFields.Acknowledgement(i, p))}\" value=\"{Html.E(Html.ValueText(item?[p]))}\" list=\"ack-{p}\" aria-label=\"{p}\"></td>");
            html.Append("<td><button type=\"button\" class=\"remove-ack\" hidden>删除</button></td></tr>");
        }
        html.Append("</tbody></table><button type=\"button\" id=\"add-ack\" hidden>添加确认项</button>");
        Options(html, "ack-rule", template.Tables.SelectMany(t => t.Rules).Where(r => r.Kind != RuleKind.Sum).Select(r => (r.Id, r.Description)));
        Options(html, "ack-table", template.Tables.Select(t => (t.Id, t.DisplayName)));
        Options(html, "ack-column", template.Tables.SelectMany(t => t.Columns).DistinctBy(c => c.Key).Select(c => (c.Key, c.Label)));
        html.Append("<ul class=\"problems\" data-problems=\"acknowledgements\"></ul></fieldset>");
    }

    private static void Options(StringBuilder html, string id, IEnumerable<(string Value, string Label)> options)
    {
        html.Append($"<datalist id=\"{id}\">");
        foreach (var (value, label) in options) html.Append($"<option value=\"{Html.E(value)}\">{Html.E(label)}</option>");
        html.Append("</datalist>");
    }
}

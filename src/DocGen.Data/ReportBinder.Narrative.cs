using DocGen.Model;

namespace DocGen.Data;

public sealed partial class ReportBinder
{
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
}

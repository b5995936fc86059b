using DocGen.Model;

namespace DocGen.Data;

public sealed partial class ReportBinder
{
    /// <summary>
    /// An extra field of the template (the legacy format's "attachment": { "title": "…" }). When the template declares its
    /// text keys, anything else is refused or warned about at its place, as for every other field: true or a number would
    /// print as "True", an object as its keys, and a misspelt key would be dropped without a word.
    /// </summary>
    private object? ExtraField(string name, JNode node)
    {
        if (!_template.ExtraFieldTexts.TryGetValue(name, out var keys)) return Plain(node, checkText: true);
        string shape = "{ " + string.Join(", ", keys.Keys.Select(k => $"\"{k}\": \"{keys[k]}\"")) + " }";
        if (node is not JObject obj)
        {
            Error(DiagnosticCatalog.DataType, node, $"「{name}」应为对象 {shape}，实际为 {Show(node)}", $"\"{name}\" must be an object {shape}, found {ShowEn(node)}");
            return null;
        }
        var texts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in obj.Properties)
        {
            if (!keys.TryGetValue(p.Name, out var what)) { UnknownField(p, keys.Keys, name); continue; }
            if (p.Value is not JString s)
            {
                Error(DiagnosticCatalog.DataType, p.Value, $"「{name}.{p.Name}」（{what}）应为文字，实际为 {Show(p.Value)}", $"\"{name}.{p.Name}\" ({what}) must be text, found {ShowEn(p.Value)}");
                continue;
            }
            CheckText(s);
            if (!string.IsNullOrWhiteSpace(s.Value)) texts[p.Name] = s.Value;
        }
        return texts;
    }
}

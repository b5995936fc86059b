using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocGen.Engine;
using DocGen.Tables;
using DocGen.Templates;

namespace DocGen.Serve;

/// <summary>
/// Writes the form's values into the data file's JSON. It starts from the file as loaded, so what the form does not show (the
/// $schema, the template's extra fields such as the legacy attachment, unknown fields the binder warns about) and the order of
/// the keys stay as they were; only comments are lost (System.Text.Json keeps no trivia), and the page says so before saving.
/// </summary>
public static partial class DataFileEditor
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JsonOutput.Encoder,
    };

    public static JsonObject Parse(byte[] bytes) =>
        JsonNode.Parse(bytes, documentOptions: ReadOptions) as JsonObject ?? throw new InvalidOperationException("the data file is not an object");

    /// <summary>True when the file holds // or /* */ comments, which saving through the form would drop.</summary>
    public static bool HasComments(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.Comment) return true;
        }
        catch (JsonException) { }
        return false;
    }

    public static string Write(JsonObject root) => root.ToJsonString(WriteOptions).ReplaceLineEndings("\n") + "\n";

    /// <summary>A copy of <paramref name="original"/> with every field the form shows replaced by the posted value.</summary>
    public static JsonObject Apply(JsonObject original, TemplatePackage template, FormFields form)
    {
        var root = (JsonObject)original.DeepClone();
        if (form.One("agency") is { } agency) root["agency"] = agency.Trim();
        if (form.One("year") is { } year) root["year"] = NumberOrText(year);
        Title(root, form);
        foreach (var path in template.Narrative.Keys.Where(form.Has))
            SetPath(root, path, new JsonArray(form.All(path).Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()));
        Tables(root, template, form);
        Labels(root, template, form);
        Acknowledgements(root, form);
        return root;
    }

    private static void Title(JsonObject root, FormFields form)
    {
        if (!form.Has("title.lines") && !form.Has("title.agencyLine")) return;
        var title = root["title"] as JsonObject ?? [];
        title.Remove("agencyLine");
        title.Remove("lines");
        var rebuilt = new JsonObject();
        if (form.One("title.agencyLine") is { } line && line.Trim().Length > 0) rebuilt["agencyLine"] = line.Trim();
        var lines = form.All("title.lines").Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > 0) rebuilt["lines"] = new JsonArray(lines.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
        // Other keys of title (a typo the binder warns about) stay, after the two the form owns.
        foreach (var (key, value) in title.ToList()) { title.Remove(key); rebuilt[key] = value; }
        if (rebuilt.Count > 0) root["title"] = rebuilt;
        else root.Remove("title");
    }

    private static void Tables(JsonObject root, TemplatePackage template, FormFields form)
    {
        if (!template.Tables.Any(def => def.ValueCells.Any(v => form.Has(FormFields.Cell(def, v.Row, v.Column))))) return;
        var tables = root["tables"] as JsonObject ?? [];
        if (tables.Parent is null) root["tables"] = tables;
        foreach (var def in template.Tables)
        {
            var table = tables[def.Id] as JsonObject ?? [];
            if (table.Parent is null) tables[def.Id] = table;
            foreach (var (row, column) in def.ValueCells)
            {
                var rowObject = table[row] as JsonObject;
                if (TableRules.IsComputed(def, row, column))
                {
                    // A total is computed from its parts; a typed one left in the file would contradict the form after an edit.
                    rowObject?.Remove(column);
                    if (rowObject is { Count: 0 }) table.Remove(row);
                    continue;
                }
                string field = FormFields.Cell(def, row, column);
                if (!form.Has(field)) continue;
                string text = form.One(field)!.Trim();
                if (rowObject is null) { rowObject = []; table[row] = rowObject; }
                if (text.Length == 0) rowObject.Remove(column); // the binder names the missing value
                else rowObject[column] = def.TypeOf(row, column) == DocGen.Tables.ValueType.Text ? JsonValue.Create(text) : NumberOrText(text);
            }
        }
    }

    private static void Labels(JsonObject root, TemplatePackage template, FormFields form)
    {
        var keys = template.Tables.SelectMany(TableBuilder.LabelKeys).Where(k => form.Has(FormFields.Label(k))).ToList();
        if (keys.Count == 0) return;
        var labels = root["labels"] as JsonObject ?? [];
        if (labels.Parent is null && keys.All(k => form.One(FormFields.Label(k))!.Trim().Length == 0)) return; // none before, none now
        if (labels.Parent is null) root["labels"] = labels;
        foreach (var key in keys)
        {
            string text = form.One(FormFields.Label(key))!.Trim();
            if (text.Length == 0) labels.Remove(key);
            else labels[key] = text;
        }
    }

    private static void Acknowledgements(JsonObject root, FormFields form)
    {
        var indices = form.Values.Keys.Select(k => AckField().Match(k)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        if (indices.Count == 0 && !form.Has("acknowledgements")) return;
        var list = new JsonArray();
        foreach (int i in indices)
        {
            var item = new JsonObject();
            foreach (var p in FormFields.AcknowledgementProperties)
                item[p] = (form.One(FormFields.Acknowledgement(i, p)) ?? "").Trim();
            // The JsonNode overload: Add<T> would create a JsonValue by reflection (not available in the Native AOT executable).
            if (item.Any(p => ((string)p.Value!).Length > 0)) list.Add((JsonNode)item);
        }
        if (list.Count > 0 || root.ContainsKey("acknowledgements")) root["acknowledgements"] = list;
    }

    /// <summary>Digits as a JSON number exactly as typed (118.593 stays 118.593); anything else as a string, which the binder
    /// then names (应为数字，实际为 "abc") instead of the form silently dropping it.</summary>
    private static JsonNode NumberOrText(string text)
    {
        text = text.Trim();
        return JsonNumber().IsMatch(text) ? JsonNode.Parse(text)! : JsonValue.Create(text);
    }

    private static void SetPath(JsonObject root, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var target = root;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject child) { child = []; target[part] = child; }
            target = child;
        }
        target[parts[^1]] = value;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^acknowledgements\[(\d{1,4})\]\.")]
    private static partial Regex AckField();
}

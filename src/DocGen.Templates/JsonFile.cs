using System.Text.Json;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>Reads a template file (styles.json, tables/*.json, template.json) with errors that name the file and line.</summary>
internal static class JsonFile
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument Parse(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocGenException("E-TEMPLATE-IO", $"无法读取模板文件 {path}：{e.Message}", FailureKind.Template, e);
        }
        try { return JsonDocument.Parse(text, Options); }
        catch (JsonException e)
        {
            throw new DocGenException(FailureKind.Template,
                [new Diagnostic(Severity.Error, "E-TEMPLATE-JSON", $"模板文件不是有效的 JSON：{e.Message}", path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1)]);
        }
    }

    /// <summary>
    /// Parses a file that may name a "base" file (a path relative to it): the base is read first and this file's fields override
    /// it, objects merged field by field, anything else replaced. Lets a format variant restate only what differs.
    /// </summary>
    public static JsonDocument ParseWithBase(string path)
    {
        var node = ParseNode(path, []);
        return JsonDocument.Parse(node.ToJsonString(), Options);
    }

    private static System.Text.Json.Nodes.JsonObject ParseNode(string path, HashSet<string> seen)
    {
        string full = Path.GetFullPath(path);
        if (!seen.Add(full)) throw new DocGenException("E-TEMPLATE-FIELD", $"{path}: \"base\" 形成了循环引用", FailureKind.Template);
        using var doc = Parse(path);
        var node = System.Text.Json.Nodes.JsonObject.Create(doc.RootElement.Clone())
            ?? throw new DocGenException("E-TEMPLATE-FIELD", $"{path}: 应为 JSON 对象", FailureKind.Template);
        if (node["base"] is not { } b) return node;
        string basePath = Path.Combine(Path.GetDirectoryName(full)!, b.GetValue<string>());
        var merged = ParseNode(basePath, seen);
        node.Remove("base");
        Overlay(merged, node);
        return merged;
    }

    private static void Overlay(System.Text.Json.Nodes.JsonObject target, System.Text.Json.Nodes.JsonObject over)
    {
        foreach (var (key, value) in over.ToList())
        {
            if (value is System.Text.Json.Nodes.JsonObject o && target[key] is System.Text.Json.Nodes.JsonObject t) Overlay(t, o);
            else target[key] = value?.DeepClone();
        }
    }

    public static string Str(JsonElement e, string name, string file, string? fallback = null)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString()!;
        return fallback ?? throw new DocGenException("E-TEMPLATE-FIELD", $"{file}: 缺少字符串字段「{name}」");
    }

    public static double Num(JsonElement e, string name, double fallback)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : fallback;

    public static bool Bool(JsonElement e, string name, bool fallback)
        => e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : fallback;

    public static double Size(JsonElement e, string name, string file, double? fallback = null)
    {
        if (!e.TryGetProperty(name, out var v)) return fallback ?? throw new DocGenException("E-TEMPLATE-FIELD", $"{file}: 缺少字号「{name}」");
        string text = v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture) : v.GetString() ?? "";
        return Units.ParseFontSize(text) ?? throw new DocGenException("E-TEMPLATE-FIELD", $"{file}: 字号「{text}」无法识别（可用 三号、五号 … 或磅值如 10.5pt）");
    }
}

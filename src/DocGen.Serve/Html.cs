using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;

namespace DocGen.Serve;

/// <summary>Escaping for the server-built page, and the page's embedded files (styles and script).</summary>
public static class Html
{
    /// <summary>Escapes &lt; &amp; " ' (Chinese text stays as it is, unlike HtmlEncoder.Default's numeric references).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A JSON value as the clerk typed it: a string's text, a number's source digits.</summary>
    public static string ValueText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    public static JsonNode? At(JsonNode? root, params string[] path)
    {
        var node = root;
        foreach (var part in path) node = node is JsonObject o ? o[part] : null;
        return node;
    }

    /// <summary>The bytes of an embedded asset (form.css, form.js), or null for a name that is not one.</summary>
    public static byte[]? Asset(string name)
    {
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\')) return null;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DocGen.Serve.Assets." + name);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
